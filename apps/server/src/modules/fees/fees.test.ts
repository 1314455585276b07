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
import { setEmployeeProjects } from '../org/employee.service.js';
import type { Project } from '../org/project.service.js';
import { createBuilding } from '../resources/building.service.js';
import { createShop, listRooms } from '../resources/resource.service.js';
import { createRoomBatch } from '../resources/room-batch.service.js';

const t = setupTestApp();

let company: CompanyFixture;
let headers: Record<string, string>;
let project: Project;
let other: Project;
let building1: number;
let building7: number;
/** Room ids by code, `1-1-301`, `7-1-901` … */
const rooms = new Map<string, number>();
let shopId: number;

beforeAll(async () => {
  company = await makeCompany(t.db);
  headers = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
  project = await makeProject(t.db, company.orgId);
  other = await makeProject(t.db, company.orgId);
  const ctx = company.ctx;
  building1 = (await createBuilding(t.db, ctx, { projectId: project.id, code: '1', name: '1栋' }))
    .id;
  building7 = (await createBuilding(t.db, ctx, { projectId: project.id, code: '7', name: '7栋' }))
    .id;
  // Two buildings × one unit × floors 1–10 × 4 rooms = 80 rooms of 89.37 m².
  await createRoomBatch(t.db, ctx, {
    projectId: project.id,
    buildingIds: [building1, building7],
    unitCount: 1,
    floorFrom: 1,
    floorTo: 10,
    roomsPerFloor: 4,
    codeTemplate: '{building}-{unit}-{floor}{room:2}',
    area: '89.37',
    use: 'residential',
    status: 'occupied',
  });
  const list = await listRooms(t.db, ctx, { projectId: project.id, page: 1, pageSize: 200 });
  for (const room of list.items) rooms.set(room.code, room.id);
  shopId = (
    await createShop(t.db, ctx, {
      projectId: project.id,
      code: 'S-101',
      area: '60.00',
      status: 'vacant',
    })
  ).id;
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.request({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

function itemBody(overrides: Record<string, unknown> = {}) {
  return {
    projectId: project.id,
    code: unique('WYF'),
    name: '物业费',
    category: 'property_fee',
    cycle: 'monthly',
    billingMode: 'prepaid',
    dueRule: 'days_after_period_start',
    dueValue: 15,
    ...overrides,
  };
}

async function newItem(overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await call('POST', '/api/v1/fee-items', itemBody(overrides));
  expect(response.statusCode, response.raw.body).toBe(201);

  return response.body.id;
}

async function newStandard(body: Record<string, unknown>): Promise<number> {
  const response = await call('POST', '/api/v1/fee-standards', {
    feeItemId: await newItem(),
    name: unique('标准'),
    resourceKinds: ['room'],
    ...body,
  });
  expect(response.statusCode, response.raw.body).toBe(201);

  return response.body.id;
}

const areaStandard = () =>
  newStandard({ method: 'area_price', parameters: { areaBasis: 'building' } });

describe('fee items', () => {
  it('start with half-up rounding, actual-day proration, no tax and the late fee off', async () => {
    const response = await call('POST', '/api/v1/fee-items', itemBody());

    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({
      roundingMode: 'half_up',
      proration: 'actual_days',
      taxRate: '0.0000',
      status: 'active',
      lateFee: { enabled: false, capKind: 'none', contractClauseRef: null },
    });
  });

  it('keep codes unique within a project, but a code may repeat in another project', async () => {
    const code = unique('SF');
    await newItem({ code });

    const same = await call('POST', '/api/v1/fee-items', itemBody({ code }));
    const elsewhere = await call(
      'POST',
      '/api/v1/fee-items',
      itemBody({ code, projectId: other.id }),
    );

    expect(same.statusCode).toBe(409);
    expect(fieldsOf(same.body)).toEqual(['code']);
    expect(elsewhere.statusCode).toBe(201);
  });

  it('refuse a late fee without the contract clause that provides for it', async () => {
    const id = await newItem();

    const refused = await call('PATCH', `/api/v1/fee-items/${id}`, { lateFee: { enabled: true } });
    const enabled = await call('PATCH', `/api/v1/fee-items/${id}`, {
      lateFee: { enabled: true, contractClauseRef: '《物业服务合同》第十二条第二款' },
    });

    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['lateFee.contractClauseRef']);
    // DOMAIN §9 defaults once enabled: 0.03 % a day, 15 days' grace, at most 20 % of the principal.
    expect(enabled.body.lateFee).toEqual({
      enabled: true,
      contractClauseRef: '《物业服务合同》第十二条第二款',
      startDate: null,
      ratePerDay: '0.000300',
      graceDays: 15,
      capKind: 'percent',
      capPercent: '20.0000',
      capFen: null,
    });
  });

  it('refuse a fixed cap without an amount, and a due day outside 1–31', async () => {
    const cap = await call(
      'POST',
      '/api/v1/fee-items',
      itemBody({ lateFee: { enabled: true, contractClauseRef: '第十条', capKind: 'fixed' } }),
    );
    const day = await call(
      'POST',
      '/api/v1/fee-items',
      itemBody({ dueRule: 'day_of_first_month', dueValue: 0 }),
    );

    expect(fieldsOf(cap.body)).toEqual(['lateFee.capFen']);
    expect(fieldsOf(day.body)).toEqual(['dueValue']);
  });

  it('once archived, take no new standards', async () => {
    const id = await newItem();
    await call('PATCH', `/api/v1/fee-items/${id}`, { status: 'archived' });

    const response = await call('POST', '/api/v1/fee-standards', {
      feeItemId: id,
      name: '按建筑面积',
      method: 'area_price',
      parameters: { areaBasis: 'building' },
      resourceKinds: ['room'],
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['feeItemId']);
  });
});

describe('charging standards', () => {
  const standardBody = async (method: string, parameters: unknown) => ({
    feeItemId: await newItem(),
    name: unique('标准'),
    method,
    parameters,
    resourceKinds: ['room'],
  });
  const create = async (method: string, parameters: unknown) =>
    call('POST', '/api/v1/fee-standards', await standardBody(method, parameters));

  it('refuse floor bands that share a floor, and store good ones in floor order', async () => {
    const overlapping = await create('floor_coefficient', {
      areaBasis: 'building',
      bands: [
        { floorFrom: 1, floorTo: 6, coefficient: '1' },
        { floorFrom: 6, floorTo: 12, coefficient: '1.05' },
      ],
    });
    const openBelow = await create('floor_coefficient', {
      areaBasis: 'building',
      bands: [
        { floorFrom: 13, floorTo: null, coefficient: '1.1' },
        { floorFrom: 1, floorTo: null, coefficient: '1' },
      ],
    });
    const good = await create('floor_coefficient', {
      areaBasis: 'building',
      bands: [
        { floorFrom: 13, floorTo: null, coefficient: '1.1' },
        { floorFrom: 1, floorTo: 6, coefficient: '1' },
        { floorFrom: 7, floorTo: 12, coefficient: '1.05' },
      ],
    });

    expect(fieldsOf(overlapping.body)).toEqual(['parameters.bands.1.floorFrom']);
    expect(fieldsOf(openBelow.body)).toEqual(['parameters.bands.0.floorFrom']);
    expect(good.statusCode).toBe(201);
    expect(good.body.parameters.bands).toEqual([
      { floorFrom: 1, floorTo: 6, coefficient: '1.0000' },
      { floorFrom: 7, floorTo: 12, coefficient: '1.0500' },
      { floorFrom: 13, floorTo: null, coefficient: '1.1000' },
    ]);
  });

  it('refuse tiers that do not climb, or whose last tier is capped', async () => {
    const tiers = (...bounds: (string | null)[]) =>
      bounds.map((upTo, i) => ({ upTo, price: ['3.45', '4.83', '5.83'][i] }));
    const params = (t: unknown) => ({ meterType: 'water', tierPeriod: 'year', tiers: t });

    const falling = await create('tiered_usage', params(tiers('220', '180', null)));
    const capped = await create('tiered_usage', params(tiers('220', '300', '400')));
    const good = await create('tiered_usage', params(tiers('220', '300', null)));

    expect(fieldsOf(falling.body)).toEqual(['parameters.tiers.1.upTo']);
    expect(fieldsOf(capped.body)).toEqual(['parameters.tiers.2.upTo']);
    expect(good.statusCode).toBe(201);
  });

  it("name the field of a method's parameters that is missing or unknown", async () => {
    const missing = await create('area_price', {});
    const unknown = await create('fixed', { amount: '10' });

    expect(fieldsOf(missing.body)).toEqual(['parameters.areaBasis']);
    expect(fieldsOf(unknown.body)).toEqual(['parameters.amount']);
  });

  it('check a custom formula with the parser of the calculation core', async () => {
    const bad = await create('custom_formula', { formula: 'area * price +' });
    const unknownName = await create('custom_formula', { formula: 'area * rate' });
    const good = await create('custom_formula', { formula: 'area * price * coefficient' });

    expect(fieldsOf(bad.body)).toEqual(['parameters.formula']);
    expect(fieldsOf(unknownName.body)).toEqual(['parameters.formula']);
    expect(good.statusCode).toBe(201);
  });

  it('refuse a parking pair priced twice and day/night bands that overlap', async () => {
    const monthly = await create('parking_monthly', {
      prices: [
        { vehicleType: 'small_car', spaceType: 'standard', price: '300' },
        { vehicleType: 'small_car', spaceType: 'standard', price: '280' },
      ],
    });
    const temporary = await create('parking_temporary', {
      freeMinutes: 15,
      firstHourPrice: '5',
      perHourPrice: '3',
      dailyCap: '40',
      bands: [
        { name: '夜间', start: '19:00', end: '07:00', perHourPrice: '1' },
        { name: '白天', start: '06:00', end: '19:00', perHourPrice: '3' },
      ],
      memberDiscounts: [{ level: 'gold', percentOff: '20' }],
    });

    expect(fieldsOf(monthly.body)).toEqual(['parameters.prices.1.spaceType']);
    expect(fieldsOf(temporary.body)).toEqual(['parameters.bands.1.start']);
  });

  it('keep their method when edited, and check new parameters against it', async () => {
    const id = await areaStandard();

    const response = await call('PATCH', `/api/v1/fee-standards/${id}`, {
      parameters: { bands: [] },
    });

    expect(fieldsOf(response.body)).toContain('parameters.areaBasis');
  });
});

describe('unit prices by scope', () => {
  let standardId: number;
  const priceOf = async (room: string, date: string) => {
    const response = await call(
      'GET',
      `/api/v1/fee-standards/${standardId}/effective-price?resourceId=${rooms.get(room)}&date=${date}`,
    );
    expect(response.statusCode, response.raw.body).toBe(200);
    return response.body.price as string | null;
  };
  const setPrices = (body: object) =>
    call('POST', `/api/v1/fee-standards/${standardId}/prices`, body);

  beforeAll(async () => {
    standardId = await areaStandard();
    // DOMAIN §1.4: project 2.35, building 7 2.50, one room of building 7 at 1.80.
    const response = await setPrices({
      effectiveFrom: '2026-01-01',
      prices: [
        { scope: 'project', price: '2.35' },
        { scope: 'building', buildingId: building7, price: '2.50' },
        { scope: 'resource', resourceId: rooms.get('7-1-501'), price: '1.80' },
      ],
    });
    expect(response.statusCode, response.raw.body).toBe(201);
  });

  it('give the most specific price: the room override, then the building, then the project', async () => {
    expect(await priceOf('7-1-501', '2026-03-01')).toBe('1.8000');
    expect(await priceOf('7-1-502', '2026-03-01')).toBe('2.5000');
    expect(await priceOf('1-1-301', '2026-03-01')).toBe('2.3500');
    expect(await priceOf('1-1-301', '2025-12-31')).toBeNull();
  });

  it('add a later row for a change; the earlier row and the dates before it keep their price', async () => {
    const before = await call('GET', `/api/v1/fee-standards/${standardId}/prices?scope=project`);
    await setPrices({ effectiveFrom: '2026-07-01', prices: [{ scope: 'project', price: '2.60' }] });
    const after = await call('GET', `/api/v1/fee-standards/${standardId}/prices?scope=project`);
    const inForce = await call(
      'GET',
      `/api/v1/fee-standards/${standardId}/prices?scope=project&date=2026-07-01`,
    );

    expect(await priceOf('1-1-301', '2026-06-30')).toBe('2.3500');
    expect(await priceOf('1-1-301', '2026-07-01')).toBe('2.6000');
    expect(await priceOf('7-1-502', '2026-07-01')).toBe('2.5000');
    expect(after.body.items).toHaveLength(2);
    expect(after.body.items).toContainEqual(before.body.items[0]);
    expect(inForce.body.items.map((p: { price: string }) => p.price)).toEqual(['2.6000']);
  });

  it('price a floor range of a building up to its inclusive last day', async () => {
    await setPrices({
      effectiveFrom: '2026-02-01',
      effectiveTo: '2026-03-31',
      prices: [
        { scope: 'floor_range', buildingId: building7, floorFrom: 8, floorTo: 10, price: '2.80' },
      ],
    });

    expect(await priceOf('7-1-901', '2026-03-31')).toBe('2.8000');
    expect(await priceOf('7-1-901', '2026-04-01')).toBe('2.5000');
    expect(await priceOf('7-1-301', '2026-03-31')).toBe('2.5000');
  });

  it('refuse a second row for the same scope from the same date (rows are never rewritten)', async () => {
    const response = await setPrices({
      effectiveFrom: '2026-01-01',
      prices: [{ scope: 'building', buildingId: building7, price: '2.55' }],
    });

    expect(response.statusCode).toBe(409);
    expect(fieldsOf(response.body)).toEqual(['prices.0']);
  });

  it('refuse ids a scope does not use, and buildings of another project', async () => {
    const otherBuilding = await createBuilding(t.db, company.ctx, {
      projectId: other.id,
      code: unique('X'),
      name: '他处',
    });

    const response = await setPrices({
      effectiveFrom: '2026-09-01',
      prices: [
        { scope: 'project', buildingId: building1, price: '2.40' },
        { scope: 'building', buildingId: otherBuilding.id, price: '2.40' },
      ],
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['prices.0.buildingId']);
  });

  it('are not set for methods that carry their prices in their parameters', async () => {
    const tiered = await newStandard({
      method: 'tiered_usage',
      parameters: {
        meterType: 'water',
        tierPeriod: 'year',
        tiers: [{ upTo: null, price: '3.45' }],
      },
    });

    const response = await call('POST', `/api/v1/fee-standards/${tiered}/prices`, {
      effectiveFrom: '2026-01-01',
      prices: [{ scope: 'project', price: '3.45' }],
    });

    expect(fieldsOf(response.body)).toEqual(['prices']);
  });
});

describe('bindings', () => {
  const batch = (standardId: number, extra: Record<string, unknown> = {}) =>
    call('POST', '/api/v1/fee-binding-batches', {
      standardId,
      target: { buildingId: building7 },
      startDate: '2026-01-01',
      ...extra,
    });
  const countBindings = async (standardId: number) =>
    (await call('GET', `/api/v1/fee-bindings?standardId=${standardId}`)).body.total as number;

  it('bind every room of a building in one call with one audit entry', async () => {
    const standardId = await areaStandard();
    const auditBefore = await t.db.selectFrom('audit_log').select('id').execute();

    const response = await batch(standardId);

    // Building 7: one unit × 10 floors × 4 rooms.
    expect(response.body).toEqual({ matched: 40, created: 40, skipped: 0 });
    expect(await countBindings(standardId)).toBe(40);
    const auditAfter = await t.db.selectFrom('audit_log').selectAll().execute();
    expect(auditAfter.length - auditBefore.length).toBe(1);
    expect(auditAfter.at(-1)).toMatchObject({ action: 'fee-binding.bulk-create' });
  });

  it('preview a batch: the count it matches and the count already bound, writing nothing', async () => {
    const standardId = await areaStandard();
    await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [rooms.get('7-1-101')],
      startDate: '2026-03-01',
    });

    const preview = await call('POST', '/api/v1/fee-binding-batches/previews', {
      standardId,
      target: { buildingId: building7, floorFrom: 1, floorTo: 2 },
      startDate: '2026-01-01',
    });

    // Floors 1 and 2 of building 7, four rooms each; 7-1-101 is bound from March.
    expect(preview.body).toEqual({ matched: 8, overlapping: 1 });
    expect(await countBindings(standardId)).toBe(1);
  });

  it('bind a room once when two requests for it arrive together', async () => {
    const standardId = await areaStandard();
    const body = { standardId, resourceIds: [rooms.get('1-1-1001')], startDate: '2026-01-01' };

    const answers = await Promise.all([
      call('POST', '/api/v1/fee-bindings', body),
      call('POST', '/api/v1/fee-bindings', body),
    ]);

    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await countBindings(standardId)).toBe(1);
  });

  it('refuse a batch that overlaps existing bindings of the item, or skip those when asked', async () => {
    const standardId = await areaStandard();
    await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [rooms.get('7-1-101'), rooms.get('7-1-102')],
      startDate: '2026-03-01',
    });

    const refused = await batch(standardId);
    const countAfterRefusal = await countBindings(standardId);
    const skipped = await batch(standardId, { onOverlap: 'skip' });

    expect(refused.statusCode).toBe(409);
    expect(refused.body.code).toBe('FEE_BINDING_OVERLAP');
    expect(fieldsOf(refused.body)).toEqual(['startDate']);
    expect(countAfterRefusal).toBe(2);
    expect(skipped.body).toEqual({ matched: 40, created: 38, skipped: 2 });
  });

  it('allow the same item again only after the earlier binding has ended', async () => {
    const standardId = await areaStandard();
    const room = rooms.get('1-1-201');
    const first = await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [room],
      startDate: '2026-01-01',
    });
    const bindingId = first.body.items[0].id;
    const ended = await call('POST', `/api/v1/fee-bindings/${bindingId}/endings`, {
      endDate: '2026-06-30',
    });

    const onLastDay = await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [room],
      startDate: '2026-06-30',
    });
    const dayAfter = await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [room],
      startDate: '2026-07-01',
    });

    expect(ended.body).toMatchObject({ endDate: '2026-06-30' });
    expect(onLastDay.statusCode).toBe(409);
    expect(fieldsOf(onLastDay.body)).toEqual(['resourceIds.0']);
    expect(dayAfter.statusCode).toBe(201);
  });

  it('refuse a resource the standard does not apply to, and an end before the start', async () => {
    const standardId = await areaStandard();

    const shop = await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [rooms.get('1-1-101'), shopId],
      startDate: '2026-01-01',
    });
    const backwards = await call('POST', '/api/v1/fee-bindings', {
      standardId,
      resourceIds: [rooms.get('1-1-101')],
      startDate: '2026-01-01',
      endDate: '2025-12-31',
    });

    expect(fieldsOf(shop.body)).toEqual(['resourceIds.1']);
    expect(fieldsOf(backwards.body)).toEqual(['endDate']);
    expect(await countBindings(standardId)).toBe(0);
  });

  it("show which items a resource is charged, and export the list's rows", async () => {
    const standardId = await areaStandard();
    await batch(standardId, { target: { buildingId: building1, floorFrom: 2, floorTo: 3 } });

    const ofRoom = await call('GET', `/api/v1/resources/${rooms.get('1-1-201')}/fee-bindings`);
    const list = await call('GET', `/api/v1/fee-bindings?standardId=${standardId}`);
    const file = await call('GET', `/api/v1/fee-bindings/export?standardId=${standardId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.raw.rawPayload as unknown as ArrayBuffer);

    expect(ofRoom.body.items.map((b: { standardId: number }) => b.standardId)).toContain(
      standardId,
    );
    expect(list.body.total).toBe(8);
    expect(workbook.worksheets[0].actualRowCount - 1).toBe(8);
  });

  it('show an employee narrowed to one building only the bindings of its rooms', async () => {
    const standardId = await areaStandard();
    await batch(standardId, { target: {} });
    const department = await makeDepartment(t.db, company.orgId, {
      consolePermissions: ['fees.item.view', 'fees.binding.manage'],
    });
    const employee = await makeEmployee(t.db, company.orgId, {
      departmentId: department.id,
      projectIds: [project.id],
    });
    await setEmployeeProjects(t.db, company.ctx, employee.id, {
      allProjects: false,
      projectIds: [project.id],
      buildingIds: [building1],
    });
    const narrowed = (await signIn(t, employee)).headers;

    const list = await t.request({
      method: 'GET',
      url: `/api/v1/fee-bindings?standardId=${standardId}&pageSize=200`,
      headers: narrowed,
    });
    const elsewhere = await t.request({
      method: 'GET',
      url: `/api/v1/resources/${rooms.get('7-1-101')}/fee-bindings`,
      headers: narrowed,
    });

    expect(list.body.total).toBe(40);
    expect(
      list.body.items.every((b: { resourceCode: string }) => b.resourceCode.startsWith('1-')),
    ).toBe(true);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('let an employee narrowed to one building price that building, not the whole project', async () => {
    const standardId = await areaStandard();
    const department = await makeDepartment(t.db, company.orgId, {
      consolePermissions: ['fees.item.view', 'fees.item.manage'],
    });
    const employee = await makeEmployee(t.db, company.orgId, {
      departmentId: department.id,
      projectIds: [project.id],
    });
    await setEmployeeProjects(t.db, company.ctx, employee.id, {
      allProjects: false,
      projectIds: [project.id],
      buildingIds: [building1],
    });
    const narrowed = (await signIn(t, employee)).headers;
    const price = (prices: object[]) =>
      t.request({
        method: 'POST',
        url: `/api/v1/fee-standards/${standardId}/prices`,
        headers: narrowed,
        payload: { effectiveFrom: '2026-01-01', prices },
      });

    const whole = await price([{ scope: 'project', price: '2.35' }]);
    const other = await price([{ scope: 'building', buildingId: building7, price: '2.50' }]);
    const own = await price([{ scope: 'building', buildingId: building1, price: '2.40' }]);

    expect(whole.statusCode).toBe(400);
    expect(fieldsOf(whole.body)).toEqual(['prices.0.scope']);
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other.body)).toEqual(['prices.0.buildingId']);
    expect(own.statusCode, own.raw.body).toBe(201);
  });
});
