import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { errorResponses, idParams } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import {
  type ExportColumn,
  type Labels,
  buildWorkbook,
  sendWorkbook,
  yesNo,
  labelOf,
} from '../../platform/xlsx.js';
import * as bindings from './binding.service.js';
import * as items from './fee-item.service.js';
import * as s from './fees.schemas.js';
import * as prices from './price.service.js';
import * as standards from './standard.service.js';

const VIEW = 'fees.item.view';
const MANAGE = 'fees.item.manage';
const BIND = 'fees.binding.manage';
const EXPORT_LIMIT = 200_000;

const CATEGORY: Labels = {
  property_fee: { zh: '物业费', en: 'Property fee' },
  water: { zh: '水费', en: 'Water' },
  electricity: { zh: '电费', en: 'Electricity' },
  gas: { zh: '燃气费', en: 'Gas' },
  parking: { zh: '停车费', en: 'Parking' },
  rent: { zh: '租金', en: 'Rent' },
  deposit: { zh: '押金', en: 'Deposit' },
  other: { zh: '其他', en: 'Other' },
};
const CYCLE: Labels = {
  monthly: { zh: '按月', en: 'Monthly' },
  quarterly: { zh: '按季', en: 'Quarterly' },
  half_yearly: { zh: '按半年', en: 'Half-yearly' },
  yearly: { zh: '按年', en: 'Yearly' },
  one_off: { zh: '一次性', en: 'One-off' },
};
const BILLING_MODE: Labels = {
  prepaid: { zh: '预收', en: 'Prepaid' },
  postpaid: { zh: '后收', en: 'Postpaid' },
};
const METHOD: Labels = {
  area_price: { zh: '面积×单价', en: 'Area × price' },
  fixed: { zh: '固定金额', en: 'Fixed amount' },
  floor_coefficient: { zh: '面积×单价×楼层系数', en: 'Area × price × floor coefficient' },
  usage_price: { zh: '用量×单价', en: 'Usage × price' },
  tiered_usage: { zh: '阶梯用量', en: 'Tiered usage' },
  rent_escalation: { zh: '租金（递增）', en: 'Rent with escalation' },
  parking_monthly: { zh: '停车月租', en: 'Monthly parking' },
  parking_temporary: { zh: '临时停车', en: 'Temporary parking' },
  custom_formula: { zh: '自定义公式', en: 'Custom formula' },
};
const KIND: Labels = {
  room: { zh: '房屋', en: 'Room' },
  shop: { zh: '商铺', en: 'Shop' },
  parking_space: { zh: '车位', en: 'Parking space' },
  ad_space: { zh: '广告位', en: 'Ad space' },
  storage: { zh: '储藏室', en: 'Storage' },
};
const STATUS: Labels = {
  active: { zh: '启用', en: 'Active' },
  archived: { zh: '已归档', en: 'Archived' },
};

function itemColumns(locale: Locale): ExportColumn<items.FeeItem>[] {
  return [
    { zh: '项目', en: 'Project', width: 18, value: (r) => r.projectName },
    { zh: '编码', en: 'Code', value: (r) => r.code },
    { zh: '名称', en: 'Name', width: 20, value: (r) => r.name },
    { zh: '类别', en: 'Category', value: (r) => labelOf(CATEGORY, r.category, locale) },
    { zh: '周期', en: 'Cycle', value: (r) => labelOf(CYCLE, r.cycle, locale) },
    { zh: '收费方式', en: 'Billing', value: (r) => labelOf(BILLING_MODE, r.billingMode, locale) },
    { zh: '税率', en: 'Tax rate', value: (r) => r.taxRate },
    { zh: '违约金', en: 'Late fee', value: (r) => yesNo(r.lateFee.enabled, locale) },
    { zh: '收费标准数', en: 'Standards', value: (r) => r.standardCount },
    { zh: '状态', en: 'Status', value: (r) => labelOf(STATUS, r.status, locale) },
  ];
}

function standardColumns(locale: Locale): ExportColumn<standards.FeeStandard>[] {
  return [
    { zh: '收费项目', en: 'Fee item', width: 18, value: (r) => r.feeItemName },
    { zh: '名称', en: 'Name', width: 22, value: (r) => r.name },
    { zh: '计费方式', en: 'Method', width: 20, value: (r) => labelOf(METHOD, r.method, locale) },
    {
      zh: '适用资源',
      en: 'Applies to',
      width: 20,
      value: (r) => r.resourceKinds.map((k) => labelOf(KIND, k, locale)).join('、'),
    },
    { zh: '参数', en: 'Parameters', width: 40, value: (r) => JSON.stringify(r.parameters) },
    { zh: '绑定数', en: 'Bindings', value: (r) => r.bindingCount },
    { zh: '状态', en: 'Status', value: (r) => labelOf(STATUS, r.status, locale) },
  ];
}

function bindingColumns(locale: Locale): ExportColumn<bindings.FeeBinding>[] {
  return [
    { zh: '资源', en: 'Resource', width: 16, value: (r) => r.resourceCode },
    { zh: '资源类型', en: 'Kind', value: (r) => labelOf(KIND, r.resourceKind, locale) },
    { zh: '楼栋', en: 'Building', value: (r) => r.buildingName },
    { zh: '收费项目', en: 'Fee item', width: 18, value: (r) => r.feeItemName },
    { zh: '收费标准', en: 'Standard', width: 22, value: (r) => r.standardName },
    { zh: '开始日期', en: 'Start', width: 12, value: (r) => r.startDate },
    { zh: '结束日期', en: 'End', width: 12, value: (r) => r.endDate },
  ];
}

/** GET list, GET list/export: the same query, one answering JSON, the other .xlsx. */
function listAndExport<Query extends { page: number; pageSize: number }, Row>(
  app: App,
  def: {
    path: string;
    tag: string;
    sheet: { zh: string; en: string };
    query: z.ZodType<Query>;
    page: z.ZodType;
    list: (db: App['db'], ctx: RequestContext, query: Query) => Promise<{ items: Row[] }>;
    columns: (locale: Locale) => ExportColumn<Row>[];
  },
): void {
  app.get(def.path, {
    config: { permission: VIEW },
    schema: {
      tags: [def.tag],
      summary: `List ${def.sheet.en.toLowerCase()}`,
      querystring: def.query,
      response: { 200: def.page, ...errorResponses },
    },
    handler: (req) => def.list(app.db, req.ctx, req.query as Query),
  });

  app.get(`${def.path}/export`, {
    config: { permission: VIEW },
    schema: {
      tags: [def.tag],
      summary: `Export ${def.sheet.en.toLowerCase()} to .xlsx`,
      querystring: def.query,
    },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const query = { ...(req.query as Query), page: 1, pageSize: EXPORT_LIMIT };
      const { items: rows } = await def.list(app.db, req.ctx, query);
      const sheet = locale === 'en-US' ? def.sheet.en : def.sheet.zh;
      const file = await buildWorkbook({ sheet, locale, rows, columns: def.columns(locale) });

      return sendWorkbook(reply, sheet, file);
    },
  });
}

export function feeRoutes(app: App): void {
  feeItemRoutes(app);
  feeStandardRoutes(app);
  feePriceRoutes(app);
  feeBindingRoutes(app);
}

function feeItemRoutes(app: App): void {
  const tags = ['fee-items'];
  listAndExport(app, {
    path: '/api/v1/fee-items',
    tag: 'fee-items',
    sheet: { zh: '收费项目', en: 'Fee items' },
    query: s.feeItemListQuery,
    page: s.feeItemPage,
    list: items.listFeeItems,
    columns: itemColumns,
  });

  app.post('/api/v1/fee-items', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Create a fee item (收费项目)',
      body: s.createFeeItemBody,
      response: { 201: s.feeItemSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await items.createFeeItem(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/fee-items/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a fee item',
      params: idParams,
      response: { 200: s.feeItemSchema, ...errorResponses },
    },
    handler: (req) => items.getFeeItem(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/fee-items/:id', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Edit or archive a fee item',
      params: idParams,
      body: s.updateFeeItemBody,
      response: { 200: s.feeItemSchema, ...errorResponses },
    },
    handler: (req) => items.updateFeeItem(app.db, req.ctx, req.params.id, req.body),
  });
}

function feeStandardRoutes(app: App): void {
  const tags = ['fee-standards'];
  listAndExport(app, {
    path: '/api/v1/fee-standards',
    tag: 'fee-standards',
    sheet: { zh: '收费标准', en: 'Charging standards' },
    query: s.feeStandardListQuery,
    page: s.feeStandardPage,
    list: standards.listFeeStandards,
    columns: standardColumns,
  });

  app.post('/api/v1/fee-standards', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Create a charging standard (收费标准) of a fee item',
      body: s.createFeeStandardBody,
      response: { 201: s.feeStandardSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await standards.createFeeStandard(app.db, req.ctx, req.body)),
  });

  app.get('/api/v1/fee-standards/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a charging standard',
      params: idParams,
      response: { 200: s.feeStandardSchema, ...errorResponses },
    },
    handler: (req) => standards.getFeeStandard(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/fee-standards/:id', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Edit or archive a charging standard (its method stays)',
      params: idParams,
      body: s.updateFeeStandardBody,
      response: { 200: s.feeStandardSchema, ...errorResponses },
    },
    handler: (req) => standards.updateFeeStandard(app.db, req.ctx, req.params.id, req.body),
  });
}

function feePriceRoutes(app: App): void {
  const tags = ['fee-standards'];

  app.get('/api/v1/fee-standards/:id/prices', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: "A standard's unit prices by project, building, unit, floor range and resource",
      params: idParams,
      querystring: s.feePriceListQuery,
      response: { 200: s.feePricePage, ...errorResponses },
    },
    handler: (req) => prices.listFeePrices(app.db, req.ctx, req.params.id, req.query),
  });

  app.post('/api/v1/fee-standards/:id/prices', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Set unit prices in bulk from a date (adds rows; earlier rows stay)',
      params: idParams,
      body: s.setFeePricesBody,
      response: { 201: s.setFeePricesResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await prices.setFeePrices(app.db, req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/fee-standards/:id/effective-price', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'The unit price that applies to a resource on a date (most specific scope wins)',
      params: idParams,
      querystring: s.effectivePriceQuery,
      response: { 200: s.effectivePriceSchema, ...errorResponses },
    },
    handler: (req) => prices.effectivePrice(app.db, req.ctx, req.params.id, req.query),
  });
}

function feeBindingRoutes(app: App): void {
  const tags = ['fee-bindings'];
  listAndExport(app, {
    path: '/api/v1/fee-bindings',
    tag: 'fee-bindings',
    sheet: { zh: '收费绑定', en: 'Fee bindings' },
    query: s.feeBindingListQuery,
    page: s.feeBindingPage,
    list: bindings.listFeeBindings,
    columns: bindingColumns,
  });

  app.post('/api/v1/fee-bindings', {
    config: { permission: BIND },
    schema: {
      tags,
      summary: 'Bind a charging standard to the listed resources',
      body: s.createFeeBindingsBody,
      response: { 201: s.createFeeBindingsResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await bindings.createFeeBindings(app.db, req.ctx, req.body)),
  });

  app.post('/api/v1/fee-binding-batches', {
    config: { permission: BIND },
    schema: {
      tags,
      summary: 'Bind a charging standard in bulk: a building, unit, kind or filtered room list',
      body: s.createBindingBatchBody,
      response: { 201: s.bindingBatchResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await bindings.createBindingBatch(app.db, req.ctx, req.body)),
  });

  app.post('/api/v1/fee-binding-batches/previews', {
    config: { permission: BIND, readOnly: true },
    schema: {
      tags,
      summary:
        'Count what a bulk binding would bind and how many resources overlap; writes nothing',
      body: s.createBindingBatchBody,
      response: { 200: s.bindingBatchPreview, ...errorResponses },
    },
    handler: (req) => bindings.previewBindingBatch(app.db, req.ctx, req.body),
  });

  app.get('/api/v1/fee-bindings/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a fee binding',
      params: idParams,
      response: { 200: s.feeBindingSchema, ...errorResponses },
    },
    handler: (req) => bindings.getFeeBinding(app.db, req.ctx, req.params.id),
  });

  app.post('/api/v1/fee-bindings/:id/endings', {
    config: { permission: BIND },
    schema: {
      tags,
      summary: 'End a fee binding on a date (bindings are ended, never deleted)',
      params: idParams,
      body: s.endFeeBindingBody,
      response: { 201: s.feeBindingSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await bindings.endFeeBinding(app.db, req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/resources/:id/fee-bindings', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Which fee items a resource is charged, through which standards',
      params: idParams,
      response: { 200: s.resourceFeeBindings, ...errorResponses },
    },
    handler: (req) => bindings.resourceFeeBindings(app.db, req.ctx, req.params.id),
  });
}
