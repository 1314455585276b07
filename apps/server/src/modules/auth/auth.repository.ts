import type { Database } from '../../db/database.js';
import type { SessionTable } from '../../db/schema.js';

/** The account behind a sign-in name: an employee (by username or phone) or a platform admin. */
export interface LoginAccount {
  kind: 'employee' | 'platform';
  id: number;
  orgId: number | null;
  name: string;
  passwordHash: string;
  active: boolean;
  consoleLogin: boolean;
  appLogin: boolean;
}

export async function findLoginAccount(db: Database, login: string): Promise<LoginAccount | null> {
  const employee = await db
    .selectFrom('employee')
    .innerJoin('company', 'company.id', 'employee.org_id')
    .select([
      'employee.id',
      'employee.org_id',
      'employee.name',
      'employee.password_hash',
      'employee.status',
      'employee.console_login',
      'employee.app_login',
      'company.status as company_status',
    ])
    .where((eb) => eb.or([eb('employee.username', '=', login), eb('employee.phone', '=', login)]))
    .executeTakeFirst();
  if (employee) {
    return {
      kind: 'employee',
      id: employee.id,
      orgId: employee.org_id,
      name: employee.name,
      passwordHash: employee.password_hash,
      active: employee.status === 'active' && employee.company_status === 'active',
      consoleLogin: employee.console_login === 1,
      appLogin: employee.app_login === 1,
    };
  }

  const admin = await db
    .selectFrom('platform_admin')
    .selectAll()
    .where('username', '=', login)
    .executeTakeFirst();
  if (!admin) return null;

  return {
    kind: 'platform',
    id: admin.id,
    orgId: null,
    name: admin.name,
    passwordHash: admin.password_hash,
    active: admin.status === 'active',
    consoleLogin: true,
    appLogin: false,
  };
}

export async function recentLoginFailures(
  db: Database,
  loginKey: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('login_failure')
    .select('created_at')
    .where('login_key', '=', loginKey)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .execute();

  return rows.map((r) => r.created_at);
}

export async function insertLoginFailure(
  db: Database,
  failure: { loginKey: string; ip: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('login_failure')
    .values({ login_key: failure.loginKey, ip: failure.ip, created_at: failure.at })
    .execute();
}

export async function clearLoginFailures(db: Database, loginKey: string): Promise<void> {
  await db.deleteFrom('login_failure').where('login_key', '=', loginKey).execute();
}

export async function insertSession(db: Database, session: SessionTable): Promise<void> {
  await db.insertInto('session').values(session).execute();
}

/** A live session with what is needed to rebuild the actor on every request. */
export interface SessionPrincipal {
  sessionId: string;
  channel: 'console' | 'app';
  lastSeenAt: string;
  accountKind: 'employee' | 'platform';
  accountId: number;
  orgId: number | null;
  name: string;
  username: string;
  active: boolean;
  consoleLogin: boolean;
  appLogin: boolean;
  allProjects: boolean;
  consolePermissions: string;
  appPermissions: string;
}

export async function findLiveSession(
  db: Database,
  sessionId: string,
  now: string,
): Promise<SessionPrincipal | null> {
  const session = await db
    .selectFrom('session')
    .leftJoin('employee', (join) =>
      join
        .onRef('employee.id', '=', 'session.account_id')
        .on('session.account_kind', '=', 'employee'),
    )
    .leftJoin('department', 'department.id', 'employee.department_id')
    .leftJoin('company', 'company.id', 'employee.org_id')
    .leftJoin('platform_admin', (join) =>
      join
        .onRef('platform_admin.id', '=', 'session.account_id')
        .on('session.account_kind', '=', 'platform'),
    )
    .select([
      'session.id',
      'session.channel',
      'session.last_seen_at',
      'session.account_kind',
      'session.account_id',
      'employee.org_id',
      'employee.name as employee_name',
      'employee.username as employee_username',
      'employee.status as employee_status',
      'employee.console_login',
      'employee.app_login',
      'employee.all_projects',
      'company.status as company_status',
      'department.console_permissions',
      'department.app_permissions',
      'platform_admin.name as admin_name',
      'platform_admin.username as admin_username',
      'platform_admin.status as admin_status',
    ])
    .where('session.id', '=', sessionId)
    .where('session.revoked_at', 'is', null)
    .where('session.expires_at', '>', now)
    .executeTakeFirst();
  if (!session) return null;

  const isEmployee = session.account_kind === 'employee';

  return {
    sessionId: session.id,
    channel: session.channel,
    lastSeenAt: session.last_seen_at,
    accountKind: session.account_kind,
    accountId: session.account_id,
    orgId: isEmployee ? session.org_id : null,
    name: (isEmployee ? session.employee_name : session.admin_name) ?? '',
    username: (isEmployee ? session.employee_username : session.admin_username) ?? '',
    active: isEmployee
      ? session.employee_status === 'active' && session.company_status === 'active'
      : session.admin_status === 'active',
    consoleLogin: isEmployee ? session.console_login === 1 : true,
    appLogin: isEmployee ? session.app_login === 1 : false,
    allProjects: session.all_projects === 1,
    consolePermissions: session.console_permissions ?? '[]',
    appPermissions: session.app_permissions ?? '[]',
  };
}

/** The cheap per-request check: is the session live, and has its company's auth changed? */
export interface SessionStamp {
  sessionId: string;
  accountKind: 'employee' | 'platform';
  lastSeenAt: string;
  authEpoch: number;
}

export async function findSessionStamp(
  db: Database,
  sessionId: string,
  now: string,
): Promise<SessionStamp | null> {
  const row = await db
    .selectFrom('session')
    .leftJoin('company', 'company.id', 'session.org_id')
    .select(['session.id', 'session.account_kind', 'session.last_seen_at', 'company.auth_epoch'])
    .where('session.id', '=', sessionId)
    .where('session.revoked_at', 'is', null)
    .where('session.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;

  return {
    sessionId: row.id,
    accountKind: row.account_kind,
    lastSeenAt: row.last_seen_at,
    authEpoch: row.auth_epoch ?? 0,
  };
}

export async function touchSession(db: Database, sessionId: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Database, sessionId: string, at: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ revoked_at: at })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every other live session of an account (after a password change or reset). */
export async function revokeAccountSessions(
  db: Database,
  account: { kind: 'employee' | 'platform'; id: number; exceptSessionId?: string; at: string },
): Promise<void> {
  let query = db
    .updateTable('session')
    .set({ revoked_at: account.at })
    .where('account_kind', '=', account.kind)
    .where('account_id', '=', account.id)
    .where('revoked_at', 'is', null);
  if (account.exceptSessionId) query = query.where('id', '!=', account.exceptSessionId);
  await query.execute();
}

export async function listAccountSessions(
  db: Database,
  account: { kind: 'employee' | 'platform'; id: number; now: string },
) {
  return db
    .selectFrom('session')
    .select(['id', 'channel', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
    .where('account_kind', '=', account.kind)
    .where('account_id', '=', account.id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', account.now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function findAccountSession(
  db: Database,
  account: { kind: 'employee' | 'platform'; id: number; sessionId: string },
) {
  return db
    .selectFrom('session')
    .select(['id', 'revoked_at'])
    .where('id', '=', account.sessionId)
    .where('account_kind', '=', account.kind)
    .where('account_id', '=', account.id)
    .executeTakeFirst();
}

export async function employeeProjectIds(db: Database, employeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('employee_project')
    .select('project_id')
    .where('employee_id', '=', employeeId)
    .orderBy('project_id')
    .execute();

  return rows.map((r) => r.project_id);
}

export async function findPasswordHash(
  db: Database,
  account: { kind: 'employee' | 'platform'; id: number },
): Promise<string | null> {
  const table = account.kind === 'employee' ? 'employee' : 'platform_admin';
  const row = await db
    .selectFrom(table)
    .select('password_hash')
    .where('id', '=', account.id)
    .executeTakeFirst();

  return row?.password_hash ?? null;
}

export async function updatePasswordHash(
  db: Database,
  account: { kind: 'employee' | 'platform'; id: number; passwordHash: string; at: string },
): Promise<void> {
  if (account.kind === 'employee') {
    await db
      .updateTable('employee')
      .set({ password_hash: account.passwordHash, updated_at: account.at })
      .where('id', '=', account.id)
      .execute();
    return;
  }
  await db
    .updateTable('platform_admin')
    .set({ password_hash: account.passwordHash })
    .where('id', '=', account.id)
    .execute();
}

/** The buildings an employee is narrowed to; empty means every building of their projects. */
export async function employeeBuildingIds(db: Database, employeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('employee_building')
    .select('building_id')
    .where('employee_id', '=', employeeId)
    .orderBy('building_id')
    .execute();

  return rows.map((r) => r.building_id);
}
