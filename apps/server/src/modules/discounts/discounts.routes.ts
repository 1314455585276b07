import type { App } from '../../platform/http.js';
import { errorResponses, idParams } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import { dec, formatYuan } from '../../platform/money.js';
import {
  type ExportColumn,
  type Labels,
  buildWorkbook,
  sendWorkbook,
  labelOf,
} from '../../platform/xlsx.js';
import * as s from './discounts.schemas.js';
import * as service from './discounts.service.js';

const VIEW = 'discounts.view';
const MANAGE = 'discounts.manage';
const EXPORT_LIMIT = 200_000;
const tags = ['discount-schemes'];

const KIND: Labels = {
  free_months: { zh: '赠送月份', en: 'Free months' },
  percent_for_months: { zh: '折扣', en: 'Rate for N months' },
  fixed_reduction: { zh: '固定减免', en: 'Fixed reduction' },
  loyalty: { zh: '老业主优惠', en: 'Long-time owners' },
  vacancy: { zh: '空置房优惠', en: 'Vacancy' },
  deferral: { zh: '缓缴', en: 'Deferral' },
};
const STATUS: Labels = {
  active: { zh: '启用', en: 'Active' },
  archived: { zh: '已归档', en: 'Archived' },
};

/** `0.9500` → `95%` */
const percent = (rate: string) => `${dec(rate).times(100).toString()}%`;

type Parameters = Record<string, string | number | undefined>;

/** A rate or an amount off, as the alternatives of loyalty and vacancy schemes read. */
function rateOrAmount(p: Parameters, amountKey: string, en: boolean): string {
  if (p.rate !== undefined)
    return en ? `pay ${percent(String(p.rate))}` : `按${percent(String(p.rate))}收取`;
  const amount = formatYuan(Number(p[amountKey]));

  return en ? `${amount} off` : `减免${amount}`;
}

/** The rule in one phrase, for the export: 预交12个月赠送1个月. */
export function describeRule(scheme: service.DiscountScheme, locale: Locale): string {
  const p = scheme.parameters as Parameters;
  const en = locale === 'en-US';
  switch (scheme.kind) {
    case 'free_months':
      return en
        ? `Pay ${p.payMonths} months, get ${p.freeMonths} free`
        : `预交${p.payMonths}个月赠送${p.freeMonths}个月`;
    case 'percent_for_months': {
      const arrears = p.maxArrearsMonths;
      const base = en
        ? `Pay ${p.minMonths}+ months at ${percent(String(p.rate))}`
        : `预交满${p.minMonths}个月按${percent(String(p.rate))}收取`;
      if (arrears === undefined) return base;
      return en ? `${base}, arrears ≤ ${arrears} months` : `${base}，欠费不超过${arrears}个月`;
    }
    case 'fixed_reduction': {
      const base = en
        ? `${formatYuan(Number(p.amountFen))} off`
        : `减免${formatYuan(Number(p.amountFen))}`;
      if (p.minMonths === undefined) return base;
      return en ? `${base} from ${p.minMonths} months` : `满${p.minMonths}个月${base}`;
    }
    case 'loyalty':
      return en
        ? `Moved in by ${p.movedInBy}: ${rateOrAmount(p, 'amountFen', en)}`
        : `${p.movedInBy}前入住：${rateOrAmount(p, 'amountFen', en)}`;
    case 'vacancy':
      return en
        ? `Vacant months: ${rateOrAmount(p, 'amountFenPerMonth', en)}`
        : `空置月份${rateOrAmount(p, 'amountFenPerMonth', en)}`;
    case 'deferral':
      if (p.newDueDate !== undefined)
        return en ? `Due on ${p.newDueDate}` : `缓缴至${p.newDueDate}`;
      return en ? `Due ${p.deferDays} days later` : `缓缴${p.deferDays}天`;
  }
}

function schemeColumns(locale: Locale): ExportColumn<service.DiscountScheme>[] {
  const all = locale === 'en-US' ? 'All fee items' : '全部收费项目';

  return [
    { zh: '项目', en: 'Project', width: 18, value: (r) => r.projectName },
    { zh: '编码', en: 'Code', value: (r) => r.code },
    { zh: '名称', en: 'Name', width: 24, value: (r) => r.name },
    { zh: '类型', en: 'Kind', value: (r) => labelOf(KIND, r.kind, locale) },
    { zh: '规则', en: 'Rule', width: 32, value: (r) => describeRule(r, locale) },
    {
      zh: '适用收费项目',
      en: 'Fee items',
      width: 24,
      value: (r) => (r.feeItemIds === null ? all : r.feeItems.map((i) => i.name).join('、')),
    },
    { zh: '生效日期', en: 'Valid from', width: 12, value: (r) => r.validFrom },
    { zh: '失效日期', en: 'Valid to', width: 12, value: (r) => r.validTo },
    { zh: '优先级', en: 'Priority', width: 8, value: (r) => r.priority },
    { zh: '状态', en: 'Status', width: 8, value: (r) => labelOf(STATUS, r.status, locale) },
    { zh: '备注', en: 'Note', width: 24, value: (r) => r.note },
  ];
}

export function discountRoutes(app: App): void {
  app.get('/api/v1/discount-schemes', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'List discount schemes (优惠方案)',
      querystring: s.discountSchemeListQuery,
      response: { 200: s.discountSchemePage, ...errorResponses },
    },
    handler: (req) => service.listDiscountSchemes(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/discount-schemes/export', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Export discount schemes to .xlsx',
      querystring: s.discountSchemeListQuery,
    },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const query = { ...req.query, page: 1, pageSize: EXPORT_LIMIT };
      const { items: rows } = await service.listDiscountSchemes(app.db, req.ctx, query);
      const sheet = locale === 'en-US' ? 'Discount schemes' : '优惠方案';
      const file = await buildWorkbook({ sheet, locale, rows, columns: schemeColumns(locale) });

      return sendWorkbook(reply, sheet, file);
    },
  });

  app.post('/api/v1/discount-schemes', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Create a discount scheme of a project',
      body: s.createDiscountSchemeBody,
      response: { 201: s.discountSchemeSchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.createDiscountScheme(app.db, req.ctx, req.body)),
  });

  app.post('/api/v1/discount-schemes/proposals', {
    config: { permission: VIEW, readOnly: true },
    schema: {
      tags,
      summary: 'The reductions the schemes give a proposed payment (试算); writes nothing',
      body: s.proposeDiscountsBody,
      response: { 200: s.proposedDiscountsSchema, ...errorResponses },
    },
    handler: (req) => service.proposeDiscounts(app.db, req.ctx, req.body),
  });

  app.get('/api/v1/discount-schemes/:id', {
    config: { permission: VIEW },
    schema: {
      tags,
      summary: 'Get a discount scheme',
      params: idParams,
      response: { 200: s.discountSchemeSchema, ...errorResponses },
    },
    handler: (req) => service.getDiscountScheme(app.db, req.ctx, req.params.id),
  });

  app.patch('/api/v1/discount-schemes/:id', {
    config: { permission: MANAGE },
    schema: {
      tags,
      summary: 'Edit or archive a discount scheme (its kind stays; schemes are never deleted)',
      params: idParams,
      body: s.updateDiscountSchemeBody,
      response: { 200: s.discountSchemeSchema, ...errorResponses },
    },
    handler: (req) => service.updateDiscountScheme(app.db, req.ctx, req.params.id, req.body),
  });
}
