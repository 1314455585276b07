import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { errorResponses, idParams } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import { type ExportColumn, buildWorkbook, labelOf, sendWorkbook } from '../../platform/xlsx.js';
import type { ResourceKind } from '../../db/schema.js';
import type { CustomFieldValues } from '../custom-fields/custom-fields.schemas.js';
import { customFieldColumns } from '../custom-fields/custom-fields.service.js';
import * as buildings from './building.service.js';
import * as lots from './parking-lot.service.js';
import * as resources from './resource.service.js';
import { resourceTree } from './resource-tree.service.js';
import * as s from './resources.schemas.js';
import { createRoomBatch, previewRoomBatch } from './room-batch.service.js';

const VIEW = 'resources.view';
const MANAGE = 'resources.manage';
const EXPORT_LIMIT = 200_000;

const STATUS_LABEL: Record<string, { zh: string; en: string }> = {
  unsold: { zh: '未售', en: 'Unsold' },
  vacant: { zh: '空置', en: 'Vacant' },
  occupied: { zh: '已入住', en: 'Occupied' },
  renovating: { zh: '装修中', en: 'Renovating' },
  rented: { zh: '已出租', en: 'Rented' },
  sold: { zh: '已售', en: 'Sold' },
};

interface CommonRow {
  code: string;
  projectName: string;
  buildingName: string | null;
  area: string | null;
  status: string;
  owners: string | null;
  customFields: CustomFieldValues;
}

function commonColumns<T extends CommonRow>(locale: Locale): ExportColumn<T>[] {
  return [
    { zh: '项目', en: 'Project', width: 18, value: (r) => r.projectName },
    { zh: '编号', en: 'Code', width: 16, value: (r) => r.code },
    { zh: '楼栋', en: 'Building', value: (r) => r.buildingName },
    { zh: '面积(㎡)', en: 'Area (m²)', value: (r) => r.area },
    { zh: '状态', en: 'Status', value: (r) => labelOf(STATUS_LABEL, r.status, locale) },
    { zh: '业主', en: 'Owners', width: 20, value: (r) => r.owners },
  ];
}

/** The five CRUD routes every kind of resource has: list, export, create, get, update. */
function kindRoutes<
  Row extends CommonRow,
  Query extends { page: number; pageSize: number },
  Create,
  Update,
>(
  app: App,
  def: {
    path: string;
    tag: string;
    /** Whose custom fields the export adds as columns. */
    kind: ResourceKind;
    sheet: { zh: string; en: string };
    listQuery: z.ZodType<Query>;
    page: z.ZodType;
    item: z.ZodType;
    createBody: z.ZodType<Create>;
    updateBody: z.ZodType<Update>;
    list: (
      db: Database,
      ctx: RequestContext,
      query: Query,
    ) => Promise<{ items: Row[]; total: number }>;
    get: (db: Database, ctx: RequestContext, id: number) => Promise<Row>;
    create: (db: Database, ctx: RequestContext, input: Create) => Promise<Row>;
    update: (db: Database, ctx: RequestContext, id: number, input: Update) => Promise<Row>;
    columns: (locale: Locale) => ExportColumn<Row>[];
  },
): void {
  const tags = [def.tag];

  app.get(def.path, {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: `List ${def.sheet.en.toLowerCase()}`,
      querystring: def.listQuery,
      response: { 200: def.page, ...errorResponses },
    },
    handler: (req) => def.list(app.db, req.ctx, req.query as Query),
  });

  app.get(`${def.path}/export`, {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: `Export ${def.sheet.en.toLowerCase()} to .xlsx`,
      querystring: def.listQuery,
    },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const query = { ...(req.query as Query), page: 1, pageSize: EXPORT_LIMIT };
      const { items } = await def.list(app.db, req.ctx, query);
      const sheet = locale === 'en-US' ? def.sheet.en : def.sheet.zh;
      const file = await buildWorkbook({
        sheet,
        locale,
        rows: items,
        columns: [...def.columns(locale), ...(await customFieldColumns(app.db, req.ctx, def.kind))],
      });

      return sendWorkbook(reply, sheet, file);
    },
  });

  app.post(def.path, {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: `Create one of the ${def.sheet.en.toLowerCase()}`,
      body: def.createBody,
      response: { 201: def.item, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await def.create(app.db, req.ctx, req.body as Create)),
  });

  app.get(`${def.path}/:id`, {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: `Get one of the ${def.sheet.en.toLowerCase()}`,
      params: idParams,
      response: { 200: def.item, ...errorResponses },
    },
    handler: (req) => def.get(app.db, req.ctx, req.params.id),
  });

  app.patch(`${def.path}/:id`, {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: `Edit one of the ${def.sheet.en.toLowerCase()}`,
      params: idParams,
      body: def.updateBody,
      response: { 200: def.item, ...errorResponses },
    },
    handler: (req) => def.update(app.db, req.ctx, req.params.id, req.body as Update),
  });
}

const DECORATION = {
  rough: { zh: '毛坯', en: 'Rough' },
  simple: { zh: '简装', en: 'Simple' },
  fine: { zh: '精装', en: 'Fine' },
};
const ROOM_USE = {
  residential: { zh: '住宅', en: 'Residential' },
  commercial: { zh: '商业', en: 'Commercial' },
  office: { zh: '办公', en: 'Office' },
};
const SPACE_TYPE = {
  standard: { zh: '标准车位', en: 'Standard' },
  large: { zh: '大车位', en: 'Large' },
  charging: { zh: '充电车位', en: 'Charging' },
  mother_child: { zh: '子母车位', en: 'Tandem' },
};
const STORAGE_TYPE = {
  basement: { zh: '地下室', en: 'Basement' },
  storage_room: { zh: '储藏室', en: 'Storage room' },
};

export function resourceRoutes(app: App): void {
  buildingRoutes(app);

  kindRoutes(app, {
    path: '/api/v1/rooms',
    kind: 'room',
    tag: 'rooms',
    sheet: { zh: '房屋', en: 'Rooms' },
    listQuery: s.roomListQuery,
    page: s.roomPage,
    item: s.roomSchema,
    createBody: s.createRoomBody,
    updateBody: s.updateRoomBody,
    list: resources.listRooms,
    get: resources.getRoom,
    create: resources.createRoom,
    update: resources.updateRoom,
    columns: (locale) => [
      ...commonColumns(locale),
      { zh: '单元', en: 'Unit', value: (r) => r.unitName },
      { zh: '楼层', en: 'Floor', value: (r) => r.floor },
      { zh: '套内面积(㎡)', en: 'Inner area (m²)', value: (r) => r.innerArea },
      { zh: '户型', en: 'Layout', value: (r) => r.layout },
      { zh: '装修', en: 'Decoration', value: (r) => labelOf(DECORATION, r.decoration, locale) },
      { zh: '用途', en: 'Use', value: (r) => labelOf(ROOM_USE, r.use, locale) },
      { zh: '交房日期', en: 'Delivered', value: (r) => r.deliveryDate },
      { zh: '入住日期', en: 'Moved in', value: (r) => r.moveInDate },
    ],
  });

  kindRoutes(app, {
    path: '/api/v1/shops',
    kind: 'shop',
    tag: 'shops',
    sheet: { zh: '商铺', en: 'Shops' },
    listQuery: s.shopListQuery,
    page: s.shopPage,
    item: s.shopSchema,
    createBody: s.createShopBody,
    updateBody: s.updateShopBody,
    list: resources.listShops,
    get: resources.getShop,
    create: resources.createShop,
    update: resources.updateShop,
    columns: (locale) => [
      ...commonColumns(locale),
      { zh: '楼层', en: 'Floor', value: (r) => r.floor },
      { zh: '租期开始', en: 'Lease start', value: (r) => r.leaseStart },
      { zh: '租期结束', en: 'Lease end', value: (r) => r.leaseEnd },
      { zh: '经营范围', en: 'Business scope', width: 24, value: (r) => r.businessScope },
      { zh: '租金标准(元/㎡/月)', en: 'Rent (¥/m²/month)', value: (r) => r.rentStandard },
    ],
  });

  kindRoutes(app, {
    path: '/api/v1/parking-spaces',
    kind: 'parking_space',
    tag: 'parking',
    sheet: { zh: '车位', en: 'Parking spaces' },
    listQuery: s.parkingSpaceListQuery,
    page: s.parkingSpacePage,
    item: s.parkingSpaceSchema,
    createBody: s.createParkingSpaceBody,
    updateBody: s.updateParkingSpaceBody,
    list: resources.listParkingSpaces,
    get: resources.getParkingSpace,
    create: resources.createParkingSpace,
    update: resources.updateParkingSpace,
    columns: (locale) => [
      ...commonColumns(locale),
      { zh: '停车场', en: 'Parking lot', value: (r) => r.lotName },
      { zh: '车位类型', en: 'Type', value: (r) => labelOf(SPACE_TYPE, r.spaceType, locale) },
    ],
  });

  kindRoutes(app, {
    path: '/api/v1/ad-spaces',
    kind: 'ad_space',
    tag: 'ad spaces',
    sheet: { zh: '广告位', en: 'Ad spaces' },
    listQuery: s.adSpaceListQuery,
    page: s.adSpacePage,
    item: s.adSpaceSchema,
    createBody: s.createAdSpaceBody,
    updateBody: s.updateAdSpaceBody,
    list: resources.listAdSpaces,
    get: resources.getAdSpace,
    create: resources.createAdSpace,
    update: resources.updateAdSpace,
    columns: (locale) => [
      ...commonColumns(locale),
      { zh: '位置', en: 'Location', width: 24, value: (r) => r.location },
      { zh: '尺寸', en: 'Size', value: (r) => r.size },
      { zh: '租期开始', en: 'Lease start', value: (r) => r.leaseStart },
      { zh: '租期结束', en: 'Lease end', value: (r) => r.leaseEnd },
    ],
  });

  kindRoutes(app, {
    path: '/api/v1/storage-rooms',
    kind: 'storage',
    tag: 'storage',
    sheet: { zh: '地下室与储藏室', en: 'Storage' },
    listQuery: s.storageListQuery,
    page: s.storagePage,
    item: s.storageSchema,
    createBody: s.createStorageBody,
    updateBody: s.updateStorageBody,
    list: resources.listStorage,
    get: resources.getStorage,
    create: resources.createStorage,
    update: resources.updateStorage,
    columns: (locale) => [
      ...commonColumns(locale),
      { zh: '类型', en: 'Type', value: (r) => labelOf(STORAGE_TYPE, r.storageType, locale) },
      { zh: '楼层', en: 'Floor', value: (r) => r.floor },
    ],
  });

  app.get('/api/v1/resources/:id', {
    config: { permission: VIEW },
    schema: {
      tags: ['resources'],
      summary: 'Any resource with its kind attributes',
      params: idParams,
      response: { 200: s.resourceDetailSchema, ...errorResponses },
    },
    handler: (req) => resources.getResource(app.db, req.ctx, req.params.id),
  });

  app.get('/api/v1/resource-tree', {
    config: { permission: VIEW },
    schema: {
      tags: ['resources'],
      summary: 'Buildings, units and floors of a project with room counts',
      querystring: s.resourceTreeQuery,
      response: { 200: s.resourceTree, ...errorResponses },
    },
    handler: (req) => resourceTree(app.db, req.ctx, req.query.projectId),
  });

  app.post('/api/v1/room-batches/previews', {
    config: { permission: MANAGE, readOnly: true },
    schema: {
      tags: ['rooms'],
      summary: 'Preview a bulk room creation',
      body: s.roomBatchBody,
      response: { 200: s.roomBatchPreview, ...errorResponses },
    },
    handler: (req) => previewRoomBatch(app.db, req.ctx, req.body),
  });

  app.post('/api/v1/room-batches', {
    config: { permission: MANAGE },
    schema: {
      tags: ['rooms'],
      summary: 'Create rooms by pattern: buildings × units × floors × rooms',
      body: s.roomBatchBody,
      response: { 201: s.roomBatchResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createRoomBatch(app.db, req.ctx, req.body)),
  });
}

function buildingRoutes(app: App): void {
  const tags = ['buildings'];

  app.get('/api/v1/buildings', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'List buildings',
      querystring: s.buildingListQuery,
      response: { 200: s.buildingPage, ...errorResponses },
    },
    handler: (req) => buildings.listBuildings(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/buildings/export', {
    config: { permission: VIEW },
    schema: { tags, summary: 'Export buildings to .xlsx', querystring: s.buildingListQuery },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const { items } = await buildings.listBuildings(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const sheet = locale === 'en-US' ? 'Buildings' : '楼栋';
      const file = await buildWorkbook({
        sheet,
        locale,
        rows: items,
        columns: [
          { zh: '楼栋编号', en: 'Code', value: (b) => b.code },
          { zh: '楼栋名称', en: 'Name', width: 18, value: (b) => b.name },
          { zh: '地上层数', en: 'Floors above', value: (b) => b.floorsAbove },
          { zh: '地下层数', en: 'Floors below', value: (b) => b.floorsBelow },
          { zh: '单元数', en: 'Units', value: (b) => b.unitCount },
          { zh: '房屋数', en: 'Rooms', value: (b) => b.roomCount },
          { zh: '备注', en: 'Note', width: 24, value: (b) => b.note },
        ],
      });

      return sendWorkbook(reply, sheet, file);
    },
  });

  app.post('/api/v1/buildings', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Create a building',
      body: s.createBuildingBody,
      response: { 201: s.buildingSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await buildings.createBuilding(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/buildings/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a building',
      params: idParams,
      response: { 200: s.buildingSchema, ...errorResponses },
    },
    handler: (req) => buildings.getBuilding(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/buildings/:id', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Edit a building',
      params: idParams,
      body: s.updateBuildingBody,
      response: { 200: s.buildingSchema, ...errorResponses },
    },
    handler: (req) => buildings.updateBuilding(app.db, req.ctx, req.params.id, req.body),
  });

  app.get('/api/v1/buildings/:id/units', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: "A building's units",
      params: idParams,
      response: { 200: s.unitList, ...errorResponses },
    },
    handler: async (req) => ({ items: await buildings.listUnits(app.db, req.ctx, req.params.id) }),
  });

  app.post('/api/v1/buildings/:id/units', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Add a unit to a building',
      params: idParams,
      body: s.createUnitBody,
      response: { 201: s.unitSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await buildings.createUnit(app.db, req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/parking-lots', {
    config: { permission: VIEW },
    schema: {
      tags: ['parking'],
      summary: 'List parking lots',
      querystring: s.parkingLotListQuery,
      response: { 200: s.parkingLotPage, ...errorResponses },
    },
    handler: (req) => lots.listParkingLots(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/parking-lots/export', {
    config: { permission: VIEW },
    schema: {
      tags: ['parking'],
      summary: 'Export parking lots to .xlsx',
      querystring: s.parkingLotListQuery,
    },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const { items } = await lots.listParkingLots(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const sheet = locale === 'en-US' ? 'Parking lots' : '停车场';
      const file = await buildWorkbook({
        sheet,
        locale,
        rows: items,
        columns: [
          { zh: '编号', en: 'Code', value: (l) => l.code },
          { zh: '名称', en: 'Name', width: 18, value: (l) => l.name },
          {
            zh: '类型',
            en: 'Type',
            value: (l) =>
              l.lotType === 'underground'
                ? locale === 'en-US'
                  ? 'Underground'
                  : '地下'
                : locale === 'en-US'
                  ? 'Above ground'
                  : '地面',
          },
          { zh: '车位数', en: 'Spaces', value: (l) => l.spaceCount },
        ],
      });

      return sendWorkbook(reply, sheet, file);
    },
  });

  app.post('/api/v1/parking-lots', {
    config: { permission: MANAGE },
    schema: {
      tags: ['parking'],
      summary: 'Create a parking lot',
      body: s.createParkingLotBody,
      response: { 201: s.parkingLotSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await lots.createParkingLot(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/parking-lots/:id', {
    config: { permission: VIEW },
    schema: {
      tags: ['parking'],
      summary: 'Get a parking lot',
      params: idParams,
      response: { 200: s.parkingLotSchema, ...errorResponses },
    },
    handler: (req) => lots.getParkingLot(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/parking-lots/:id', {
    config: { permission: MANAGE },
    schema: {
      tags: ['parking'],
      summary: 'Edit a parking lot',
      params: idParams,
      body: s.updateParkingLotBody,
      response: { 200: s.parkingLotSchema, ...errorResponses },
    },
    handler: (req) => lots.updateParkingLot(app.db, req.ctx, req.params.id, req.body),
  });
}
