import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { RouteEntry } from '../../app.js';
import type { AuditLogRow } from '../../db/schema.js';
import { PASSWORD } from '../../test/factories.js';
import { type TestApp, setupTestApp, tableCounts } from '../../test/harness.js';
import {
  type OrgFixture,
  type RouteCall,
  apiRoutes,
  buildCall,
  defaultCaller,
  isMutating,
  makeOrgFixture,
  routeKey,
  send,
} from '../../test/routes.js';

const t = setupTestApp();
let fx: OrgFixture;

beforeAll(async () => {
  fx = await makeOrgFixture(t);
});

const mutatingRoutes = () => apiRoutes(t.app.routeTable).filter(isMutating);

async function auditRowsAfter(id: number): Promise<AuditLogRow[]> {
  return t.db.selectFrom('audit_log').selectAll().where('id', '>', id).orderBy('id').execute();
}

async function lastAuditId(): Promise<number> {
  const row = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();

  return Number(row?.id ?? 0);
}

async function callAs(route: RouteEntry, call: RouteCall, requestId: string) {
  const caller = call.headers ?? defaultCaller(route, fx);

  return send(t, route, call, { ...caller, 'x-request-id': requestId });
}

const SECRET = /password|hash|\$argon2/i;

describe('every mutating route writes exactly one audit entry', () => {
  test('there are mutating routes to check', () => {
    expect(mutatingRoutes().length).toBeGreaterThanOrEqual(15);
  });

  test('one entry per successful call, with actor, action, entity and the request id, and no secrets', async () => {
    const wrong: string[] = [];
    for (const [index, route] of mutatingRoutes().entries()) {
      const call = await buildCall(t, fx, route);
      const since = await lastAuditId();

      // Half the calls bring their own request id; the others get one from the server.
      const response =
        index % 2 === 0
          ? await callAs(route, call, `audit-test-${index}`)
          : await send(t, route, call, call.headers ?? defaultCaller(route, fx));
      const requestId = String(response.headers['x-request-id']);
      const rows = await auditRowsAfter(since);
      const label = `${routeKey(route)} → ${response.statusCode}`;
      if (response.statusCode >= 300) wrong.push(`${label} failed: ${response.raw.body}`);
      if (rows.length !== 1) {
        wrong.push(`${label} wrote ${rows.length} entries`);
        continue;
      }

      const [entry] = rows;
      if (index % 2 === 0) expect(requestId).toBe(`audit-test-${index}`);
      const problems = [
        entry.request_id !== requestId && `request id ${entry.request_id}`,
        (entry.actor_kind === 'system' || entry.actor_id === null) && 'no actor',
        !/^[a-z_-]+\.[a-z-]+$/.test(entry.action) && `action ${entry.action}`,
        (!entry.entity_type || entry.entity_id === null) && 'no entity',
        SECRET.test(`${entry.before_json ?? ''}${entry.after_json ?? ''}`) && 'a secret',
      ].filter(Boolean);
      if (problems.length > 0) wrong.push(`${label}: ${problems.join(', ')}`);
    }

    expect(wrong).toEqual([]);
  });

  test('the entry of a project change names the project, so project scope applies to it', async () => {
    const since = await lastAuditId();

    await t.request({
      method: 'PATCH',
      url: `/api/v1/projects/${fx.projects[1].id}`,
      headers: fx.admin.headers,
      payload: { name: '改名项目' },
    });

    const [entry] = await auditRowsAfter(since);
    expect(entry).toMatchObject({
      action: 'project.update',
      entity_type: 'project',
      entity_id: String(fx.projects[1].id),
      project_id: fx.projects[1].id,
      org_id: fx.a.orgId,
      actor_id: fx.a.adminId,
    });
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ name: '改名项目' });
  });
});

describe('the audit entry is written in the same transaction as the change', () => {
  test('when the audit log cannot be written, every mutating route fails and changes nothing', async () => {
    const wrong: string[] = [];
    for (const route of mutatingRoutes()) {
      const call = await buildCall(t, fx, route);
      const before = await tableCounts(t);

      await breakAuditLog(t);
      let response;
      try {
        response = await callAs(route, call, 'audit-down');
      } finally {
        await repairAuditLog(t);
      }

      const after = await tableCounts(t);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (response.statusCode !== 500 || changed.length > 0) {
        wrong.push(`${routeKey(route)} → ${response.statusCode}, changed ${changed.join(', ')}`);
      }
    }

    expect(wrong).toEqual([]);
  });
});

describe('a refused mutation writes no audit entry', () => {
  /** Calls of mutating routes without an id that the service refuses. */
  const refusedCalls: Record<string, (fx: OrgFixture) => RouteCall> = {
    'POST /api/v1/auth/login': (fx) => ({
      body: { username: fx.a.adminUsername, password: 'wrong-password1' },
    }),
    'POST /api/v1/auth/logout': () => ({ headers: {} }),
    'POST /api/v1/auth/password-changes': () => ({
      body: { currentPassword: 'not-the-password1', newPassword: 'changed12345' },
    }),
    'POST /api/v1/companies': (fx) => ({
      body: {
        name: '重复公司',
        code: fx.a.company.code,
        adminUsername: 'someone.new',
        adminName: '某人',
        adminPassword: PASSWORD,
      },
    }),
    'POST /api/v1/projects': (fx) => ({
      body: { name: '重复项目', code: fx.projects[0].code, type: 'residential' },
    }),
    'POST /api/v1/departments': () => ({
      body: { name: '未知权限', consolePermissions: ['no.such.permission'] },
    }),
    'POST /api/v1/custom-fields': () => ({
      body: { entity: 'room', label: '无选项的单选', type: 'single' },
    }),
    'POST /api/v1/employees': (fx) => ({
      body: {
        name: '重名员工',
        username: fx.employee.username,
        password: PASSWORD,
        departmentId: fx.department.id,
      },
    }),
  };

  test('each mutating route, refused (unknown id, taken code, wrong password...), leaves the log as it was', async () => {
    const wrong: string[] = [];
    for (const route of mutatingRoutes()) {
      const valid = await buildCall(t, fx, route);
      // Unknown ids; for creates, a taken value, or else company A's references sent by B.
      const refused: RouteCall = route.url.includes(':id')
        ? {
            ...valid,
            params: { id: route.url.includes('/sessions/') ? 'f'.repeat(64) : 2_000_000 },
          }
        : (refusedCalls[routeKey(route)]?.(fx) ?? { ...valid, headers: fx.otherAdmin.headers });
      const since = await lastAuditId();

      const response = await callAs(
        route,
        { ...refused, headers: refused.headers ?? valid.headers },
        'refused',
      );

      const rows = await auditRowsAfter(since);
      if (response.statusCode < 400 || response.statusCode >= 500 || rows.length > 0) {
        wrong.push(`${routeKey(route)} → ${response.statusCode}, ${rows.length} entries`);
      }
    }

    expect(wrong).toEqual([]);
  });
});

/** Makes every insert into audit_log fail, as a full disk or a broken table would. */
async function breakAuditLog(app: TestApp): Promise<void> {
  if (app.dialect === 'sqlite') {
    await sql`create trigger audit_down before insert on audit_log
      begin select raise(abort, 'audit log unavailable'); end`.execute(app.db);
    return;
  }
  await sql`create or replace function audit_down() returns trigger language plpgsql as $$
      begin raise exception 'audit log unavailable'; end $$`.execute(app.db);
  await sql`create trigger audit_down before insert on audit_log
      for each statement execute function audit_down()`.execute(app.db);
}

async function repairAuditLog(app: TestApp): Promise<void> {
  await sql`drop trigger if exists audit_down${app.dialect === 'postgres' ? sql` on audit_log` : sql``}`.execute(
    app.db,
  );
}

describe('searching the audit log by date', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a bare date is a whole business day in Asia/Shanghai (UTC+8)', async () => {
    // 2026-03-01T16:30Z is 00:30 on 2 March in Shanghai.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-03-01T16:30:00.000Z') });
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/projects/${fx.projects[1].id}`,
      headers: fx.admin.headers,
      payload: { address: '三月二日凌晨' },
    });
    expect(response.statusCode).toBe(200);
    vi.useRealTimers();

    const search = async (query: string) => {
      const page = await t.request({
        method: 'GET',
        url: `/api/v1/audit-logs?action=project.update&${query}`,
        headers: fx.admin.headers,
      });
      return page.body.items.map((e: { createdAt: string }) => e.createdAt);
    };

    expect(await search('from=2026-03-02&to=2026-03-02')).toEqual(['2026-03-01T16:30:00.000Z']);
    expect(await search('from=2026-03-01&to=2026-03-01')).toEqual([]);
    expect(await search('from=2026-03-01T16:00:00.000Z&to=2026-03-01T17:00:00.000Z')).toEqual([
      '2026-03-01T16:30:00.000Z',
    ]);
  });

  test('an impossible date is refused, naming the parameter', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/audit-logs?from=2026-02-30',
      headers: fx.admin.headers,
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['from']);
  });
});
