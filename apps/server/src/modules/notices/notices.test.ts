import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DevSmsProvider } from '../../platform/notify/sms.js';
import type { EmailProvider } from '../../platform/notify/index.js';
import { systemContext } from '../../platform/context.js';
import { inTransaction } from '../../platform/transaction.js';
import {
  type SignedInEmployee,
  companyContext,
  makeProject,
  signedInEmployee,
} from '../../test/factories.js';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { billVariables, makeRecipient, queueBillNotices } from '../../test/notice-calls.js';
import { makeOrgFixture, type OrgFixture } from '../../test/routes.js';
import { renderTemplate } from './notice-kinds.js';
import { noticeJobHandler } from './notice-sender.js';
import { queueNotices } from './notices.service.js';

/** A local SMTP server that keeps every message it receives, parsed. */
async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return { received, port, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const t = {} as TestApp;
let fx: OrgFixture;
let place: { orgId: number; projectId: number };

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(t, await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } }));
  fx = await makeOrgFixture(t);
  place = { orgId: fx.a.orgId, projectId: fx.projects[0].id };
});

afterAll(async () => {
  await t.close?.();
  await smtp?.close();
});

function deliveriesOf(personId: number) {
  return t.db
    .selectFrom('notice_delivery')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
}

function outboxTo(phone: string) {
  return t.db.selectFrom('sms_outbox').selectAll().where('phone', '=', phone).execute();
}

function mailsTo(address: string) {
  return smtp.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address));
}

/** Runs one notice job directly with the given providers, as the worker would. */
function runJob(jobId: number, email: EmailProvider | null) {
  const handler = noticeJobHandler({ sms: new DevSmsProvider(t.db), email });

  return handler(t.db, {
    id: jobId,
    payload: { sourceType: 'bill_run', sourceId: 1 },
    ctx: systemContext(),
    progress: async () => undefined,
  });
}

describe('queueing notices', () => {
  test('a person with mobile and e-mail gets three queued deliveries; one without gets two skipped', async () => {
    const reachable = await makeRecipient(t.db, place, {
      mobile: '13900000001',
      email: 'zhang@example.com',
    });
    const unreachable = await makeRecipient(t.db, place, { mobile: null });

    const result = await queueBillNotices(t.db, place, [
      { personId: reachable.id },
      { personId: unreachable.id },
    ]);

    // 3 channels × 2 people = 6 deliveries: in-app for both, SMS and e-mail for the first.
    expect(result).toMatchObject({ queued: 4, skipped: 2 });
    expect(
      (await deliveriesOf(reachable.id)).map((d) => [d.channel, d.status, d.recipient]),
    ).toEqual([
      ['in_app', 'queued', null],
      ['sms', 'queued', '13900000001'],
      ['email', 'queued', 'zhang@example.com'],
    ]);
    expect(
      (await deliveriesOf(unreachable.id)).map((d) => [d.channel, d.status, d.reason]),
    ).toEqual([
      ['in_app', 'queued', null],
      ['sms', 'skipped', 'no_phone'],
      ['email', 'skipped', 'no_email'],
    ]);
    const job = await t.db
      .selectFrom('job')
      .selectAll()
      .where('id', '=', result.jobId ?? 0)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      kind: 'notices.send',
      status: 'queued',
      project_id: place.projectId,
    });
  });

  test("nothing is left behind when the caller's transaction rolls back", async () => {
    const person = await makeRecipient(t.db, place);
    const jobsBefore = await t.db.selectFrom('job').select('id').execute();

    await expect(
      inTransaction(t.db, async (tx) => {
        await queueNotices(tx, companyContext(place.orgId), {
          projectId: place.projectId,
          kind: 'bill_generated',
          sourceType: 'bill_run',
          sourceId: 2,
          notices: [{ personId: person.id, variables: billVariables() }],
        });
        throw new Error('bill run failed');
      }),
    ).rejects.toThrow('bill run failed');

    expect(await deliveriesOf(person.id)).toEqual([]);
    expect(await t.db.selectFrom('job').select('id').execute()).toHaveLength(jobsBefore.length);
  });

  test('a person of another company is refused (404)', async () => {
    const theirProject = await makeProject(t.db, fx.b.orgId);
    const stranger = await makeRecipient(t.db, { orgId: fx.b.orgId, projectId: theirProject.id });

    await expect(queueBillNotices(t.db, place, [{ personId: stranger.id }])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await deliveriesOf(stranger.id)).toEqual([]);
  });
});

describe('the sending job', () => {
  test('sends the SMS to the outbox, the e-mail to the SMTP server and posts the in-app message', async () => {
    const person = await makeRecipient(t.db, place, {
      mobile: '13900000002',
      email: 'li@example.com',
    });
    await queueBillNotices(t.db, place, [
      { personId: person.id, variables: billVariables({ payerName: '李娜' }) },
    ]);

    await t.app.jobs.drain();

    expect((await deliveriesOf(person.id)).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['in_app', 'sent', 1],
      ['sms', 'sent', 1],
      ['email', 'sent', 1],
    ]);
    const [sms] = await outboxTo('13900000002');
    expect(sms.body).toBe(
      '【爱尚物业】李娜您好，您的1-1-101（2026年3月）账单已生成：物业费、公摊水费共¥210.02，请于2026-03-15前缴纳。',
    );
    const [mail] = mailsTo('li@example.com');
    expect(mail.subject).toBe('【爱尚花园】1-1-101 2026年3月账单已生成');
    expect(mail.text).toContain('李娜您好');
    expect(mail.text).toContain('应缴金额：¥210.02');
    const messages = await t.db
      .selectFrom('message')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(messages).toMatchObject([{ title: '2026年3月账单已生成', read_at: null }]);
    expect(messages[0].body).toContain('合计¥210.02');
  });

  test('a job run twice sends nothing twice', async () => {
    const person = await makeRecipient(t.db, place, {
      mobile: '13900000003',
      email: 'wang@example.com',
    });
    const { jobId } = await queueBillNotices(t.db, place, [{ personId: person.id }]);
    await t.app.jobs.drain();

    // As if the worker died after finishing and the job came back to the queue.
    await t.db
      .updateTable('job')
      .set({ status: 'queued' })
      .where('id', '=', jobId ?? 0)
      .execute();
    await t.app.jobs.drain();

    expect(await outboxTo('13900000003')).toHaveLength(1);
    expect(mailsTo('wang@example.com')).toHaveLength(1);
    const messages = await t.db
      .selectFrom('message')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(messages).toHaveLength(1);
    expect((await deliveriesOf(person.id)).map((d) => d.attempts)).toEqual([1, 1, 1]);
  });

  test('a row a crashed run left in sending is marked failed, not sent again', async () => {
    const person = await makeRecipient(t.db, place, { mobile: '13900000004' });
    const { jobId } = await queueBillNotices(t.db, place, [{ personId: person.id }]);
    const smsRow = (await deliveriesOf(person.id)).find((d) => d.channel === 'sms');
    // The crash: the row was claimed (and perhaps handed to the gateway), never settled.
    await t.db
      .updateTable('notice_delivery')
      .set({ status: 'sending', attempts: 1 })
      .where('id', '=', smsRow?.id ?? 0)
      .execute();

    const result = await runJob(jobId ?? 0, null);

    expect(result).toMatchObject({ interrupted: 1, sent: 1 });
    expect(await outboxTo('13900000004')).toEqual([]);
    const after = (await deliveriesOf(person.id)).find((d) => d.channel === 'sms');
    expect(after).toMatchObject({ status: 'failed', reason: 'interrupted', attempts: 1 });
  });

  test('without SMTP configured, e-mail deliveries are skipped with reason no_smtp', async () => {
    const person = await makeRecipient(t.db, place, { email: 'zhao@example.com' });
    const { jobId } = await queueBillNotices(t.db, place, [{ personId: person.id }]);

    await runJob(jobId ?? 0, null);

    const email = (await deliveriesOf(person.id)).find((d) => d.channel === 'email');
    expect(email).toMatchObject({ status: 'skipped', reason: 'no_smtp' });
    expect(mailsTo('zhao@example.com')).toEqual([]);
  });

  test('a gateway error fails the delivery with its message; a resend sends it through a new job', async () => {
    const person = await makeRecipient(t.db, place, { email: 'sun@example.com' });
    const { jobId } = await queueBillNotices(t.db, place, [{ personId: person.id }]);
    const broken: EmailProvider = {
      name: 'broken',
      send: () => Promise.reject(new Error('550 mailbox unavailable')),
    };

    await runJob(jobId ?? 0, broken);
    const failed = (await deliveriesOf(person.id)).find((d) => d.channel === 'email');
    expect(failed).toMatchObject({
      status: 'failed',
      reason: 'gateway_error',
      error: '550 mailbox unavailable',
    });

    const resend = await t.request({
      method: 'POST',
      url: `/api/v1/notice-deliveries/${failed?.id}/resends`,
      headers: fx.admin.headers,
    });
    expect(resend.statusCode).toBe(201);
    expect(resend.body).toMatchObject({ status: 'queued', reason: null, error: null });
    await t.app.jobs.drain();

    const sent = (await deliveriesOf(person.id)).find((d) => d.channel === 'email');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailsTo('sun@example.com')).toHaveLength(1);
  });

  test('only a failed delivery can be resent (409)', async () => {
    const person = await makeRecipient(t.db, place, { mobile: '13900000005' });
    await queueBillNotices(t.db, place, [{ personId: person.id }]);
    const sms = (await deliveriesOf(person.id)).find((d) => d.channel === 'sms');

    const response = await t.request({
      method: 'POST',
      url: `/api/v1/notice-deliveries/${sms?.id}/resends`,
      headers: fx.admin.headers,
    });

    expect(response.statusCode).toBe(409);
    expect(response.body.code).toBe('NOTICE_NOT_RESENDABLE');
  });
});

describe('templates', () => {
  test('rendering fills placeholders and reports the missing ones, which render as nothing', () => {
    expect(
      renderTemplate('{{payerName}}您好，共{{ amount }}。{{dueDate}}', {
        payerName: '张伟',
        amount: '¥1.00',
      }),
    ).toEqual({ text: '张伟您好，共¥1.00。', missing: ['dueDate'] });
  });

  test('values are inserted as text, never evaluated or expanded again', () => {
    const rendered = renderTemplate('{{a}}|{{b}}', { a: '{{b}}', b: '${process.exit()}' });

    expect(rendered.text).toBe('{{b}}|${process.exit()}');
  });

  test('a notice whose values lack a variable fails with its name and sends nothing', async () => {
    const person = await makeRecipient(t.db, place, { mobile: '13900000006' });
    const { amount: _amount, ...withoutAmount } = billVariables();
    await queueBillNotices(t.db, place, [{ personId: person.id, variables: withoutAmount }]);

    await t.app.jobs.drain();

    const sms = (await deliveriesOf(person.id)).find((d) => d.channel === 'sms');
    expect(sms).toMatchObject({ status: 'failed', reason: 'missing_variables', error: 'amount' });
    expect(await outboxTo('13900000006')).toEqual([]);
  });

  test("a project's own template replaces the default; deleting it restores the default", async () => {
    const url = `/api/v1/projects/${place.projectId}/notice-templates`;
    const saved = await t.request({
      method: 'PUT',
      url,
      headers: fx.admin.headers,
      payload: {
        kind: 'bill_generated',
        channel: 'sms',
        body: '【花园物业】{{payerName}}：{{amount}}',
      },
    });
    expect(saved.statusCode).toBe(200);
    const person = await makeRecipient(t.db, place, { mobile: '13900000007' });
    await queueBillNotices(t.db, place, [{ personId: person.id }]);
    await t.app.jobs.drain();

    expect((await outboxTo('13900000007'))[0].body).toBe('【花园物业】张伟：¥210.02');

    const list = await t.request({ method: 'GET', url, headers: fx.admin.headers });
    const sms = list.body.items.find((i: { channel: string }) => i.channel === 'sms');
    expect(sms).toMatchObject({ id: saved.body.id, isDefault: false });
    await t.request({
      method: 'DELETE',
      url: `/api/v1/notice-templates/${saved.body.id}`,
      headers: fx.admin.headers,
    });
    const reset = await t.request({ method: 'GET', url, headers: fx.admin.headers });
    expect(reset.body.items).toHaveLength(3);
    expect(reset.body.items.every((i: { isDefault: boolean }) => i.isDefault)).toBe(true);
  });

  test('a template with a variable the kind does not provide, or an e-mail without subject, is refused', async () => {
    const response = await t.request({
      method: 'PUT',
      url: `/api/v1/projects/${place.projectId}/notice-templates`,
      headers: fx.admin.headers,
      payload: { kind: 'bill_generated', channel: 'email', body: '{{payerName}}{{balance}}' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'body',
      'subject',
    ]);
    expect(
      response.body.details.find((d: { field: string }) => d.field === 'body').message,
    ).toContain('balance');
  });

  test('the preview renders with sample values and names unknown placeholders', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/notice-template-previews',
      headers: fx.admin.headers,
      payload: {
        kind: 'bill_generated',
        subject: '{{period}}账单',
        body: '{{payerName}}：{{foo}}',
      },
    });

    expect(response.body).toEqual({
      subject: '2026年3月账单',
      body: '张伟：',
      missing: ['foo'],
      unknown: ['foo'],
    });
  });
});

describe('scope', () => {
  let narrow: SignedInEmployee;

  beforeAll(async () => {
    narrow = await signedInEmployee(t, fx.a.orgId, {
      consolePermissions: ['notices.view'],
      employee: { projectIds: [fx.projects[0].id] },
    });
    const other = { orgId: fx.a.orgId, projectId: fx.projects[1].id };
    const person = await makeRecipient(t.db, other, { mobile: '13900000008' });
    await queueBillNotices(t.db, other, [{ personId: person.id }]);
  });

  test("an employee of one project does not see another project's log, and masks phones", async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/notice-deliveries?pageSize=200',
      headers: narrow.session.headers,
    });

    expect(response.statusCode).toBe(200);
    const projects = new Set(response.body.items.map((i: { projectId: number }) => i.projectId));
    expect([...projects]).toEqual([fx.projects[0].id]);
    const phones = response.body.items
      .filter(
        (i: { channel: string; recipient: string | null }) => i.channel === 'sms' && i.recipient,
      )
      .map((i: { recipient: string }) => i.recipient);
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((p: string) => p.includes('****'))).toBe(true);
  });

  test('the administrator sees both projects and full numbers; filters narrow the log', async () => {
    const all = await t.request({
      method: 'GET',
      url: `/api/v1/notice-deliveries?projectId=${fx.projects[1].id}&channel=sms`,
      headers: fx.admin.headers,
    });

    expect(all.body.items.map((i: { recipient: string }) => i.recipient)).toEqual(['13900000008']);
    const skipped = await t.request({
      method: 'GET',
      url: '/api/v1/notice-deliveries?status=skipped&channel=sms',
      headers: fx.admin.headers,
    });
    expect(skipped.body.items.every((i: { reason: string }) => i.reason === 'no_phone')).toBe(true);
    expect(skipped.body.total).toBeGreaterThan(0);
  });

  test("another project's templates are not there for that employee (404)", async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/projects/${fx.projects[1].id}/notice-templates`,
      headers: narrow.session.headers,
    });

    expect(response.statusCode).toBe(404);
  });

  test('a date range outside any notice finds none', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/notice-deliveries?from=2020-01-01&to=2020-01-31',
      headers: fx.admin.headers,
    });

    expect(response.body).toMatchObject({ items: [], total: 0 });
  });
});
