import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { saveNoticeTemplate } from '../modules/notices/notice-template.service.js';
import { queueNotices } from '../modules/notices/notices.service.js';
import { inTransaction } from '../platform/transaction.js';
import { companyContext, unique } from './factories.js';
import type { TestApp } from './harness.js';
import { makePerson } from './people-factories.js';
import type { OrgFixture, RouteCall } from './routes.js';

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** Values of a bill_generated notice, as the billing module fills them. */
export function billVariables(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    payerName: '张伟',
    resourceName: '1-1-101',
    period: '2026年3月',
    itemNames: '物业费、公摊水费',
    amount: '¥210.02',
    dueDate: '2026-03-15',
    projectName: '爱尚花园',
    ...overrides,
  };
}

/** A person of a project with a mobile, and optionally an e-mail address. */
export async function makeRecipient(
  db: Database,
  place: { orgId: number; projectId: number },
  contact: { mobile?: string | null; email?: string | null } = {},
) {
  const mobile = contact.mobile === undefined ? '13800138000' : contact.mobile;
  const person = await makePerson(db, place.orgId, {
    projectId: place.projectId,
    name: unique('业主'),
    mobile,
  });
  if (contact.email) {
    await db
      .updateTable('person')
      .set({ email: contact.email })
      .where('id', '=', person.id)
      .execute();
  }

  return person;
}

/** Queues bill notices to new people of a project, in a transaction as a bill run would. */
export async function queueBillNotices(
  db: Database,
  place: { orgId: number; projectId: number },
  people: { personId: number; variables?: Record<string, string> }[],
) {
  return inTransaction(db, (tx) =>
    queueNotices(tx, companyContext(place.orgId), {
      projectId: place.projectId,
      kind: 'bill_generated',
      sourceType: 'bill_run',
      sourceId: 1,
      notices: people.map((p) => ({
        personId: p.personId,
        variables: p.variables ?? billVariables(),
      })),
    }),
  );
}

/** A delivery of company A's first project: an SMS to a new person. */
async function makeDelivery(t: TestApp, fx: OrgFixture): Promise<number> {
  const place = { orgId: fx.a.orgId, projectId: fx.projects[0].id };
  const person = await makeRecipient(t.db, place);
  await queueBillNotices(t.db, place, [{ personId: person.id }]);
  const row = await t.db
    .selectFrom('notice_delivery')
    .select('id')
    .where('person_id', '=', person.id)
    .where('channel', '=', 'sms')
    .executeTakeFirstOrThrow();

  return row.id;
}

/** A delivery that failed, as a gateway error would leave it. */
async function makeFailedDelivery(t: TestApp, fx: OrgFixture): Promise<number> {
  const id = await makeDelivery(t, fx);
  await t.db
    .updateTable('notice_delivery')
    .set({ status: 'failed', error: 'gateway timeout', attempts: 1 })
    .where('id', '=', id)
    .execute();

  return id;
}

async function makeTemplate(t: TestApp, fx: OrgFixture) {
  return saveNoticeTemplate(t.db, companyContext(fx.a.orgId), fx.projects[0].id, {
    kind: 'bill_generated',
    channel: 'sms',
    body: '【爱尚物业】{{payerName}}，{{period}}账单{{amount}}已生成。',
  });
}

/** Ids of a company's rows of a notices table, for the test that lists must not leak them. */
export async function noticeRowIds(
  t: TestApp,
  table: 'notice_delivery' | 'message',
  orgId: number,
): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from ${sql.table(table)} where org_id = ${orgId}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}

export const noticeCalls: Record<string, CallBuilder> = {
  'GET /api/v1/notice-kinds': async () => ({}),
  'GET /api/v1/projects/:id/notice-templates': async (_t, fx) => ({
    params: { id: fx.projects[0].id },
  }),
  'PUT /api/v1/projects/:id/notice-templates': async (_t, fx) => ({
    params: { id: fx.projects[0].id },
    body: {
      kind: 'bill_generated',
      channel: 'email',
      subject: '{{period}}账单',
      body: '{{payerName}}您好，{{period}}账单已生成，共{{amount}}。',
    },
  }),
  'GET /api/v1/notice-templates/:id': async (t, fx) => ({
    params: { id: (await makeTemplate(t, fx)).id },
  }),
  'DELETE /api/v1/notice-templates/:id': async (t, fx) => ({
    params: { id: (await makeTemplate(t, fx)).id },
  }),
  'POST /api/v1/notice-template-previews': async () => ({
    body: { kind: 'bill_generated', body: '{{payerName}}您好' },
  }),
  'GET /api/v1/notice-deliveries': async () => ({}),
  'GET /api/v1/notice-deliveries/export': async () => ({}),
  'GET /api/v1/notice-deliveries/:id': async (t, fx) => ({
    params: { id: await makeDelivery(t, fx) },
  }),
  'POST /api/v1/notice-deliveries/:id/resends': async (t, fx) => ({
    params: { id: await makeFailedDelivery(t, fx) },
  }),
  // Sends queued notices so that company A holds in-app messages to list.
  'GET /api/v1/messages': async (t, fx) => {
    await makeDelivery(t, fx);
    await t.app.jobs.drain();
    return {};
  },
};
