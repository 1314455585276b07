import { createCustomField } from '../modules/custom-fields/custom-fields.service.js';
import { type Session, companyContext, makeCompany, signIn, unique } from './factories.js';
import type { TestApp } from './harness.js';
import type { OrgFixture, RouteCall } from './routes.js';

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** A text field of company A's rooms, optional, so company A's forms keep working. */
export function makeCustomField(t: TestApp, orgId: number) {
  return createCustomField(t.db, companyContext(orgId), {
    entity: 'room',
    label: unique('备注项'),
    type: 'text',
  });
}

const writers = new WeakMap<OrgFixture, Promise<{ orgId: number; session: Session }>>();

/**
 * The calls that write definitions act in a company of their own: fuzzed bodies may define
 * required fields, which would then refuse company A's rooms and people made by other calls.
 */
function writer(t: TestApp, fx: OrgFixture) {
  let found = writers.get(fx);
  if (!found) {
    found = makeCompany(t.db).then(async (company) => ({
      orgId: company.orgId,
      session: await signIn(t, {
        username: company.adminUsername,
        password: company.adminPassword,
      }),
    }));
    writers.set(fx, found);
  }

  return found;
}

export const customFieldCalls: Record<string, CallBuilder> = {
  'GET /api/v1/custom-fields': async (t, fx) => {
    await makeCustomField(t, fx.a.orgId);
    return {};
  },
  'POST /api/v1/custom-fields': async (t, fx) => ({
    headers: (await writer(t, fx)).session.headers,
    body: { entity: 'room', label: unique('朝向'), type: 'single', options: ['南', '北'] },
  }),
  'GET /api/v1/custom-fields/:id': async (t, fx) => ({
    params: { id: (await makeCustomField(t, fx.a.orgId)).id },
  }),
  'PATCH /api/v1/custom-fields/:id': async (t, fx) => {
    const own = await writer(t, fx);
    return {
      headers: own.session.headers,
      params: { id: (await makeCustomField(t, own.orgId)).id },
      body: { sortOrder: 3 },
    };
  },
};
