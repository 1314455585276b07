import { sql } from 'kysely';
import { createFeeBindings } from '../modules/fees/binding.service.js';
import { createFeeItem } from '../modules/fees/fee-item.service.js';
import { createFeeStandard } from '../modules/fees/standard.service.js';
import { companyContext, unique } from './factories.js';
import type { TestApp } from './harness.js';
import { makeRoom } from './resources-calls.js';
import type { OrgFixture, RouteCall } from './routes.js';

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** A monthly, prepaid 物业费 item of company A's first project. */
export function makeFeeItem(t: TestApp, fx: OrgFixture) {
  return createFeeItem(t.db, companyContext(fx.a.orgId), {
    projectId: fx.projects[0].id,
    code: unique('WYF'),
    name: unique('物业费'),
    category: 'property_fee',
    cycle: 'monthly',
    billingMode: 'prepaid',
    dueRule: 'days_after_period_start',
    dueValue: 15,
  });
}

/** An area × price standard for rooms, on a new item. */
export async function makeFeeStandard(t: TestApp, fx: OrgFixture) {
  const item = await makeFeeItem(t, fx);

  return createFeeStandard(t.db, companyContext(fx.a.orgId), {
    feeItemId: item.id,
    name: unique('住宅按建筑面积'),
    method: 'area_price',
    parameters: { areaBasis: 'building' },
    resourceKinds: ['room'],
  });
}

/** A standard bound to a new room from 2026-01-01. */
export async function makeFeeBinding(t: TestApp, fx: OrgFixture) {
  const standard = await makeFeeStandard(t, fx);
  const room = await makeRoom(t, fx);
  const { items } = await createFeeBindings(t.db, companyContext(fx.a.orgId), {
    standardId: standard.id,
    resourceIds: [room.id],
    startDate: '2026-01-01',
  });

  return items[0];
}

/** Ids of a company's rows of a fee table, for the test that lists must not leak them. */
export async function feeRowIds(
  t: TestApp,
  table: 'fee_item' | 'fee_standard' | 'fee_binding',
  orgId: number,
): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from ${sql.table(table)} where org_id = ${orgId}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}

/** A successful call of each fee-configuration route, for the tests that enumerate routes. */
export const feeCalls: Record<string, CallBuilder> = {
  'GET /api/v1/fee-items': async (t, fx) => {
    await makeFeeItem(t, fx);
    return {};
  },
  'GET /api/v1/fee-items/export': async () => ({}),
  'POST /api/v1/fee-items': async (_t, fx) => ({
    body: {
      projectId: fx.projects[0].id,
      code: unique('LJF'),
      name: unique('垃圾清运费'),
      category: 'other',
      cycle: 'monthly',
      billingMode: 'prepaid',
      dueRule: 'day_of_first_month',
      dueValue: 10,
    },
  }),
  'GET /api/v1/fee-items/:id': async (t, fx) => ({ params: { id: (await makeFeeItem(t, fx)).id } }),
  'PATCH /api/v1/fee-items/:id': async (t, fx) => ({
    params: { id: (await makeFeeItem(t, fx)).id },
    body: { taxRate: '0.06' },
  }),
  'GET /api/v1/fee-standards': async (t, fx) => {
    await makeFeeStandard(t, fx);
    return {};
  },
  'GET /api/v1/fee-standards/export': async () => ({}),
  'POST /api/v1/fee-standards': async (t, fx) => ({
    body: {
      feeItemId: (await makeFeeItem(t, fx)).id,
      name: unique('垃圾费每户'),
      method: 'fixed',
      parameters: {},
      resourceKinds: ['room'],
    },
  }),
  'GET /api/v1/fee-standards/:id': async (t, fx) => ({
    params: { id: (await makeFeeStandard(t, fx)).id },
  }),
  'PATCH /api/v1/fee-standards/:id': async (t, fx) => ({
    params: { id: (await makeFeeStandard(t, fx)).id },
    body: { parameters: { areaBasis: 'inner' } },
  }),
  'GET /api/v1/fee-standards/:id/prices': async (t, fx) => ({
    params: { id: (await makeFeeStandard(t, fx)).id },
  }),
  'POST /api/v1/fee-standards/:id/prices': async (t, fx) => ({
    params: { id: (await makeFeeStandard(t, fx)).id },
    body: { effectiveFrom: '2026-01-01', prices: [{ scope: 'project', price: '2.35' }] },
  }),
  'GET /api/v1/fee-standards/:id/effective-price': async (t, fx) => ({
    params: { id: (await makeFeeStandard(t, fx)).id },
    query: `resourceId=${(await makeRoom(t, fx)).id}&date=2026-06-01`,
  }),
  'GET /api/v1/fee-bindings': async (t, fx) => {
    await makeFeeBinding(t, fx);
    return {};
  },
  'GET /api/v1/fee-bindings/export': async () => ({}),
  'POST /api/v1/fee-bindings': async (t, fx) => ({
    body: {
      standardId: (await makeFeeStandard(t, fx)).id,
      resourceIds: [(await makeRoom(t, fx)).id],
      startDate: '2026-01-01',
    },
  }),
  'POST /api/v1/fee-binding-batches': async (t, fx) => {
    const room = await makeRoom(t, fx);
    return {
      body: {
        standardId: (await makeFeeStandard(t, fx)).id,
        target: { buildingId: room.buildingId ?? 0 },
        startDate: '2026-01-01',
      },
    };
  },
  'POST /api/v1/fee-binding-batches/previews': async (t, fx) => {
    const room = await makeRoom(t, fx);
    return {
      body: {
        standardId: (await makeFeeStandard(t, fx)).id,
        target: { buildingId: room.buildingId ?? 0, floorFrom: 1, floorTo: 5 },
        startDate: '2026-01-01',
      },
    };
  },
  'GET /api/v1/fee-bindings/:id': async (t, fx) => ({
    params: { id: (await makeFeeBinding(t, fx)).id },
  }),
  'POST /api/v1/fee-bindings/:id/endings': async (t, fx) => ({
    params: { id: (await makeFeeBinding(t, fx)).id },
    body: { endDate: '2026-12-31', reason: '业主退租' },
  }),
  'GET /api/v1/resources/:id/fee-bindings': async (t, fx) => ({
    params: { id: (await makeFeeBinding(t, fx)).resourceId },
  }),
};
