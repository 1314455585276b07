import { sql } from 'kysely';
import { createDiscountScheme } from '../modules/discounts/discounts.service.js';
import { companyContext, unique } from './factories.js';
import { makeFeeItem } from './fee-calls.js';
import type { TestApp } from './harness.js';
import type { OrgFixture, RouteCall } from './routes.js';

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** 预交12个月赠送1个月 for every fee item of company A's first project, from 2026. */
export function makeDiscountScheme(t: TestApp, fx: OrgFixture) {
  return createDiscountScheme(t.db, companyContext(fx.a.orgId), {
    projectId: fx.projects[0].id,
    code: unique('ZS'),
    name: unique('预交12个月赠送1个月'),
    kind: 'free_months',
    parameters: { payMonths: 12, freeMonths: 1 },
    validFrom: '2026-01-01',
  });
}

/** Ids of a company's discount schemes, for the test that lists must not leak them. */
export async function discountSchemeIds(t: TestApp, orgId: number): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from discount_scheme where org_id = ${orgId}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}

/** A successful call of each discount-scheme route, for the tests that enumerate routes. */
export const discountCalls: Record<string, CallBuilder> = {
  'GET /api/v1/discount-schemes': async (t, fx) => {
    await makeDiscountScheme(t, fx);
    return {};
  },
  'GET /api/v1/discount-schemes/export': async () => ({}),
  'POST /api/v1/discount-schemes': async (t, fx) => ({
    body: {
      projectId: fx.projects[0].id,
      code: unique('ZK'),
      name: unique('年缴95折'),
      kind: 'percent_for_months',
      parameters: { minMonths: 12, rate: '0.95' },
      feeItemIds: [(await makeFeeItem(t, fx)).id],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    },
  }),
  'POST /api/v1/discount-schemes/proposals': async (t, fx) => {
    await makeDiscountScheme(t, fx);
    return {
      body: {
        projectId: fx.projects[0].id,
        feeItemId: (await makeFeeItem(t, fx)).id,
        lines: [{ key: '2026-01', period: '2026-01', amountFen: 21002 }],
        on: '2026-01-10',
      },
    };
  },
  'GET /api/v1/discount-schemes/:id': async (t, fx) => ({
    params: { id: (await makeDiscountScheme(t, fx)).id },
  }),
  'PATCH /api/v1/discount-schemes/:id': async (t, fx) => ({
    params: { id: (await makeDiscountScheme(t, fx)).id },
    body: { note: '物业公司周年活动' },
  }),
};
