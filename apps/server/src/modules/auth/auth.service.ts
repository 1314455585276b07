import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { hashPassword, isStrongEnough, verifyPassword } from '../../platform/password.js';
import { type Channel, PLATFORM_PERMISSIONS } from '../../platform/permissions.js';
import { requireActor } from '../../platform/scope.js';
import { addMinutes, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import * as repo from './auth.repository.js';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
/** Seen-at is written at most this often, so that reads stay reads. */
const TOUCH_EVERY_MINUTES = 5;
/** Compared against when the account does not exist, so both paths cost the same. */
let dummyHash: Promise<string> | undefined;

export interface LoginInput {
  username: string;
  password: string;
  channel: Channel;
  userAgent: string | null;
  sessionTtlHours: number;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  actor: Actor;
}

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function parsePermissions(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Minutes left on a lock, or 0 when the account may try again. */
async function lockMinutesLeft(db: Database, loginKey: string, now: string): Promise<number> {
  const failures = await repo.recentLoginFailures(db, loginKey, addMinutes(now, -LOCKOUT_MINUTES));
  if (failures.length < LOCKOUT_FAILURES) return 0;

  const lockedUntil = Date.parse(addMinutes(failures[0], LOCKOUT_MINUTES));

  return Math.max(1, Math.ceil((lockedUntil - Date.parse(now)) / 60_000));
}

/**
 * Signs in with a username (or phone) and password; five failures within fifteen minutes
 * lock the name for fifteen minutes.
 */
export async function login(
  db: Database,
  ctx: RequestContext,
  input: LoginInput,
): Promise<LoginResult> {
  const now = nowInstant();
  const loginKey = input.username.trim().toLowerCase();

  const minutes = await lockMinutesLeft(db, loginKey, now);
  if (minutes > 0) throw new AppError('ACCOUNT_LOCKED', { params: { minutes } });

  const account = await repo.findLoginAccount(db, input.username.trim());
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const passwordOk = await verifyPassword(
    account?.passwordHash ?? (await dummyHash),
    input.password,
  );
  if (!account || !passwordOk) {
    await repo.insertLoginFailure(db, { loginKey, ip: ctx.ip, at: now });
    throw new AppError('INVALID_CREDENTIALS');
  }

  if (!account.active) throw new AppError('ACCOUNT_DISABLED');
  const allowed = input.channel === 'console' ? account.consoleLogin : account.appLogin;
  if (!allowed) {
    throw new AppError('LOGIN_CHANNEL_NOT_ALLOWED', { params: { channel: input.channel } });
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  // The session and its audit entry commit together, or neither does.
  const actor = await inTransaction(db, async (tx) => {
    await repo.clearLoginFailures(tx, loginKey);
    await repo.insertSession(tx, {
      id: sessionId,
      account_kind: account.kind,
      account_id: account.id,
      org_id: account.orgId,
      channel: input.channel,
      ip: ctx.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: addMinutes(now, input.sessionTtlHours * 60),
      revoked_at: null,
    });
    const signedIn = await resolveSession(tx, token);
    if (!signedIn) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      { ...ctx, actor: signedIn },
      {
        action: 'session.login',
        entityType: 'session',
        entityId: sessionId.slice(0, 16),
        after: { channel: input.channel },
      },
    );

    return signedIn;
  });

  return { token, sessionId, actor };
}

/**
 * Actors already built, by session id, with the company auth epoch they were built at. A hit
 * still costs one query (the session must be live and the epoch unchanged), so a revoked
 * session or a department's new permissions take effect at the next request, in every process.
 */
const actorCache = new Map<string, { epoch: number; actor: Actor }>();
const ACTOR_CACHE_LIMIT = 10_000;

function remember(sessionId: string, epoch: number, actor: Actor): void {
  if (actorCache.size >= ACTOR_CACHE_LIMIT) {
    const oldest = actorCache.keys().next().value;
    if (oldest !== undefined) actorCache.delete(oldest);
  }
  actorCache.set(sessionId, { epoch, actor });
}

/** Rebuilds the caller from a session token, reloading whenever the company's auth changed. */
export async function resolveSession(db: Database, token: string): Promise<Actor | null> {
  const now = nowInstant();
  const sessionId = sessionIdOf(token);
  const stamp = await repo.findSessionStamp(db, sessionId, now);
  if (!stamp) {
    actorCache.delete(sessionId);
    return null;
  }

  if (Date.parse(now) - Date.parse(stamp.lastSeenAt) > TOUCH_EVERY_MINUTES * 60_000) {
    await repo.touchSession(db, sessionId, now);
  }

  const cached = actorCache.get(sessionId);
  if (cached && cached.epoch === stamp.authEpoch && stamp.accountKind === 'employee') {
    return cached.actor;
  }

  const actor = await loadActor(db, sessionId, now, stamp.authEpoch);
  if (actor) remember(sessionId, stamp.authEpoch, actor);

  return actor;
}

async function loadActor(
  db: Database,
  sessionId: string,
  now: string,
  authEpoch: number,
): Promise<Actor | null> {
  const principal = await repo.findLiveSession(db, sessionId, now);
  if (!principal || !principal.active) return null;
  if (principal.channel === 'console' && !principal.consoleLogin) return null;
  if (principal.channel === 'app' && !principal.appLogin) return null;

  if (principal.accountKind === 'platform') {
    return {
      kind: 'platform',
      id: principal.accountId,
      orgId: null,
      name: principal.name,
      username: principal.username,
      channel: principal.channel,
      sessionId: principal.sessionId,
      permissions: new Set(PLATFORM_PERMISSIONS),
      projectIds: [],
      authEpoch,
    };
  }

  const granted = parsePermissions(
    principal.channel === 'console' ? principal.consolePermissions : principal.appPermissions,
  );

  return {
    kind: 'employee',
    id: principal.accountId,
    orgId: principal.orgId,
    name: principal.name,
    username: principal.username,
    channel: principal.channel,
    sessionId: principal.sessionId,
    permissions: new Set(granted.filter((code) => !PLATFORM_PERMISSIONS.includes(code))),
    projectIds: principal.allProjects
      ? 'all'
      : await repo.employeeProjectIds(db, principal.accountId),
    buildingIds: await narrowedBuildings(db, principal.accountId),
    authEpoch,
  };
}

async function narrowedBuildings(db: Database, employeeId: number) {
  const ids = await repo.employeeBuildingIds(db, employeeId);

  return ids.length > 0 ? ids : undefined;
}

/** Ends the caller's own session. */
export async function logout(db: Database, ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);

  await inTransaction(db, async (tx) => {
    await repo.revokeSession(tx, actor.sessionId, nowInstant());
    await recordAudit(tx, ctx, {
      action: 'session.logout',
      entityType: 'session',
      entityId: actor.sessionId.slice(0, 16),
    });
  });
}

/** Changes the caller's password and signs out their other sessions. */
export async function changePassword(
  db: Database,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(ctx);
  if (!isStrongEnough(input.newPassword)) throw invalidField('newPassword', 'validation.password');

  const account = { kind: actor.kind, id: actor.id };
  const currentHash = await repo.findPasswordHash(db, account);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', {
      details: [{ field: 'currentPassword', message: 'error.WRONG_PASSWORD' }],
    });
  }

  const passwordHash = await hashPassword(input.newPassword);
  const at = nowInstant();
  await inTransaction(db, async (tx) => {
    await repo.updatePasswordHash(tx, { ...account, passwordHash, at });
    await repo.revokeAccountSessions(tx, { ...account, exceptSessionId: actor.sessionId, at });
    await recordAudit(tx, ctx, {
      action: 'account.password-change',
      entityType: actor.kind === 'employee' ? 'employee' : 'platform_admin',
      entityId: actor.id,
    });
  });
}

export interface SessionSummary {
  id: string;
  channel: Channel;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

/** The caller's live sessions, newest activity first. */
export async function listSessions(db: Database, ctx: RequestContext): Promise<SessionSummary[]> {
  const actor = requireActor(ctx);
  const rows = await repo.listAccountSessions(db, {
    kind: actor.kind,
    id: actor.id,
    now: nowInstant(),
  });

  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    current: row.id === actor.sessionId,
  }));
}

/** Ends one of the caller's own sessions; another account's session is a 404. */
export async function revokeOwnSession(
  db: Database,
  ctx: RequestContext,
  sessionId: string,
): Promise<void> {
  const actor = requireActor(ctx);
  const session = await repo.findAccountSession(db, { kind: actor.kind, id: actor.id, sessionId });
  if (!session || session.revoked_at) throw notFound('session');

  await inTransaction(db, async (tx) => {
    await repo.revokeSession(tx, sessionId, nowInstant());
    await recordAudit(tx, ctx, {
      action: 'session.revoke',
      entityType: 'session',
      entityId: sessionId.slice(0, 16),
    });
  });
}

/** Signs an account out everywhere: used when an administrator resets a password or disables. */
export async function revokeAllSessions(
  db: Database,
  account: { kind: 'employee' | 'platform'; id: number },
): Promise<void> {
  await repo.revokeAccountSessions(db, { ...account, at: nowInstant() });
}
