import { sql } from 'kysely';
import { createTemporaryBill } from '../modules/billing/bill.service.js';
import { startBillRun } from '../modules/billing/bill-run.service.js';
import { setFeePrices } from '../modules/fees/price.service.js';
import { companyContext } from './factories.js';
import { makeFeeBinding, makeFeeItem } from './fee-calls.js';
import type { TestApp } from './harness.js';
import { makeRoom } from './resources-calls.js';
import type { OrgFixture, RouteCall } from './routes.js';

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** A temporary bill of ¥80.00 on a new room. */
export async function makeBill(t: TestApp, fx: OrgFixture) {
  const [item, room] = await Promise.all([makeFeeItem(t, fx), makeRoom(t, fx)]);

  return createTemporaryBill(t.db, companyContext(fx.a.orgId), {
    resourceId: room.id,
    feeItemId: item.id,
    amountFen: 8000,
    description: '维修费：更换水龙头',
    dueDate: '2026-12-31',
  });
}

/** A priced binding, ready to be billed: the run's body for January 2026. */
export async function makeRunBody(t: TestApp, fx: OrgFixture) {
  const binding = await makeFeeBinding(t, fx);
  await setFeePrices(t.db, companyContext(fx.a.orgId), binding.standardId, {
    effectiveFrom: '2026-01-01',
    prices: [{ scope: 'project', price: '2.35' }],
  });

  return {
    projectId: fx.projects[0].id,
    fromMonth: '2026-01',
    toMonth: '2026-01',
    feeItemIds: [binding.feeItemId],
    notify: false,
  };
}

async function makeBillRun(t: TestApp, fx: OrgFixture) {
  return startBillRun(t.db, t.app.jobs, companyContext(fx.a.orgId), await makeRunBody(t, fx));
}

/** Ids of a company's rows of a billing table, for the test that lists must not leak them. */
export async function billingRowIds(
  t: TestApp,
  table: 'bill' | 'bill_run',
  orgId: number,
): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from ${sql.table(table)} where org_id = ${orgId}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}

/** A successful call of each billing route, for the tests that enumerate routes. */
export const billingCalls: Record<string, CallBuilder> = {
  'POST /api/v1/bill-runs/previews': async (t, fx) => ({ body: await makeRunBody(t, fx) }),
  'POST /api/v1/bill-runs': async (t, fx) => ({ body: await makeRunBody(t, fx) }),
  'GET /api/v1/bill-runs': async (t, fx) => {
    await makeBillRun(t, fx);
    return {};
  },
  'GET /api/v1/bill-runs/:id': async (t, fx) => ({ params: { id: (await makeBillRun(t, fx)).id } }),
  'POST /api/v1/bill-runs/:id/cancellations': async (t, fx) => ({
    params: { id: (await makeBillRun(t, fx)).id },
  }),
  'GET /api/v1/bills': async (t, fx) => {
    await makeBill(t, fx);
    return {};
  },
  'GET /api/v1/bills/export': async () => ({}),
  'GET /api/v1/bills/:id': async (t, fx) => ({ params: { id: (await makeBill(t, fx)).id } }),
  'POST /api/v1/bills': async (t, fx) => {
    const [item, room] = await Promise.all([makeFeeItem(t, fx), makeRoom(t, fx)]);
    return {
      body: {
        resourceId: room.id,
        feeItemId: item.id,
        amountFen: 5000,
        description: '钥匙卡补办',
        dueDate: '2026-12-31',
      },
    };
  },
  'POST /api/v1/bills/:id/voids': async (t, fx) => ({
    params: { id: (await makeBill(t, fx)).id },
    body: { reason: '重复录入' },
  }),
};
