import ExcelJS from '../platform/exceljs.js';
import { createBuilding } from '../modules/resources/building.service.js';
import { createParkingLot } from '../modules/resources/parking-lot.service.js';
import * as resources from '../modules/resources/resource.service.js';
import { companyContext, unique } from './factories.js';
import type { TestApp } from './harness.js';
import type { OrgFixture, RouteCall } from './routes.js';

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** A building of company A's first project, made through the service. */
export async function makeBuilding(t: TestApp, fx: OrgFixture) {
  return createBuilding(t.db, companyContext(fx.a.orgId), {
    projectId: fx.projects[0].id,
    code: unique('B'),
    name: unique('楼栋'),
  });
}

export async function makeRoom(t: TestApp, fx: OrgFixture) {
  const building = await makeBuilding(t, fx);

  return resources.createRoom(t.db, companyContext(fx.a.orgId), {
    projectId: fx.projects[0].id,
    buildingId: building.id,
    floor: 3,
    code: unique('R'),
    area: '88.50',
    use: 'residential',
    status: 'vacant',
  });
}

export async function makeParkingLot(t: TestApp, fx: OrgFixture) {
  return createParkingLot(t.db, companyContext(fx.a.orgId), {
    projectId: fx.projects[0].id,
    code: unique('L'),
    name: unique('停车场'),
    lotType: 'underground',
  });
}

async function makeKind(
  t: TestApp,
  fx: OrgFixture,
  kind: 'shop' | 'parking_space' | 'ad_space' | 'storage',
) {
  const ctx = companyContext(fx.a.orgId);
  const projectId = fx.projects[0].id;
  switch (kind) {
    case 'shop':
      return resources.createShop(t.db, ctx, {
        projectId,
        code: unique('S'),
        area: '45.00',
        status: 'vacant',
      });
    case 'parking_space': {
      const lot = await makeParkingLot(t, fx);
      return resources.createParkingSpace(t.db, ctx, {
        projectId,
        lotId: lot.id,
        code: unique('P'),
        spaceType: 'standard',
        status: 'vacant',
      });
    }
    case 'ad_space':
      return resources.createAdSpace(t.db, ctx, {
        projectId,
        code: unique('A'),
        location: '东门',
        status: 'vacant',
      });
    case 'storage':
      return resources.createStorage(t.db, ctx, {
        projectId,
        code: unique('C'),
        storageType: 'basement',
        status: 'vacant',
      });
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook with these headers and rows, as a person would fill in a template. */
export async function workbook(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A one-row room workbook, as the import template expects. */
export async function roomWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('房屋导入');
  sheet.addRow(['楼栋编号', '单元编号', '楼层', '房屋编号', '建筑面积', '业主姓名', '业主手机']);
  for (const row of rows) sheet.addRow(row);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function kindCalls(
  path: string,
  kind: 'shop' | 'parking_space' | 'ad_space' | 'storage',
  create: CallBuilder,
  edit: object,
) {
  return {
    [`GET ${path}`]: async () => ({}),
    [`GET ${path}/export`]: async () => ({}),
    [`POST ${path}`]: create,
    [`GET ${path}/:id`]: async (t: TestApp, fx: OrgFixture) => ({
      params: { id: (await makeKind(t, fx, kind)).id },
    }),
    [`PATCH ${path}/:id`]: async (t: TestApp, fx: OrgFixture) => ({
      params: { id: (await makeKind(t, fx, kind)).id },
      body: edit,
    }),
  } satisfies Record<string, CallBuilder>;
}

/** A successful call of each property-archive route, for the tests that enumerate routes. */
export const resourceCalls: Record<string, CallBuilder> = {
  'GET /api/v1/buildings': async () => ({}),
  'GET /api/v1/buildings/export': async () => ({}),
  'GET /api/v1/parking-lots/export': async () => ({}),
  'POST /api/v1/buildings': async (_t, fx) => ({
    body: { projectId: fx.projects[0].id, code: unique('B'), name: '新楼栋', floorsAbove: 18 },
  }),
  'GET /api/v1/buildings/:id': async (t, fx) => ({
    params: { id: (await makeBuilding(t, fx)).id },
  }),
  'PATCH /api/v1/buildings/:id': async (t, fx) => ({
    params: { id: (await makeBuilding(t, fx)).id },
    body: { floorsAbove: 32 },
  }),
  'GET /api/v1/buildings/:id/units': async (t, fx) => ({
    params: { id: (await makeBuilding(t, fx)).id },
  }),
  'POST /api/v1/buildings/:id/units': async (t, fx) => ({
    params: { id: (await makeBuilding(t, fx)).id },
    body: { code: '1', name: '1单元' },
  }),
  'GET /api/v1/parking-lots': async () => ({}),
  'POST /api/v1/parking-lots': async (_t, fx) => ({
    body: {
      projectId: fx.projects[0].id,
      code: unique('L'),
      name: '地面停车场',
      lotType: 'above_ground',
    },
  }),
  'GET /api/v1/parking-lots/:id': async (t, fx) => ({
    params: { id: (await makeParkingLot(t, fx)).id },
  }),
  'PATCH /api/v1/parking-lots/:id': async (t, fx) => ({
    params: { id: (await makeParkingLot(t, fx)).id },
    body: { name: '改名停车场' },
  }),
  'GET /api/v1/rooms': async () => ({}),
  'GET /api/v1/rooms/export': async () => ({}),
  'POST /api/v1/rooms': async (t, fx) => ({
    body: {
      projectId: fx.projects[0].id,
      buildingId: (await makeBuilding(t, fx)).id,
      floor: 12,
      code: unique('R'),
      area: '120.50',
    },
  }),
  'GET /api/v1/rooms/:id': async (t, fx) => ({ params: { id: (await makeRoom(t, fx)).id } }),
  'PATCH /api/v1/rooms/:id': async (t, fx) => ({
    params: { id: (await makeRoom(t, fx)).id },
    body: { layout: '3室2厅2卫', decoration: 'fine' },
  }),
  ...kindCalls(
    '/api/v1/shops',
    'shop',
    async (_t, fx) => ({
      body: { projectId: fx.projects[0].id, code: unique('S'), area: '60.25' },
    }),
    { businessScope: '餐饮' },
  ),
  ...kindCalls(
    '/api/v1/parking-spaces',
    'parking_space',
    async (t, fx) => ({
      body: {
        projectId: fx.projects[0].id,
        lotId: (await makeParkingLot(t, fx)).id,
        code: unique('P'),
      },
    }),
    { spaceType: 'charging' },
  ),
  ...kindCalls(
    '/api/v1/ad-spaces',
    'ad_space',
    async (_t, fx) => ({
      body: { projectId: fx.projects[0].id, code: unique('A'), location: '电梯厅' },
    }),
    { size: '2m×1m' },
  ),
  ...kindCalls(
    '/api/v1/storage-rooms',
    'storage',
    async (_t, fx) => ({
      body: { projectId: fx.projects[0].id, code: unique('C'), storageType: 'storage_room' },
    }),
    { area: '6.50' },
  ),
  'GET /api/v1/resources/:id': async (t, fx) => ({ params: { id: (await makeRoom(t, fx)).id } }),
  'GET /api/v1/resource-tree': async (_t, fx) => ({ query: `projectId=${fx.projects[0].id}` }),
  'POST /api/v1/room-batches/previews': async (t, fx) => ({
    body: batchBody(fx, (await makeBuilding(t, fx)).id),
  }),
  'POST /api/v1/room-batches': async (t, fx) => ({
    body: batchBody(fx, (await makeBuilding(t, fx)).id),
  }),
  'GET /api/v1/imports/rooms/template': async () => ({}),
  'POST /api/v1/imports/rooms/jobs': async (t, fx) => {
    const building = await makeBuilding(t, fx);
    return {
      query: `projectId=${fx.projects[0].id}&mode=dry_run`,
      payload: await roomWorkbook([[building.code, '', 1, unique('R'), '80.00', '', '']]),
      contentType: XLSX,
    };
  },
  'GET /api/v1/imports/shops/template': async () => ({}),
  'POST /api/v1/imports/shops/jobs': async (_t, fx) => ({
    query: `projectId=${fx.projects[0].id}&mode=dry_run`,
    payload: await workbook(['商铺编号', '面积'], [[unique('S'), '50.00']]),
    contentType: XLSX,
  }),
  'GET /api/v1/imports/parking-spaces/template': async () => ({}),
  'POST /api/v1/imports/parking-spaces/jobs': async (t, fx) => ({
    query: `projectId=${fx.projects[0].id}&mode=dry_run`,
    payload: await workbook(
      ['停车场编号', '车位编号'],
      [[(await makeParkingLot(t, fx)).code, unique('P')]],
    ),
    contentType: XLSX,
  }),
  'GET /api/v1/imports/people/template': async () => ({}),
  'POST /api/v1/imports/people/jobs': async (_t, fx) => ({
    query: `projectId=${fx.projects[0].id}&mode=dry_run`,
    payload: await workbook(['姓名', '手机'], [[unique('业主'), '13900000000']]),
    contentType: XLSX,
  }),
  'GET /api/v1/imports/vehicles/template': async () => ({}),
  'POST /api/v1/imports/vehicles/jobs': async (_t, fx) => ({
    query: `projectId=${fx.projects[0].id}&mode=dry_run`,
    payload: await workbook(['车牌号', '车辆类型'], [['沪A12345', '小型车']]),
    contentType: XLSX,
  }),
  'GET /api/v1/jobs/:id': async (t, fx) => {
    const jobId = await t.app.jobs.enqueue(fx.a.ctx, { kind: 'noop', payload: {} });
    return { params: { id: jobId } };
  },
};

function batchBody(fx: OrgFixture, buildingId: number) {
  return {
    projectId: fx.projects[0].id,
    buildingIds: [buildingId],
    unitCount: 1,
    floorFrom: 1,
    floorTo: 2,
    roomsPerFloor: 2,
    codeTemplate: '{building}-{unit}-{floor}{room:2}',
    area: '90.00',
  };
}
