import ExcelJS from '../../platform/exceljs.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { type CompanyFixture, makeCompany, makeProject, signIn } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { workbook } from '../../test/resources-calls.js';
import type { Project } from '../org/project.service.js';
import { createBuilding } from '../resources/building.service.js';
import { type CustomFieldDef, encodeValue, parseCell } from './custom-values.js';

const t = setupTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let company: CompanyFixture;
let project: Project;
let buildingId: number;
let headers: Record<string, string>;
let neighbour: Record<string, string>;

beforeAll(async () => {
  company = await makeCompany(t.db);
  project = await makeProject(t.db, company.orgId);
  const building = await createBuilding(t.db, company.ctx, {
    projectId: project.id,
    code: '1',
    name: '1栋',
  });
  buildingId = building.id;
  headers = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
  const other = await makeCompany(t.db);
  neighbour = (await signIn(t, { username: other.adminUsername, password: other.adminPassword }))
    .headers;
});

function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.request({ method, url, headers, ...(payload ? { payload } : {}) });
}

async function defineField(body: object) {
  const response = await call('POST', '/api/v1/custom-fields', body);
  expect(response.statusCode, JSON.stringify(response.body)).toBe(201);

  return response.body as { id: number; key: string };
}

let roomSequence = 0;

function roomBody(customFields?: object) {
  roomSequence += 1;
  return {
    projectId: project.id,
    buildingId,
    floor: 2,
    code: `R${roomSequence}`,
    area: '90.00',
    ...(customFields ? { customFields } : {}),
  };
}

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

async function sheetRows(raw: { rawPayload: Buffer }, index = 0): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[index].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v))));
  });

  return rows;
}

describe('definitions', () => {
  test('a key is made from an English label, or numbered for a Chinese one', async () => {
    const heating = await defineField({ entity: 'shop', label: 'Floor heating', type: 'boolean' });
    const first = await defineField({ entity: 'shop', label: '朝向', type: 'text' });
    const second = await defineField({ entity: 'shop', label: '景观', type: 'text' });

    expect([heating.key, first.key, second.key]).toEqual(['floor_heating', 'field', 'field_2']);
  });

  test('a key or label already used by the entity is refused; another entity may use it', async () => {
    await defineField({ entity: 'storage', key: 'depth', label: '深度', type: 'number' });

    const sameKey = await call('POST', '/api/v1/custom-fields', {
      entity: 'storage',
      key: 'depth',
      label: '进深',
      type: 'number',
    });
    const sameLabel = await call('POST', '/api/v1/custom-fields', {
      entity: 'storage',
      label: '深度',
      type: 'text',
    });
    const otherEntity = await call('POST', '/api/v1/custom-fields', {
      entity: 'ad_space',
      key: 'depth',
      label: '深度',
      type: 'number',
    });

    expect([sameKey.statusCode, fieldsOf(sameKey.body)]).toEqual([409, ['key']]);
    expect([sameLabel.statusCode, fieldsOf(sameLabel.body)]).toEqual([409, ['label']]);
    expect(otherEntity.statusCode).toBe(201);
  });

  test('owner and tenant fields share one person, so they share keys', async () => {
    await defineField({ entity: 'owner', key: 'employer', label: '工作单位', type: 'text' });

    const tenant = await call('POST', '/api/v1/custom-fields', {
      entity: 'tenant',
      key: 'employer',
      label: '租户单位',
      type: 'text',
    });

    expect([tenant.statusCode, fieldsOf(tenant.body)]).toEqual([409, ['key']]);
  });

  test('choice fields need distinct choices; other types take none', async () => {
    const cases = [
      { entity: 'room', label: '无选项', type: 'single' },
      { entity: 'room', label: '空选项', type: 'multiple', options: [] },
      { entity: 'room', label: '重复选项', type: 'single', options: ['A', 'a'] },
      { entity: 'room', label: '文本带选项', type: 'text', options: ['A'] },
      { entity: 'room', label: '逗号', type: 'multiple', options: ['A,B'] },
    ];

    for (const body of cases) {
      const response = await call('POST', '/api/v1/custom-fields', body);
      expect([response.statusCode, fieldsOf(response.body)], body.label).toEqual([
        400,
        [body.options?.[0] === 'A,B' ? 'options.0' : 'options'],
      ]);
    }
  });

  test('reads, lists by entity, edits, and is invisible to another company', async () => {
    const field = await defineField({
      entity: 'parking_space',
      key: 'charger',
      label: '充电桩',
      type: 'single',
      options: ['有', '无'],
    });

    const edited = await call('PATCH', `/api/v1/custom-fields/${field.id}`, {
      label: '充电桩类型',
      options: ['交流', '直流', '无'],
      sortOrder: 5,
    });
    const list = await call('GET', '/api/v1/custom-fields?entity=parking_space');
    const foreignGet = await t.request({
      method: 'GET',
      url: `/api/v1/custom-fields/${field.id}`,
      headers: neighbour,
    });
    const foreignPatch = await t.request({
      method: 'PATCH',
      url: `/api/v1/custom-fields/${field.id}`,
      headers: neighbour,
      payload: { label: '偷改' },
    });
    const foreignList = await t.request({
      method: 'GET',
      url: '/api/v1/custom-fields',
      headers: neighbour,
    });

    expect(edited.body).toMatchObject({
      key: 'charger',
      label: '充电桩类型',
      options: ['交流', '直流', '无'],
      sortOrder: 5,
      status: 'active',
    });
    expect(list.body.items.map((f: { key: string }) => f.key)).toEqual(['charger']);
    expect([foreignGet.statusCode, foreignPatch.statusCode]).toEqual([404, 404]);
    expect(foreignList.body.total).toBe(0);
  });

  test('a choice still held by a record cannot be removed', async () => {
    const field = await defineField({
      entity: 'room',
      key: 'view',
      label: '景观',
      type: 'multiple',
      options: ['江景', '园景', '街景'],
    });
    const room = await call('POST', '/api/v1/rooms', roomBody({ view: ['园景'] }));
    expect(room.statusCode).toBe(201);

    const removeUsed = await call('PATCH', `/api/v1/custom-fields/${field.id}`, {
      options: ['江景', '街景'],
    });
    const removeUnused = await call('PATCH', `/api/v1/custom-fields/${field.id}`, {
      options: ['江景', '园景'],
    });

    expect([removeUsed.statusCode, fieldsOf(removeUsed.body)]).toEqual([400, ['options']]);
    expect(removeUsed.body.details[0].message).toContain('园景');
    expect(removeUnused.statusCode).toBe(200);
  });
});

describe('values are checked against the definition', () => {
  const field = (type: CustomFieldDef['type'], options: string[] = []): CustomFieldDef => ({
    id: 1,
    entity: 'room',
    key: 'k',
    label: 'K',
    type,
    options,
    required: false,
    sortOrder: 0,
    status: 'active',
  });

  test.each([
    ['text', [], ' 朝南 ', '朝南'],
    ['number', [], '12.50', '12.5'],
    ['number', [], -3, '-3'],
    ['date', [], '2024-02-29', '2024-02-29'],
    ['single', ['南', '北'], '北', '北'],
    ['multiple', ['甲', '乙', '丙'], ['丙', '甲'], '["甲","丙"]'],
    ['boolean', [], false, 'false'],
  ] as const)('a good %s value is stored as text', (type, options, input, stored) => {
    expect(encodeValue(field(type, [...options]), input)).toEqual({ ok: true, value: stored });
  });

  test.each([
    ['text', [], 12],
    ['number', [], '12,5'],
    ['number', [], '1.1234567'],
    ['date', [], '2026-02-30'],
    ['single', ['南', '北'], '东'],
    ['multiple', ['甲', '乙'], ['甲', '丁']],
    ['multiple', ['甲', '乙'], ['甲', '甲']],
    ['multiple', ['甲', '乙'], '甲'],
    ['boolean', [], 'yes'],
  ] as const)('a bad %s value (%j) is refused', (type, options, input) => {
    expect(encodeValue(field(type, [...options]), input).ok).toBe(false);
  });

  test('Excel cells: 是/否, choices separated by 、, dates with slashes', () => {
    expect(parseCell(field('boolean'), '是')).toEqual({ ok: true, value: 'true' });
    expect(parseCell(field('multiple', ['甲', '乙', '丙']), '丙、甲')).toEqual({
      ok: true,
      value: '["甲","丙"]',
    });
    expect(parseCell(field('date'), '2026/3/1')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseCell(field('boolean'), '也许').ok).toBe(false);
  });

  test('through the API, each bad value names its key and nothing is created', async () => {
    await defineField({ entity: 'room', key: 'rooms_count', label: '房间数', type: 'number' });
    await defineField({ entity: 'room', key: 'handover', label: '交接日', type: 'date' });
    await defineField({ entity: 'room', key: 'pets', label: '养宠物', type: 'boolean' });
    const before = await call('GET', `/api/v1/rooms?projectId=${project.id}`);

    const response = await call(
      'POST',
      '/api/v1/rooms',
      roomBody({ rooms_count: 'three', handover: '2026-13-01', pets: 'yes', nosuch: 'x' }),
    );
    const after = await call('GET', `/api/v1/rooms?projectId=${project.id}`);

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body).sort()).toEqual([
      'customFields.handover',
      'customFields.nosuch',
      'customFields.pets',
      'customFields.rooms_count',
    ]);
    expect(after.body.total).toBe(before.body.total);
  });

  test('messages come in the caller language', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/rooms',
      headers: { ...headers, 'accept-language': 'en-US' },
      payload: roomBody({ nosuch: 'x' }),
    });

    expect(response.body.details).toEqual([
      { field: 'customFields.nosuch', message: 'no such custom field (or it is archived)' },
    ]);
  });
});

describe('required fields', () => {
  test('a required field is enforced on create, and no longer once archived', async () => {
    const field = await defineField({
      entity: 'room',
      key: 'meter_no',
      label: '电表号',
      type: 'text',
      required: true,
    });

    const without = await call('POST', '/api/v1/rooms', roomBody());
    const withValue = await call('POST', '/api/v1/rooms', roomBody({ meter_no: 'E-001' }));
    const cleared = await call('PATCH', `/api/v1/rooms/${withValue.body.id}`, {
      customFields: { meter_no: null },
    });
    const otherEdit = await call('PATCH', `/api/v1/rooms/${withValue.body.id}`, { floor: 3 });
    await call('PATCH', `/api/v1/custom-fields/${field.id}`, { status: 'archived' });
    const afterArchive = await call('POST', '/api/v1/rooms', roomBody());

    expect([without.statusCode, fieldsOf(without.body)]).toEqual([400, ['customFields.meter_no']]);
    expect(withValue.statusCode).toBe(201);
    expect([cleared.statusCode, fieldsOf(cleared.body)]).toEqual([400, ['customFields.meter_no']]);
    expect(otherEdit.statusCode).toBe(200);
    expect(afterArchive.statusCode).toBe(201);
    expect(afterArchive.body.customFields).not.toHaveProperty('meter_no');
  });
});

describe('values on a room', () => {
  test('create, read, update, list with cf. filters, export', async () => {
    await defineField({
      entity: 'room',
      key: 'orientation',
      label: '朝向',
      type: 'single',
      options: ['南', '北'],
    });
    await defineField({ entity: 'room', key: 'heating', label: '地暖', type: 'boolean' });
    await defineField({
      entity: 'room',
      key: 'features',
      label: '特色',
      type: 'multiple',
      options: ['江景', '复式', '露台'],
    });

    const created = await call(
      'POST',
      '/api/v1/rooms',
      roomBody({ orientation: '南', heating: true, features: ['露台', '江景'] }),
    );
    const plain = await call('POST', '/api/v1/rooms', roomBody({ orientation: '北' }));
    const id = created.body.id as number;
    const read = await call('GET', `/api/v1/rooms/${id}`);
    const detail = await call('GET', `/api/v1/resources/${id}`);

    expect(created.statusCode).toBe(201);
    expect(read.body.customFields).toMatchObject({
      orientation: '南',
      heating: true,
      features: ['江景', '露台'],
    });
    expect(detail.body.customFields).toEqual(read.body.customFields);
    expect(plain.body.customFields).toMatchObject({ heating: null, features: null });

    const updated = await call('PATCH', `/api/v1/rooms/${id}`, {
      customFields: { orientation: '北', features: ['复式'], heating: null },
    });
    expect(updated.body.customFields).toMatchObject({
      orientation: '北',
      heating: null,
      features: ['复式'],
    });

    const codes = async (query: string) => {
      const list = await call('GET', `/api/v1/rooms?projectId=${project.id}&${query}`);
      expect(list.statusCode, JSON.stringify(list.body)).toBe(200);
      return list.body.items.map((r: { code: string }) => r.code).sort();
    };
    expect(await codes(`cf.orientation=${encodeURIComponent('北')}`)).toEqual(
      [created.body.code, plain.body.code].sort(),
    );
    expect(await codes(`cf.features=${encodeURIComponent('复式')}`)).toEqual([created.body.code]);
    expect(await codes(`cf.features=${encodeURIComponent('江景')}`)).toEqual([]);
    expect(
      await codes(
        `cf.orientation=${encodeURIComponent('北')}&cf.features=${encodeURIComponent('复式')}`,
      ),
    ).toEqual([created.body.code]);

    const unknown = await call('GET', '/api/v1/rooms?cf.nosuch=1');
    const badChoice = await call('GET', `/api/v1/rooms?cf.orientation=${encodeURIComponent('东')}`);
    expect([unknown.statusCode, fieldsOf(unknown.body)]).toEqual([400, ['cf.nosuch']]);
    expect([badChoice.statusCode, fieldsOf(badChoice.body)]).toEqual([400, ['cf.orientation']]);

    const exported = await call(
      'GET',
      `/api/v1/rooms/export?projectId=${project.id}&cf.features=${encodeURIComponent('复式')}`,
    );
    const [header, row] = await sheetRows(exported.raw as unknown as { rawPayload: Buffer });
    expect(header).toEqual(expect.arrayContaining(['朝向', '地暖', '特色']));
    expect(row[header.indexOf('朝向')]).toBe('北');
    expect(row[header.indexOf('特色')]).toBe('复式');
  });

  test('the update is audited with the values before and after', async () => {
    const created = await call('POST', '/api/v1/rooms', roomBody({ orientation: '南' }));
    await call('PATCH', `/api/v1/rooms/${created.body.id}`, {
      customFields: { orientation: '北' },
    });

    const entry = await t.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'room.update')
      .where('entity_id', '=', String(created.body.id))
      .executeTakeFirstOrThrow();

    expect(JSON.parse(entry.before_json!).customFields.orientation).toBe('南');
    expect(JSON.parse(entry.after_json!).customFields.orientation).toBe('北');
  });
});

describe('values on a person', () => {
  test('owner and tenant fields: create, read, update, list with a cf. filter, export', async () => {
    await defineField({ entity: 'owner', key: 'car_owner', label: '有车', type: 'boolean' });
    await defineField({ entity: 'tenant', key: 'lease_months', label: '租期(月)', type: 'number' });

    const created = await call('POST', '/api/v1/people', {
      projectId: project.id,
      name: '李四',
      customFields: { car_owner: true, lease_months: '12' },
    });
    const other = await call('POST', '/api/v1/people', {
      projectId: project.id,
      name: '王五',
      customFields: { car_owner: false },
    });
    const id = created.body.id as number;
    const read = await call('GET', `/api/v1/people/${id}`);
    const updated = await call('PATCH', `/api/v1/people/${id}`, {
      customFields: { lease_months: 6.5 },
    });
    const list = await call('GET', `/api/v1/people?projectId=${project.id}&cf.car_owner=true`);
    const badFilter = await call('GET', '/api/v1/people?cf.lease_months=abc');

    expect([created.statusCode, other.statusCode]).toEqual([201, 201]);
    expect(read.body.customFields).toMatchObject({ car_owner: true, lease_months: '12' });
    expect(updated.body.customFields).toMatchObject({ car_owner: true, lease_months: '6.5' });
    expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([id]);
    expect(list.body.items[0].customFields.lease_months).toBe('6.5');
    expect(fieldsOf(badFilter.body)).toEqual(['cf.lease_months']);

    const exported = await call('GET', `/api/v1/people/export?projectId=${project.id}`);
    const [header, ...rows] = await sheetRows(exported.raw as unknown as { rawPayload: Buffer });
    const li = rows.find((r) => r[0] === '李四')!;
    expect(li[header.indexOf('有车')]).toBe('是');
    expect(li[header.indexOf('租期(月)')]).toBe('6.5');
  });
});

describe('Excel import', () => {
  async function runImport(file: Buffer, mode: 'dry_run' | 'import') {
    const started = await t.request({
      method: 'POST',
      url: `/api/v1/imports/rooms/jobs?projectId=${project.id}&mode=${mode}`,
      headers: { ...headers, 'content-type': XLSX },
      payload: file,
    });
    expect(started.statusCode).toBe(202);
    await t.app.jobs.drain();
    const job = await call('GET', `/api/v1/jobs/${started.body.jobId}`);
    expect(job.body.status, JSON.stringify(job.body)).toBe('succeeded');

    return job.body.result;
  }

  test('the template has a column per active field, required starred, choices explained', async () => {
    const archived = await defineField({ entity: 'room', label: '旧字段', type: 'text' });
    await call('PATCH', `/api/v1/custom-fields/${archived.id}`, { status: 'archived' });
    await defineField({
      entity: 'room',
      key: 'water_meter',
      label: '水表号',
      type: 'text',
      required: true,
    });

    const template = await call('GET', '/api/v1/imports/rooms/template');
    const raw = template.raw as unknown as { rawPayload: Buffer };
    const [header] = await sheetRows(raw);
    const notes = await sheetRows(raw, 1);

    expect(header.slice(0, 4)).toEqual(['楼栋编号*', '单元编号', '楼层*', '房屋编号*']);
    expect(header).toEqual(expect.arrayContaining(['朝向', '水表号*']));
    expect(header.indexOf('朝向')).toBeGreaterThan(header.indexOf('业主手机'));
    expect(header).not.toContain('旧字段');
    expect(notes.find((r) => r[0] === '朝向')?.[2]).toBe('可选：南 / 北');
    expect(notes.find((r) => r[0] === '水表号')?.[1]).toBe('是');
  });

  test('an import writes the values and reports a bad value with its row and column', async () => {
    const file = await workbook(
      ['楼栋编号', '楼层', '房屋编号', '建筑面积', '朝向', '特色', '水表号'],
      [
        ['1', 5, 'IMP-1', '80', '南', '江景、露台', 'W-1'],
        ['1', 5, 'IMP-2', '80', '东', '', 'W-2'],
        ['1', 5, 'IMP-3', '80', '北', '', ''],
      ],
    );

    const dryRun = await runImport(file, 'dry_run');
    const result = await runImport(file, 'import');
    const rooms = await call('GET', `/api/v1/rooms?projectId=${project.id}&q=IMP-`);

    for (const report of [dryRun, result]) {
      expect(report).toMatchObject({ total: 3, created: 1, errorCount: 2 });
      expect(report.errors).toEqual([
        { line: 3, column: '朝向', message: '取值必须是以下之一：南, 北' },
        { line: 4, column: '水表号', message: '必填' },
      ]);
    }
    expect(rooms.body.items).toHaveLength(1);
    expect(rooms.body.items[0].customFields).toMatchObject({
      orientation: '南',
      features: ['江景', '露台'],
      water_meter: 'W-1',
    });
  });

  test('a row whose only change is a custom value counts as updated, and a rerun changes nothing', async () => {
    const row = (meter: string) => [['1', 5, 'IMP-1', '80.00', '南', '江景、露台', meter]];
    const headersRow = ['楼栋编号', '楼层', '房屋编号', '建筑面积', '朝向', '特色', '水表号'];

    const changed = await runImport(await workbook(headersRow, row('W-9')), 'import');
    const again = await runImport(await workbook(headersRow, row('W-9')), 'import');
    const rooms = await call('GET', `/api/v1/rooms?projectId=${project.id}&q=IMP-1`);

    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(rooms.body.items[0].customFields.water_meter).toBe('W-9');
  });
});
