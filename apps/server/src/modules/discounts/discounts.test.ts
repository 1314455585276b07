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
import { proposeDiscounts } from './discounts.service.js';

const t = setupTestApp();

let company: CompanyFixture;
let headers: Record<string, string>;
let project: Project;
let other: Project;
/** The project of the cashier-desk tests, whose schemes each name their own fee item. */
let desk: Project;
let neighbour: CompanyFixture;

beforeAll(async () => {
  company = await makeCompany(t.db);
  headers = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
  project = await makeProject(t.db, company.orgId);
  other = await makeProject(t.db, company.orgId);
  desk = await makeProject(t.db, company.orgId);
  neighbour = await makeCompany(t.db);
});

type Method = 'GET' | 'POST' | 'PATCH';

const call = (method: Method, url: string, payload?: object, extra: Record<string, string> = {}) =>
  t.request({
    method,
    url,
    headers: { ...headers, ...extra },
    ...(payload === undefined ? {} : { payload }),
  });

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

/** A monthly 物业费 item of a project (the first one unless told). */
async function newItem(projectId = project.id): Promise<number> {
  const response = await call('POST', '/api/v1/fee-items', {
    projectId,
    code: unique('WYF'),
    name: unique('物业费'),
    category: 'property_fee',
    cycle: 'monthly',
    billingMode: 'prepaid',
    dueRule: 'days_after_period_start',
    dueValue: 15,
  });
  expect(response.statusCode, response.raw.body).toBe(201);

  return response.body.id;
}

function schemeBody(overrides: Record<string, unknown> = {}) {
  return {
    projectId: project.id,
    code: unique('ZS'),
    name: '预交12个月赠送1个月',
    kind: 'free_months',
    parameters: { payMonths: 12, freeMonths: 1 },
    validFrom: '2026-01-01',
    ...overrides,
  };
}

async function newScheme(overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await call('POST', '/api/v1/discount-schemes', schemeBody(overrides));
  expect(response.statusCode, response.raw.body).toBe(201);

  return response.body.id;
}

/** Monthly lines of ¥210.02 (89.37 m² × 2.35 = 210.0195 unrounded) from January 2026. */
function months(count: number, vacant = false) {
  return Array.from({ length: count }, (_, i) => {
    const period = `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return { key: period, period, amountFen: 21002, exactYuan: '210.0195', vacant };
  });
}

/** A scheme of the desk project for one fee item. */
const deskScheme = (feeItemId: number, overrides: Record<string, unknown> = {}) =>
  newScheme({ projectId: desk.id, feeItemIds: [feeItemId], ...overrides });

const propose = (feeItemId: number, lines = months(12), more: Record<string, unknown> = {}) =>
  proposeDiscounts(t.db, company.ctx, {
    projectId: desk.id,
    feeItemId,
    lines,
    on: '2026-01-10',
    ...more,
  });

async function auditOf(id: number) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'discount_scheme')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
}

describe('discount schemes', () => {
  it('are created with parameters checked and rates written with four decimals', async () => {
    const [water, power] = [await newItem(), await newItem()];
    const response = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({
        kind: 'percent_for_months',
        name: '年缴95折',
        parameters: { minMonths: 12, rate: '0.95', maxArrearsMonths: 0 },
        feeItemIds: [power, water],
        validTo: '2026-12-31',
      }),
    );

    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'percent_for_months',
      parameters: { minMonths: 12, rate: '0.9500', maxArrearsMonths: 0 },
      feeItemIds: [Math.min(water, power), Math.max(water, power)],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      priority: 0,
      status: 'active',
    });
    expect(response.body.feeItems).toHaveLength(2);
    expect((await call('GET', `/api/v1/discount-schemes/${response.body.id}`)).body).toEqual(
      response.body,
    );
  });

  it('list by project, kind, status and fee item; a scheme for every item counts for each', async () => {
    const item = await newItem();
    const forAll = await newScheme({ kind: 'fixed_reduction', parameters: { amountFen: 5000 } });
    const forItem = await newScheme({ feeItemIds: [item] });
    const forOther = await newScheme({ feeItemIds: [await newItem()] });
    const elsewhere = await newScheme({ projectId: other.id });

    const byItem = await call('GET', `/api/v1/discount-schemes?feeItemId=${item}&pageSize=200`);
    const ids = byItem.body.items.map((s: { id: number }) => s.id);
    const byKind = await call(
      'GET',
      `/api/v1/discount-schemes?projectId=${project.id}&kind=fixed_reduction&pageSize=200`,
    );

    expect(ids).toEqual(expect.arrayContaining([forAll, forItem]));
    expect(ids).not.toContain(forOther);
    expect(ids).not.toContain(elsewhere);
    expect(byKind.body.items.every((s: { kind: string }) => s.kind === 'fixed_reduction')).toBe(
      true,
    );
    expect(byKind.body.items.map((s: { id: number }) => s.id)).toContain(forAll);
  });

  it('export the listed rows with the rule in words', async () => {
    const code = unique('EXP');
    await newScheme({ code });
    const list = await call('GET', `/api/v1/discount-schemes?q=${code}`);
    const file = await call('GET', `/api/v1/discount-schemes/export?q=${code}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];

    expect(file.statusCode).toBe(200);
    expect(sheet.actualRowCount - 1).toBe(list.body.total);
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining([code, '赠送月份', '预交12个月赠送1个月', '全部收费项目']),
    );
  });

  it('change name, dates, note and parameters, and are archived rather than deleted', async () => {
    const id = await newScheme({ note: '旧备注' });

    const edited = await call('PATCH', `/api/v1/discount-schemes/${id}`, {
      name: '预交12个月赠送2个月',
      parameters: { payMonths: 12, freeMonths: 2 },
      validTo: '2026-06-30',
      note: '周年活动',
    });
    const archived = await call('PATCH', `/api/v1/discount-schemes/${id}`, { status: 'archived' });

    expect(edited.statusCode).toBe(200);
    expect(edited.body).toMatchObject({
      name: '预交12个月赠送2个月',
      parameters: { payMonths: 12, freeMonths: 2 },
      validTo: '2026-06-30',
      note: '周年活动',
    });
    expect(archived.body.status).toBe('archived');
    expect((await call('GET', `/api/v1/discount-schemes/${id}`)).statusCode).toBe(200);
  });

  it('write one audit entry per change, with the parameters before and after', async () => {
    const id = await newScheme();
    await call('PATCH', `/api/v1/discount-schemes/${id}`, {
      parameters: { payMonths: 10, freeMonths: 2 },
    });
    await call('PATCH', `/api/v1/discount-schemes/${id}`, { status: 'archived' });

    const entries = await auditOf(id);

    expect(entries.map((e) => e.action)).toEqual([
      'discount-scheme.create',
      'discount-scheme.update',
      'discount-scheme.update',
    ]);
    expect(entries.every((e) => e.project_id === project.id)).toBe(true);
    const [before, after] = [entries[1].before_json, entries[1].after_json].map(
      (json) => JSON.parse(json ?? '{}') as { parameters: string },
    );
    expect(JSON.parse(before.parameters)).toEqual({ payMonths: 12, freeMonths: 1 });
    expect(JSON.parse(after.parameters)).toEqual({ payMonths: 10, freeMonths: 2 });
    expect(JSON.parse(entries[2].after_json ?? '{}')).toMatchObject({ status: 'archived' });
  });
});

describe('invalid schemes are refused naming the field', () => {
  it('a missing parameter, in Chinese by default and in English when asked', async () => {
    const body = schemeBody({ parameters: { payMonths: 12 } });

    const zh = await call('POST', '/api/v1/discount-schemes', body);
    const en = await call('POST', '/api/v1/discount-schemes', body, {
      'accept-language': 'en-US',
    });

    expect(zh.statusCode).toBe(400);
    expect(zh.body.details).toEqual([{ field: 'parameters.freeMonths', message: '必填' }]);
    expect(zh.body.message).toBe('请求参数有误：parameters.freeMonths');
    expect(en.body.details).toEqual([{ field: 'parameters.freeMonths', message: 'is required' }]);
  });

  it('a rate of 1 or more, or given as a percentage, is refused with what a rate means', async () => {
    const response = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({ kind: 'percent_for_months', parameters: { minMonths: 12, rate: '95' } }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.body.details).toEqual([
      {
        field: 'parameters.rate',
        message: '应为 0 到 1 之间的小数，表示实收比例（0.95 即 95%、9.5 折）',
      },
    ]);
  });

  it('loyalty and vacancy take a rate or an amount, deferral a date or days: exactly one', async () => {
    const both = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({
        kind: 'loyalty',
        parameters: { movedInBy: '2015-12-31', rate: '0.9', amountFen: 5000 },
      }),
    );
    const neither = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({ kind: 'deferral', parameters: {} }),
    );
    const unknownKey = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({ kind: 'vacancy', parameters: { rate: '0.7', amountFenPerLine: 100 } }),
    );

    expect(fieldsOf(both.body)).toEqual(['parameters.rate']);
    expect(fieldsOf(neither.body)).toEqual(['parameters.newDueDate']);
    expect(fieldsOf(unknownKey.body)).toEqual(['parameters.amountFenPerLine']);
  });

  it('an end before the start, a fee item of another project, and a taken code', async () => {
    const code = unique('ZS');
    await newScheme({ code });

    const dates = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({ validFrom: '2026-06-01', validTo: '2026-05-31' }),
    );
    const items = await call(
      'POST',
      '/api/v1/discount-schemes',
      schemeBody({ feeItemIds: [await newItem(other.id)] }),
    );
    const taken = await call('POST', '/api/v1/discount-schemes', schemeBody({ code }));

    expect(fieldsOf(dates.body)).toEqual(['validTo']);
    expect(fieldsOf(items.body)).toEqual(['feeItemIds.0']);
    expect(items.body.details[0].message).toBe('收费项目不存在');
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(['code']);
  });

  it('an edit checks new parameters against the kind the scheme keeps', async () => {
    const id = await newScheme();

    const response = await call('PATCH', `/api/v1/discount-schemes/${id}`, {
      parameters: { minMonths: 12, rate: '0.95' },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(
      expect.arrayContaining(['parameters.payMonths', 'parameters.minMonths']),
    );
  });
});

describe('proposeDiscounts: the reductions of a proposed payment (DOMAIN §5.5)', () => {
  it('Ex. 5.3: pay 12 months, get 1 free: 13 × 210.02 = 2730.26, reduction 210.02, received 2520.24', async () => {
    const item = await newItem(desk.id);
    const scheme = await deskScheme(item);

    // Lines in any order: the free month is the latest one.
    const proposal = await propose(item, months(13).reverse());

    expect(proposal.receivableFen).toBe(13 * 21002);
    expect(proposal.reductionFen).toBe(21002);
    expect(proposal.netFen).toBe(13 * 21002 - 21002);
    expect(proposal.lines.at(-1)).toMatchObject({
      key: '2027-01',
      netFen: 0,
      reductions: [{ ruleId: scheme, kind: 'FREE_MONTHS', amountFen: 21002 }],
    });
    expect(proposal.schemes).toEqual([
      { id: scheme, name: '预交12个月赠送1个月', kind: 'free_months' },
    ]);
  });

  it('Ex. 5.4: 95 % for 12 months: 2520.24 × 0.95 = 2394.228 → 126.01 off, spread 10.50 × 11 + 10.51', async () => {
    const item = await newItem(desk.id);
    await deskScheme(item, {
      kind: 'percent_for_months',
      parameters: { minMonths: 12, rate: '0.95' },
    });

    const proposal = await propose(item);
    const parts = proposal.lines.map((line) => line.reductions[0].amountFen);

    expect(proposal.reductionFen).toBe(12601);
    expect(proposal.netFen).toBe(239423);
    expect(parts.filter((part) => part === 1050)).toHaveLength(11);
    expect(parts.filter((part) => part === 1051)).toHaveLength(1);
  });

  it('Ex. 5.5: a vacant month at 70 %: 210.02 − round(210.0195 × 0.7 = 147.01365) = 63.01', async () => {
    const item = await newItem(desk.id);
    await deskScheme(item, { kind: 'vacancy', parameters: { rate: '0.7' } });

    const proposal = await propose(item, months(1, true));

    expect(proposal.reductionFen).toBe(6301);
    expect(proposal.netFen).toBe(14701);
  });

  it('Ex. 5.6: an owner who moved in by 2015 takes ¥50 off the year: 2520.24 − 50.00 = 2470.24', async () => {
    const item = await newItem(desk.id);
    const scheme = await deskScheme(item, {
      kind: 'loyalty',
      parameters: { movedInBy: '2015-12-31', amountFen: 5000 },
    });

    const longTime = await propose(item, months(12), { payer: { movedInOn: '2012-06-01' } });
    const recent = await propose(item, months(12), { payer: { movedInOn: '2020-03-01' } });

    expect(longTime.reductionFen).toBe(5000);
    expect(longTime.netFen).toBe(247024);
    expect(recent.reductionFen).toBe(0);
    expect(recent.skipped).toEqual([{ ruleId: scheme, reason: 'NOT_LONG_TIME_OWNER' }]);
  });

  it('rates come before fixed amounts whatever the priorities say', async () => {
    const item = await newItem(desk.id);
    const fixed = await deskScheme(item, {
      kind: 'fixed_reduction',
      parameters: { amountFen: 5000 },
      priority: 0,
    });
    const rate = await deskScheme(item, {
      kind: 'percent_for_months',
      parameters: { minMonths: 12, rate: '0.95' },
      priority: 9,
    });

    const proposal = await propose(item);

    // 95 % first: 2520.24 → 2394.23 (126.01 off); then ¥50: 2344.23
    expect(proposal.reductions.map((r) => [r.ruleId, r.amountFen])).toEqual([
      [rate, 12601],
      [fixed, 5000],
    ]);
    expect(proposal.netFen).toBe(234423);
  });

  it('a deferral by days moves the due date from the payment day and reduces nothing', async () => {
    const item = await newItem(desk.id);
    await deskScheme(item, { kind: 'deferral', parameters: { deferDays: 30 } });

    const proposal = await propose(item, months(1));

    expect(proposal.reductionFen).toBe(0);
    expect(proposal.dueDateChanges.map((c) => c.newDueDate)).toEqual(['2026-02-09']);
  });

  it('leaves out schemes of another project, expired, not yet valid or archived ones', async () => {
    const item = await newItem(desk.id);
    await newScheme({ projectId: other.id, kind: 'fixed_reduction', parameters: { amountFen: 1 } });
    const expired = await deskScheme(item, {
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
    await deskScheme(item, { validFrom: '2026-02-01' });
    const archived = await deskScheme(item);
    await call('PATCH', `/api/v1/discount-schemes/${archived}`, { status: 'archived' });

    const proposal = await propose(item, months(13));

    expect(proposal.schemes).toEqual([]);
    expect(proposal.reductionFen).toBe(0);
    await expect(propose(item, months(13), { schemeIds: [expired] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'schemeIds.0', message: 'validation.scheme_not_applicable' }],
    });
  });

  it('applies only the schemes asked for when the cashier names them', async () => {
    const item = await newItem(desk.id);
    await deskScheme(item);
    const fixed = await deskScheme(item, {
      kind: 'fixed_reduction',
      parameters: { amountFen: 1000 },
    });

    const proposal = await propose(item, months(13), { schemeIds: [fixed] });

    expect(proposal.schemes.map((s) => s.id)).toEqual([fixed]);
    expect(proposal.reductionFen).toBe(1000);
  });

  it('answers the same through the 试算 route, and writes nothing', async () => {
    const item = await newItem(desk.id);
    await deskScheme(item);
    const before = await t.db.selectFrom('audit_log').select('id').execute();

    const response = await call('POST', '/api/v1/discount-schemes/proposals', {
      projectId: desk.id,
      feeItemId: item,
      lines: months(13),
      on: '2026-01-10',
    });

    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ reductionFen: 21002, netFen: 252024 });
    expect(await t.db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a fee item of another project', async () => {
    const response = await call('POST', '/api/v1/discount-schemes/proposals', {
      projectId: desk.id,
      feeItemId: await newItem(other.id),
      lines: months(1),
      on: '2026-01-10',
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['feeItemId']);
  });
});

describe('scope', () => {
  it('another company sees none of the schemes and cannot try them on the project', async () => {
    const id = await newScheme();
    const item = await newItem();
    const theirs = (
      await signIn(t, { username: neighbour.adminUsername, password: neighbour.adminPassword })
    ).headers;

    const get = await t.request({
      method: 'GET',
      url: `/api/v1/discount-schemes/${id}`,
      headers: theirs,
    });
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/discount-schemes',
      headers: theirs,
    });
    const proposal = await t.request({
      method: 'POST',
      url: '/api/v1/discount-schemes/proposals',
      headers: theirs,
      payload: { projectId: project.id, feeItemId: item, lines: months(1), on: '2026-01-10' },
    });

    expect(get.statusCode).toBe(404);
    expect(list.body.total).toBe(0);
    expect(proposal.statusCode).toBe(400);
    expect(fieldsOf(proposal.body)).toEqual(['projectId']);
  });

  it('an employee of another project does not see the schemes of this one', async () => {
    const id = await newScheme();
    const department = await makeDepartment(t.db, company.orgId, {
      consolePermissions: ['discounts.view'],
    });
    const employee = await makeEmployee(t.db, company.orgId, {
      departmentId: department.id,
      projectIds: [other.id],
    });
    const theirs = (await signIn(t, employee)).headers;

    const get = await t.request({
      method: 'GET',
      url: `/api/v1/discount-schemes/${id}`,
      headers: theirs,
    });
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/discount-schemes?pageSize=200`,
      headers: theirs,
    });

    expect(get.statusCode).toBe(404);
    expect(list.body.items.every((s: { projectId: number }) => s.projectId === other.id)).toBe(
      true,
    );
  });
});
