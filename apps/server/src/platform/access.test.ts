import ExcelJS from './exceljs.js';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RouteEntry } from '../app.js';
import { permissionCatalogue } from '../modules/catalogue.js';
import { signedInEmployee, type SignedInEmployee } from '../test/factories.js';
import { setupTestApp, type TestApp } from '../test/harness.js';
import { discountSchemeIds } from '../test/discount-calls.js';
import { billingRowIds } from '../test/billing-calls.js';
import { feeRowIds } from '../test/fee-calls.js';
import { noticeRowIds } from '../test/notice-calls.js';
import { peopleRowIds } from '../test/people-factories.js';
import {
  type OrgFixture,
  apiRoutes,
  buildCall,
  makeOrgFixture,
  routeKey,
  send,
} from '../test/routes.js';
import { AUTHENTICATED, PLATFORM_PERMISSIONS, PUBLIC } from './permissions.js';

const t = setupTestApp();
let fx: OrgFixture;
let limited: SignedInEmployee;

beforeAll(async () => {
  fx = await makeOrgFixture(t);
  limited = await signedInEmployee(t, fx.a.orgId, { employee: { allProjects: true } });
});

const routes = () => apiRoutes(t.app.routeTable);
const guarded = () => routes().filter((r) => r.permission !== PUBLIC);
const companyRoutes = () => routes().filter((r) => permissionCatalogue.has(r.permission));
const platformRoutes = () => routes().filter((r) => PLATFORM_PERMISSIONS.includes(r.permission));
const hasId = (route: RouteEntry) => route.url.includes(':id');
const isPlatform = (route: RouteEntry) => PLATFORM_PERMISSIONS.includes(route.permission);

/** Calls every route in turn; returns `METHOD url → status code` lines that break the rule. */
async function everyRoute(
  selected: RouteEntry[],
  call: (route: RouteEntry) => Promise<{ statusCode: number; body: { code?: string } }>,
  expected: (route: RouteEntry) => { status: number; code?: string },
): Promise<string[]> {
  const wrong: string[] = [];
  for (const route of selected) {
    const response = await call(route);
    const want = expected(route);
    const codeMatches = want.code === undefined || response.body.code === want.code;
    if (response.statusCode !== want.status || !codeMatches) {
      wrong.push(`${routeKey(route)} → ${response.statusCode} ${response.body.code ?? ''}`);
    }
  }

  return wrong;
}

describe('signing in is required', () => {
  test('every route except the public ones answers 401 without a session', async () => {
    expect(guarded().length).toBeGreaterThan(20);

    const wrong = await everyRoute(
      guarded(),
      async (route) => send(t, route, await buildCall(t, fx, route), {}),
      () => ({ status: 401, code: 'UNAUTHENTICATED' }),
    );

    expect(wrong).toEqual([]);
  });

  test('every guarded route answers 401 to a made-up token', async () => {
    const headers = { authorization: `Bearer ${'x'.repeat(43)}` };

    const wrong = await everyRoute(
      guarded(),
      async (route) => send(t, route, await buildCall(t, fx, route), headers),
      () => ({ status: 401, code: 'UNAUTHENTICATED' }),
    );

    expect(wrong).toEqual([]);
  });
});

describe('permissions', () => {
  test('an employee whose department lacks the route permission gets 403 on every company route', async () => {
    const wrong: string[] = [];
    for (const route of companyRoutes()) {
      const allBut = permissionCatalogue.codes('console').filter((c) => c !== route.permission);
      await setConsolePermissions(limited.department.id, allBut);

      wrong.push(
        ...(await everyRoute(
          [route],
          async () => send(t, route, await buildCall(t, fx, route), limited.session.headers),
          () => ({ status: 403, code: 'FORBIDDEN' }),
        )),
      );
    }

    expect(wrong).toEqual([]);
  });

  test('the same employee is let through once the department grants the permission', async () => {
    const reads = companyRoutes().filter((r) => r.method === 'GET');
    await setConsolePermissions(limited.department.id, permissionCatalogue.codes('console'));

    const wrong = await everyRoute(
      reads,
      async (route) => send(t, route, await buildCall(t, fx, route), limited.session.headers),
      () => ({ status: 200 }),
    );

    expect(wrong).toEqual([]);
  });

  test('company routes are closed to the platform administrator (403)', async () => {
    const wrong = await everyRoute(
      companyRoutes(),
      async (route) => send(t, route, await buildCall(t, fx, route), fx.platform.headers),
      () => ({ status: 403, code: 'FORBIDDEN' }),
    );

    expect(wrong).toEqual([]);
  });

  test('platform routes are closed to company employees, even a company administrator (403)', async () => {
    expect(platformRoutes().length).toBeGreaterThan(0);

    const wrong = await everyRoute(
      platformRoutes(),
      async (route) => send(t, route, await buildCall(t, fx, route), fx.admin.headers),
      () => ({ status: 403, code: 'FORBIDDEN' }),
    );

    expect(wrong).toEqual([]);
  });

  test('routes for anyone signed in work for the platform administrator and for employees', async () => {
    // Routes with an id (a job, a session) hold one account's rows; the 404 tests cover them.
    const reads = routes().filter(
      (r) => r.permission === AUTHENTICATED && r.method === 'GET' && !hasId(r),
    );
    const callers = [fx.platform.headers, limited.session.headers];

    for (const headers of callers) {
      const wrong = await everyRoute(
        reads,
        async (route) => send(t, route, await buildCall(t, fx, route), headers),
        () => ({ status: 200 }),
      );
      expect(wrong).toEqual([]);
    }
  });
});

describe("another company's data", () => {
  test("every company route with an id answers 404 to company B for company A's ids", async () => {
    const selected = routes().filter((r) => hasId(r) && !isPlatform(r));
    expect(selected.length).toBeGreaterThan(8);

    const wrong = await everyRoute(
      selected,
      async (route) => send(t, route, await buildCall(t, fx, route), fx.otherAdmin.headers),
      () => ({ status: 404, code: 'NOT_FOUND' }),
    );

    expect(wrong).toEqual([]);
  });

  test('company routes with an id answer 404 for an id that does not exist', async () => {
    const selected = companyRoutes().filter(hasId);

    const wrong = await everyRoute(
      selected,
      async (route) => {
        const call = await buildCall(t, fx, route);
        return send(t, route, { ...call, params: { id: 2_000_000 } }, fx.admin.headers);
      },
      () => ({ status: 404, code: 'NOT_FOUND' }),
    );

    expect(wrong).toEqual([]);
  });

  test("every list shows company B none of company A's rows", async () => {
    const lists = routes().filter(
      (r) => r.method === 'GET' && isList(r) && !isPlatform(r) && !hasId(r),
    );
    expect(lists.map(routeKey).sort()).toEqual(Object.keys(companyRows).sort());

    for (const route of lists) {
      const ownIds = await companyRows[routeKey(route)](t, fx.a.orgId);
      expect(ownIds.length, `${routeKey(route)} has rows of A`).toBeGreaterThan(0);

      const response = await send(t, route, {}, fx.otherAdmin.headers);
      expect(response.statusCode).toBe(200);
      const seen = (response.body.items as { id: number | string }[]).map((i) => String(i.id));

      expect(
        seen.filter((id) => ownIds.includes(id)),
        routeKey(route),
      ).toEqual([]);
    }
  });

  test("company A's own lists do show those rows (the check above can fail)", async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/projects',
      headers: fx.admin.headers,
    });

    expect(response.body.items.map((p: { id: number }) => p.id)).toEqual(
      expect.arrayContaining(fx.projects.map((p) => p.id)),
    );
  });

  test("company B's new company has no projects at all", async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/projects',
      headers: fx.otherAdmin.headers,
    });

    expect(response.body).toMatchObject({ items: [], total: 0 });
  });

  test('every export holds the same rows as its list for company B', async () => {
    const exports = routes().filter((r) => r.url.endsWith('/export'));
    expect(exports.length).toBeGreaterThan(0);

    for (const route of exports) {
      const listUrl = route.url.replace(/\/export$/, '');
      const list = await t.request({ method: 'GET', url: listUrl, headers: fx.otherAdmin.headers });
      const file = await send(t, route, {}, fx.otherAdmin.headers);
      expect(file.statusCode, routeKey(route)).toBe(200);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.raw.rawPayload as unknown as ArrayBuffer);
      const dataRows = workbook.worksheets[0].actualRowCount - 1;

      expect(dataRows, routeKey(route)).toBe(list.body.total);
    }
  });
});

function isList(route: RouteEntry): boolean {
  const response = (route.schema as { response?: Record<number, unknown> } | undefined)?.response;
  const ok = response?.[200] as { shape?: Record<string, unknown> } | undefined;

  return ok?.shape !== undefined && 'items' in ok.shape;
}

/** Re-grants through the API, as an administrator would; the next request sees it. */
async function setConsolePermissions(departmentId: number, codes: string[]): Promise<void> {
  const response = await t.request({
    method: 'PATCH',
    url: `/api/v1/departments/${departmentId}`,
    headers: fx.admin.headers,
    payload: { consolePermissions: codes },
  });
  expect(response.statusCode).toBe(200);
}

/** For each list route, the ids of a company's own rows that it could leak. */
const companyRows: Record<string, (t: TestApp, orgId: number) => Promise<string[]>> = {
  'GET /api/v1/projects': (t, orgId) => idsOf(t, 'project', orgId),
  'GET /api/v1/departments': (t, orgId) => idsOf(t, 'department', orgId),
  'GET /api/v1/employees': (t, orgId) => idsOf(t, 'employee', orgId),
  'GET /api/v1/audit-logs': (t, orgId) => idsOf(t, 'audit_log', orgId),
  'GET /api/v1/auth/sessions': (t, orgId) => idsOf(t, 'session', orgId),
  'GET /api/v1/people': (t, orgId) => peopleRowIds(t, 'person', orgId),
  'GET /api/v1/vehicles': (t, orgId) => peopleRowIds(t, 'vehicle', orgId),
  'GET /api/v1/buildings': (t, orgId) => idsOf(t, 'building', orgId),
  'GET /api/v1/parking-lots': (t, orgId) => idsOf(t, 'parking_lot', orgId),
  'GET /api/v1/rooms': (t, orgId) => resourceIds(t, 'room', orgId),
  'GET /api/v1/shops': (t, orgId) => resourceIds(t, 'shop', orgId),
  'GET /api/v1/parking-spaces': (t, orgId) => resourceIds(t, 'parking_space', orgId),
  'GET /api/v1/ad-spaces': (t, orgId) => resourceIds(t, 'ad_space', orgId),
  'GET /api/v1/storage-rooms': (t, orgId) => resourceIds(t, 'storage', orgId),
  'GET /api/v1/custom-fields': (t, orgId) => idsOf(t, 'custom_field', orgId),
  'GET /api/v1/fee-items': (t, orgId) => feeRowIds(t, 'fee_item', orgId),
  'GET /api/v1/fee-standards': (t, orgId) => feeRowIds(t, 'fee_standard', orgId),
  'GET /api/v1/fee-bindings': (t, orgId) => feeRowIds(t, 'fee_binding', orgId),
  'GET /api/v1/bills': (t, orgId) => billingRowIds(t, 'bill', orgId),
  'GET /api/v1/bill-runs': (t, orgId) => billingRowIds(t, 'bill_run', orgId),
  'GET /api/v1/notice-deliveries': (t, orgId) => noticeRowIds(t, 'notice_delivery', orgId),
  'GET /api/v1/messages': (t, orgId) => noticeRowIds(t, 'message', orgId),
  'GET /api/v1/discount-schemes': (t, orgId) => discountSchemeIds(t, orgId),
};

async function resourceIds(t: TestApp, kind: string, orgId: number): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from resource where org_id = ${orgId} and kind = ${kind}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}

async function idsOf(
  t: TestApp,
  table:
    | 'project'
    | 'department'
    | 'employee'
    | 'audit_log'
    | 'session'
    | 'building'
    | 'parking_lot'
    | 'custom_field',
  orgId: number,
): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from ${sql.table(table)} where org_id = ${orgId}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}
