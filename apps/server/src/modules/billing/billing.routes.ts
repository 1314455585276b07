import type { App } from '../../platform/http.js';
import { errorResponses, idParams } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import { formatYuan } from '../../platform/money.js';
import {
  type ExportColumn,
  type Labels,
  buildWorkbook,
  labelOf,
  sendWorkbook,
  yesNo,
} from '../../platform/xlsx.js';
import * as runs from './bill-run.service.js';
import * as bills from './bill.service.js';
import * as s from './billing.schemas.js';

const VIEW = 'billing.bill.view';
const RUN = 'billing.bill-run.create';
const TEMPORARY = 'billing.bill.create-temporary';
const VOID = 'billing.bill.void';
const EXPORT_LIMIT = 200_000;

const STATUS: Labels = {
  unpaid: { zh: '未缴', en: 'Unpaid' },
  partially_paid: { zh: '部分缴纳', en: 'Partially paid' },
  paid: { zh: '已缴清', en: 'Paid' },
  void: { zh: '已作废', en: 'Void' },
};

function billColumns(locale: Locale): ExportColumn<bills.Bill>[] {
  const money = (fen: number) => formatYuan(fen);

  return [
    { zh: '项目', en: 'Project', width: 16, value: (r) => r.projectName },
    { zh: '楼栋', en: 'Building', value: (r) => r.buildingName },
    { zh: '资源', en: 'Resource', width: 14, value: (r) => r.resourceCode },
    { zh: '缴费人', en: 'Payer', width: 12, value: (r) => r.payerName },
    { zh: '收费项目', en: 'Fee item', width: 14, value: (r) => r.feeItemName },
    { zh: '账期', en: 'Period', width: 22, value: (r) => r.periodLabel },
    { zh: '开始日期', en: 'From', width: 12, value: (r) => r.periodStart },
    { zh: '结束日期', en: 'To', width: 12, value: (r) => r.periodEnd },
    { zh: '应缴日期', en: 'Due', width: 12, value: (r) => r.dueDate },
    { zh: '应收', en: 'Charged', width: 12, value: (r) => money(r.chargedFen) },
    { zh: '已收', en: 'Paid', width: 12, value: (r) => money(r.paidFen) },
    { zh: '减免', en: 'Reduced', width: 12, value: (r) => money(r.reducedFen) },
    { zh: '冲抵', en: 'Offset', width: 12, value: (r) => money(r.offsetFen) },
    { zh: '欠费', en: 'Outstanding', width: 12, value: (r) => money(r.outstandingFen) },
    { zh: '状态', en: 'Status', value: (r) => labelOf(STATUS, r.status, locale) },
    { zh: '逾期', en: 'Overdue', value: (r) => yesNo(r.overdue, locale) },
  ];
}

export function billingRoutes(app: App): void {
  billRunRoutes(app);
  billRoutes(app);
}

function billRunRoutes(app: App): void {
  const tags = ['bill-runs'];

  app.post('/api/v1/bill-runs/previews', {
    config: { permission: RUN, readOnly: true },
    schema: {
      tags,
      summary: 'What a bill run would create: counts, total, warnings and a sample; writes nothing',
      body: s.billRunBody,
      response: { 200: s.billRunPreview, ...errorResponses },
    },
    handler: (req) => runs.previewBillRun(app.db, req.ctx, req.body),
  });

  app.post('/api/v1/bill-runs', {
    config: { permission: RUN },
    schema: {
      tags,
      summary: 'Start a bill run (批量生成账单) as a background job',
      body: s.billRunBody,
      response: { 201: s.billRunSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await runs.startBillRun(app.db, app.jobs, req.ctx, req.body)),
  });

  app.get('/api/v1/bill-runs', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'List bill runs, newest first',
      querystring: s.billRunListQuery,
      response: { 200: s.billRunPage, ...errorResponses },
    },
    handler: (req) => runs.listBillRuns(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/bill-runs/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a bill run with its progress',
      params: idParams,
      response: { 200: s.billRunSchema, ...errorResponses },
    },
    handler: (req) => runs.getBillRun(app.db, req.ctx, req.params.id),
  });

  app.post('/api/v1/bill-runs/:id/cancellations', {
    config: { permission: RUN },
    schema: {
      tags,
      summary: 'Cancel a queued or running bill run; the bills it wrote stay',
      params: idParams,
      response: { 200: s.billRunSchema, ...errorResponses },
    },
    handler: (req) => runs.cancelBillRun(app.db, req.ctx, req.params.id),
  });
}

function billRoutes(app: App): void {
  const tags = ['bills'];

  app.get('/api/v1/bills', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'List bills with the totals of everything the filter matches',
      querystring: s.billListQuery,
      response: { 200: s.billPage, ...errorResponses },
    },
    handler: (req) => bills.listBills(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/bills/export', {
    config: { permission: VIEW },
    schema: { tags, summary: 'Export bills to .xlsx', querystring: s.billListQuery },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const query = { ...req.query, page: 1, pageSize: EXPORT_LIMIT };
      const { items } = await bills.listBills(app.db, req.ctx, query);
      const sheet = locale === 'en-US' ? 'Bills' : '账单';
      const file = await buildWorkbook({
        sheet,
        locale,
        rows: items,
        columns: billColumns(locale),
      });

      return sendWorkbook(reply, sheet, file);
    },
  });

  app.get('/api/v1/bills/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a bill with its calculation, entries and accrued late fee',
      params: idParams,
      response: { 200: s.billDetailSchema, ...errorResponses },
    },
    handler: (req) => bills.getBill(app.db, req.ctx, req.params.id),
  });

  app.post('/api/v1/bills', {
    config: { permission: TEMPORARY },
    schema: {
      tags,
      summary: 'Add a temporary bill (临时账单), e.g. a repair charge',
      body: s.temporaryBillBody,
      response: { 201: s.billDetailSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await bills.createTemporaryBill(app.db, req.ctx, req.body)),
  });

  app.post('/api/v1/bills/:id/voids', {
    config: { permission: VOID },
    schema: {
      tags,
      summary: 'Void a bill with a reason; it keeps its number and history',
      params: idParams,
      body: s.voidBillBody,
      response: { 200: s.billDetailSchema, ...errorResponses },
    },
    handler: (req) => bills.voidBill(app.db, req.ctx, req.params.id, req.body),
  });
}
