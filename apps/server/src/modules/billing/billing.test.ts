import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../platform/exceljs.js';
import {
  type CompanyFixture,
  makeCompany,
  makeDepartment,
  makeEmployee,
  makeProject,
  signIn,
  unique,
} from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import type { Project } from '../org/project.service.js';
import { createPerson } from '../people/person.service.js';
import { linkPerson } from '../people/resource-link.service.js';
import { createBuilding } from '../resources/building.service.js';
import { listRooms } from '../resources/resource.service.js';
import { createRoomBatch } from '../resources/room-batch.service.js';
import { appendEntry } from './bill.service.js';
import { inTransaction } from '../../platform/transaction.js';

/*
 * The numbers, by hand. Rooms are 89.37 m². 物业费 is 2.35 元/㎡/月 for the project and 2.50 for
 * building 7, so a month is 89.37 × 2.35 = 210.0195 → ¥210.02 in building 1 and
 * 89.37 × 2.50 = 223.425 → ¥223.43 in building 7 (half-up). Room 1-1-101 is handed over on
 * 2026-01-17: January is 15 of 31 days, 210.0195 × 15 / 31 = 101.62234 → ¥101.62 (DOMAIN Ex. 1.5 A).
 * Six rooms a building: January = 5 × 210.02 + 101.62 + 6 × 223.43 = 1,050.10 + 101.62 + 1,340.58
 * = ¥2,492.30.
 */
const JANUARY_TOTAL_FEN = 5 * 21002 + 10162 + 6 * 22343;

const t = setupTestApp();

let company: CompanyFixture;
let headers: Record<string, string>;
let project: Project;
let building1: number;
let building7: number;
let itemId: number;
let standardId: number;
const rooms = new Map<string, number>();
let ownerId: number;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.request({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

async function created(response: {
  statusCode: number;
  body: { id: number };
  raw: { body: string };
}) {
  expect(response.statusCode, response.raw.body).toBe(201);

  return response.body.id;
}

beforeAll(async () => {
  company = await makeCompany(t.db);
  headers = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
  project = await makeProject(t.db, company.orgId);
  const ctx = company.ctx;
  building1 = (await createBuilding(t.db, ctx, { projectId: project.id, code: '1', name: '1栋' }))
    .id;
  building7 = (await createBuilding(t.db, ctx, { projectId: project.id, code: '7', name: '7栋' }))
    .id;
  await createRoomBatch(t.db, ctx, {
    projectId: project.id,
    buildingIds: [building1, building7],
    unitCount: 1,
    floorFrom: 1,
    floorTo: 3,
    roomsPerFloor: 2,
    codeTemplate: '{building}-{unit}-{floor}{room:2}',
    area: '89.37',
    use: 'residential',
    status: 'occupied',
  });
  const list = await listRooms(t.db, ctx, { projectId: project.id, page: 1, pageSize: 200 });
  for (const room of list.items) rooms.set(room.code, room.id);
  await t.db
    .updateTable('room')
    .set({ delivery_date: '2026-01-17' })
    .where('resource_id', '=', rooms.get('1-1-101')!)
    .execute();

  const owner = await createPerson(t.db, ctx, {
    projectId: project.id,
    name: '张三',
    mobile: '13800138000',
  });
  ownerId = owner.id;
  await linkPerson(t.db, ctx, rooms.get('1-1-102')!, {
    personId: owner.id,
    role: 'owner',
    startDate: '2020-01-01',
  });

  itemId = await created(
    await call('POST', '/api/v1/fee-items', {
      projectId: project.id,
      code: 'WYF',
      name: '物业费',
      category: 'property_fee',
      cycle: 'monthly',
      billingMode: 'prepaid',
      dueRule: 'day_of_first_month',
      dueValue: 15,
    }),
  );
  standardId = await created(
    await call('POST', '/api/v1/fee-standards', {
      feeItemId: itemId,
      name: '住宅按建筑面积',
      method: 'area_price',
      parameters: { areaBasis: 'building' },
      resourceKinds: ['room'],
    }),
  );
  const prices = await call('POST', `/api/v1/fee-standards/${standardId}/prices`, {
    effectiveFrom: '2025-01-01',
    prices: [
      { scope: 'project', price: '2.35' },
      { scope: 'building', buildingId: building7, price: '2.50' },
    ],
  });
  expect(prices.statusCode, prices.raw.body).toBe(201);
  const bound = await call('POST', '/api/v1/fee-binding-batches', {
    standardId,
    target: { resourceKind: 'room' },
    startDate: '2025-01-01',
  });
  expect(bound.statusCode, bound.raw.body).toBe(201);
});

const january = () => ({
  projectId: project.id,
  fromMonth: '2026-01',
  toMonth: '2026-01',
  feeItemIds: [itemId],
  notify: false,
});

async function runToEnd(body: object) {
  const response = await call('POST', '/api/v1/bill-runs', body);
  expect(response.statusCode, response.raw.body).toBe(201);
  expect(response.body.status).toBe('queued');
  await t.app.jobs.drain();

  return (await call('GET', `/api/v1/bill-runs/${response.body.id}`)).body;
}

async function billOf(code: string, period = '2026-01') {
  const list = await call(
    'GET',
    `/api/v1/bills?resourceId=${rooms.get(code)}&fromMonth=${period}&toMonth=${period}`,
  );
  expect(list.body.items).toHaveLength(1);

  return list.body.items[0];
}

describe('bill runs', () => {
  it('preview counts the bills, the total and the warnings, and writes nothing', async () => {
    const response = await call('POST', '/api/v1/bill-runs/previews', january());

    expect(response.statusCode, response.raw.body).toBe(200);
    expect(response.body).toMatchObject({
      billCount: 12,
      totalFen: JANUARY_TOTAL_FEN,
      existingCount: 0,
      resourceCount: 12,
      byItem: [{ feeItemId: itemId, billCount: 12, totalFen: JANUARY_TOTAL_FEN }],
    });
    const noPayer = response.body.warnings.find((w: { code: string }) => w.code === 'NO_PAYER');
    expect(noPayer.count).toBe(11);
    const partial = response.body.sample.find(
      (line: { resourceCode: string }) => line.resourceCode === '1-1-101',
    );
    expect(partial).toMatchObject({ periodLabel: '2026-01 (01-17~01-31)', amountFen: 10162 });
    expect(partial.calculation).toContain('15/31');
    const bills = await t.db.selectFrom('bill').select('id').execute();
    expect(bills).toHaveLength(0);
  });

  it('creates one bill per resource, item and period, with its payer, due date and calculation', async () => {
    const run = await runToEnd(january());

    expect(run).toMatchObject({ status: 'completed', billCount: 12, totalFen: JANUARY_TOTAL_FEN });
    const owned = await billOf('1-1-102');
    expect(owned).toMatchObject({
      amountFen: 21002,
      outstandingFen: 21002,
      status: 'unpaid',
      periodLabel: '2026-01',
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      dueDate: '2026-01-15',
      payerPersonId: ownerId,
      payerName: '张三',
      billRunId: run.id,
    });
    expect((await billOf('7-1-101')).amountFen).toBe(22343);

    const detail = await call('GET', `/api/v1/bills/${owned.id}`);
    expect(detail.body.calculationText).toBe(
      '建筑面积 89.37㎡ × 单价 2.35元/㎡/月 × 1 个月 = 210.02元（四舍五入到分）',
    );
    expect(detail.body.lateFee).toBeNull();
    const english = await t.request({
      method: 'GET',
      url: `/api/v1/bills/${owned.id}`,
      headers: { ...headers, 'accept-language': 'en-US' },
    });
    expect(english.body.calculationText).toContain('89.37');
  });

  it('run twice creates each bill once', async () => {
    const again = await runToEnd(january());
    expect(again).toMatchObject({ status: 'completed', billCount: 0, totalFen: 0 });

    const preview = await call('POST', '/api/v1/bill-runs/previews', january());
    expect(preview.body).toMatchObject({ billCount: 0, existingCount: 12 });
    const count = await t.db
      .selectFrom('bill')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(12);
  });

  it('a price change after a run leaves its bills alone and prices the next month', async () => {
    const response = await call('POST', `/api/v1/fee-standards/${standardId}/prices`, {
      effectiveFrom: '2026-01-01',
      prices: [{ scope: 'project', price: '3.00' }],
    });
    expect(response.statusCode, response.raw.body).toBe(201);

    expect((await billOf('1-1-102')).amountFen).toBe(21002);
    await runToEnd({ ...january(), fromMonth: '2026-02', toMonth: '2026-02' });
    // 89.37 × 3.00 = 268.11; building 7 keeps its own 2.50.
    expect((await billOf('1-1-102', '2026-02')).amountFen).toBe(26811);
    expect((await billOf('7-1-101', '2026-02')).amountFen).toBe(22343);
  });

  it('queues a notice to each payer with a run, sent by SMS and in-app, skipped without e-mail', async () => {
    const run = await runToEnd({
      ...january(),
      fromMonth: '2026-04',
      toMonth: '2026-04',
      buildingIds: [building1],
      notify: true,
    });
    expect(run).toMatchObject({ status: 'completed', billCount: 6 });
    await t.app.jobs.drain();

    const deliveries = await t.db
      .selectFrom('notice_delivery')
      .select(['person_id', 'channel', 'status', 'reason', 'body'])
      .where('source_type', '=', 'bill_run')
      .where('source_id', '=', run.id)
      .orderBy('channel')
      .execute();
    // Only 1-1-102 has an owner on record; 张三 has a mobile and no e-mail.
    expect(deliveries.map((d) => [d.person_id, d.channel, d.status, d.reason])).toEqual([
      [ownerId, 'email', 'skipped', 'no_email'],
      [ownerId, 'in_app', 'sent', null],
      [ownerId, 'sms', 'sent', null],
    ]);
    const sms = deliveries.find((d) => d.channel === 'sms')?.body ?? '';
    // April at the new 3.00: 89.37 × 3.00 = 268.11.
    expect(sms).toContain('1-1-102');
    expect(sms).toContain('¥268.11');
  });

  it('narrows to buildings, refuses bad input naming the field, and can be cancelled', async () => {
    const narrowed = await call('POST', '/api/v1/bill-runs/previews', {
      ...january(),
      fromMonth: '2026-03',
      toMonth: '2026-03',
      buildingIds: [building7],
    });
    expect(narrowed.body).toMatchObject({ billCount: 6, totalFen: 6 * 22343 });

    const backwards = await call('POST', '/api/v1/bill-runs', {
      ...january(),
      fromMonth: '2026-03',
      toMonth: '2026-02',
    });
    expect(backwards.statusCode).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual(['toMonth']);

    const stranger = await makeProject(t.db, company.orgId);
    const foreignItem = await created(
      await call('POST', '/api/v1/fee-items', {
        projectId: stranger.id,
        code: unique('X'),
        name: '其他项目的费用',
        category: 'other',
        cycle: 'monthly',
        billingMode: 'prepaid',
        dueRule: 'days_after_period_start',
        dueValue: 0,
      }),
    );
    const wrongItem = await call('POST', '/api/v1/bill-runs', {
      ...january(),
      feeItemIds: [itemId, foreignItem],
    });
    expect(wrongItem.statusCode).toBe(400);
    expect(fieldsOf(wrongItem.body)).toEqual(['feeItemIds.1']);

    const queued = await call('POST', '/api/v1/bill-runs', {
      ...january(),
      fromMonth: '2026-03',
      toMonth: '2026-03',
    });
    const cancel = await call('POST', `/api/v1/bill-runs/${queued.body.id}/cancellations`);
    expect(cancel.statusCode, cancel.raw.body).toBe(200);
    expect(cancel.body.cancelRequested).toBe(true);
    await t.app.jobs.drain();
    const run = (await call('GET', `/api/v1/bill-runs/${queued.body.id}`)).body;
    expect(run).toMatchObject({ status: 'cancelled', billCount: 0 });
    const late = await call('POST', `/api/v1/bill-runs/${queued.body.id}/cancellations`);
    expect(late.statusCode).toBe(409);
    expect(late.body.code).toBe('BILL_RUN_FINISHED');
  });
});

describe('bill lifecycle', () => {
  it('entries move the balance and outstanding = charged − paid − reduced − offset', async () => {
    const bill = await billOf('1-1-201');
    const entry = (kind: 'payment' | 'reduction' | 'offset', amountFen: number) =>
      inTransaction(t.db, (trx) => appendEntry(trx, company.ctx, bill.id, { kind, amountFen }));

    // ¥100.00 paid of ¥210.02 (DOMAIN Ex. 5.1): ¥110.02 still owed, partially paid.
    expect((await entry('payment', 10000)).bill).toMatchObject({
      outstanding_fen: 11002,
      status: 'partially_paid',
    });
    await entry('reduction', 1002);
    await entry('offset', 5000);
    await expect(entry('payment', 5001)).rejects.toMatchObject({ code: 'BILL_OVERPAID' });
    expect((await entry('payment', 5000)).bill).toMatchObject({
      outstanding_fen: 0,
      status: 'paid',
    });

    const detail = (await call('GET', `/api/v1/bills/${bill.id}`)).body;
    expect(detail).toMatchObject({
      chargedFen: 21002,
      paidFen: 15000,
      reducedFen: 1002,
      offsetFen: 5000,
      outstandingFen: 0,
      status: 'paid',
    });
    expect(detail.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'payment',
      'reduction',
      'offset',
      'payment',
    ]);

    const voidPaid = await call('POST', `/api/v1/bills/${bill.id}/voids`, { reason: '录入错误' });
    expect(voidPaid.statusCode).toBe(409);
    expect(voidPaid.body.code).toBe('BILL_HAS_PAYMENTS');
  });

  it('a void needs a reason, keeps the bill and its history, and closes it', async () => {
    const bill = await billOf('1-1-202');
    const noReason = await call('POST', `/api/v1/bills/${bill.id}/voids`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['reason']);

    const voided = await call('POST', `/api/v1/bills/${bill.id}/voids`, { reason: '房号录错' });
    expect(voided.statusCode, voided.raw.body).toBe(200);
    expect(voided.body).toMatchObject({
      amountFen: 21002,
      chargedFen: 0,
      outstandingFen: 0,
      status: 'void',
      entries: [{ kind: 'void', amountFen: 21002, reason: '房号录错' }],
    });
    const again = await call('POST', `/api/v1/bills/${bill.id}/voids`, { reason: '房号录错' });
    expect(again.body.code).toBe('BILL_CLOSED');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'bill.void')
      .execute();
    expect(audit).toEqual([{ action: 'bill.void', entity_id: String(bill.id) }]);
  });

  it('the balance columns equal the sums of the entries on every bill', async () => {
    const bills = await t.db.selectFrom('bill').selectAll().execute();
    const entries = await t.db.selectFrom('bill_entry').selectAll().execute();
    for (const bill of bills) {
      const sum = (kind: string) =>
        entries
          .filter((e) => e.bill_id === bill.id && e.kind === kind)
          .reduce((total, e) => total + Number(e.amount_fen), 0);
      expect(Number(bill.charged_fen)).toBe(Number(bill.amount_fen) - sum('void'));
      expect(Number(bill.paid_fen)).toBe(sum('payment'));
      expect(Number(bill.reduced_fen)).toBe(sum('reduction'));
      expect(Number(bill.offset_fen)).toBe(sum('offset'));
      expect(Number(bill.outstanding_fen)).toBe(
        Number(bill.charged_fen) -
          Number(bill.paid_fen) -
          Number(bill.reduced_fen) -
          Number(bill.offset_fen),
      );
    }
  });

  it('temporary bills are added with a description and the payer of the room', async () => {
    const response = await call('POST', '/api/v1/bills', {
      resourceId: rooms.get('1-1-102'),
      feeItemId: itemId,
      amountFen: 8000,
      description: '维修费：更换水龙头',
      dueDate: '2026-12-31',
    });
    expect(response.statusCode, response.raw.body).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'temporary',
      amountFen: 8000,
      outstandingFen: 8000,
      payerName: '张三',
      calculationText: '维修费：更换水龙头',
      periodKey: null,
    });

    const bad = await call('POST', '/api/v1/bills', {
      resourceId: rooms.get('1-1-102'),
      feeItemId: itemId,
      amountFen: 12.5,
      description: '维修费',
      dueDate: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['amountFen', 'dueDate']);
  });
});

describe('bill list', () => {
  it('filters by building, status and overdue, with totals over all matches', async () => {
    const byBuilding = await call(
      'GET',
      `/api/v1/bills?buildingId=${building7}&fromMonth=2026-01&toMonth=2026-01&pageSize=2`,
    );
    expect(byBuilding.body).toMatchObject({
      total: 6,
      totals: { chargedFen: 6 * 22343, outstandingFen: 6 * 22343 },
    });
    expect(byBuilding.body.items).toHaveLength(2);

    const paid = await call('GET', '/api/v1/bills?status=paid');
    expect(paid.body.items.map((b: { resourceCode: string }) => b.resourceCode)).toEqual([
      '1-1-201',
    ]);
    const overdue = await call(
      'GET',
      '/api/v1/bills?overdue=true&fromMonth=2026-01&toMonth=2026-01',
    );
    // January's bills were due 2026-01-15; one is paid and one void.
    expect(overdue.body.total).toBe(10);
    expect(overdue.body.items.every((b: { overdue: boolean }) => b.overdue)).toBe(true);
  });

  it('exports the filtered bills to Excel with Chinese headers', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/bills/export?buildingId=${building7}&fromMonth=2026-01&toMonth=2026-01`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('项目');
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(2).getCell(10).value).toBe('¥223.43');
  });

  it('an employee of another project sees none of these bills', async () => {
    const other = await makeProject(t.db, company.orgId);
    const department = await makeDepartment(t.db, company.orgId, {
      consolePermissions: ['billing.bill.view'],
    });
    const employee = await makeEmployee(t.db, company.orgId, {
      departmentId: department.id,
      projectIds: [other.id],
    });
    const session = await signIn(t, { username: employee.username, password: employee.password });
    const bill = await billOf('1-1-102');
    const list = await t.request({ method: 'GET', url: '/api/v1/bills', headers: session.headers });
    expect(list.body.total).toBe(0);
    const one = await t.request({
      method: 'GET',
      url: `/api/v1/bills/${bill.id}`,
      headers: session.headers,
    });
    expect(one.statusCode).toBe(404);
    const run = await t.request({
      method: 'POST',
      url: '/api/v1/bill-runs',
      headers: session.headers,
      payload: january(),
    });
    expect(run.statusCode).toBe(403);
  });
});

describe('late fees', () => {
  it('accrue on an overdue bill only when the item enables them with a clause', async () => {
    const lateItem = await created(
      await call('POST', '/api/v1/fee-items', {
        projectId: project.id,
        code: unique('LJF'),
        name: '垃圾清运费',
        category: 'other',
        cycle: 'monthly',
        billingMode: 'prepaid',
        dueRule: 'day_of_first_month',
        dueValue: 10,
        lateFee: {
          enabled: true,
          contractClauseRef: '物业服务合同第十二条',
          ratePerDay: '0.0005',
          graceDays: 0,
          capKind: 'none',
        },
      }),
    );
    const bill = await call('POST', '/api/v1/bills', {
      resourceId: rooms.get('1-1-102'),
      feeItemId: lateItem,
      amountFen: 10000,
      description: '垃圾清运费',
      dueDate: '2026-01-10',
    });
    expect(bill.statusCode, bill.raw.body).toBe(201);
    expect(bill.body.lateFee.amountFen).toBeGreaterThan(0);
    expect(bill.body.lateFee.calculation).toContain('物业服务合同第十二条');
  });
});
