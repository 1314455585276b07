import type { App } from '../../platform/http.js';
import { errorResponses, idParams, okSchema } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import {
  type ExportColumn,
  type Labels,
  buildWorkbook,
  sendWorkbook,
  labelOf,
} from '../../platform/xlsx.js';
import { noticeKind } from './notice-kinds.js';
import * as templates from './notice-template.service.js';
import {
  NOTICES_DELIVERY_RESEND,
  NOTICES_TEMPLATE_MANAGE,
  NOTICES_VIEW,
} from './notices.permissions.js';
import * as s from './notices.schemas.js';
import * as notices from './notices.service.js';

const EXPORT_LIMIT = 200_000;

const CHANNEL: Labels = {
  in_app: { zh: '站内消息', en: 'In-app' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'E-mail' },
};
const STATUS: Labels = {
  queued: { zh: '排队中', en: 'Queued' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '失败', en: 'Failed' },
  skipped: { zh: '已跳过', en: 'Skipped' },
};
const REASON: Labels = {
  no_phone: { zh: '无手机号', en: 'No mobile number' },
  no_email: { zh: '无邮箱', en: 'No e-mail address' },
  no_smtp: { zh: '未配置邮件服务', en: 'E-mail not configured' },
  no_recipient: { zh: '无收件人', en: 'No recipient' },
  missing_variables: { zh: '缺少变量', en: 'Missing variables' },
  no_template: { zh: '没有模板', en: 'No template' },
  gateway_error: { zh: '服务商返回错误', en: 'Gateway error' },
  interrupted: { zh: '发送中断，结果未知', en: 'Interrupted; outcome unknown' },
};

function kindLabel(kind: string, locale: Locale): string {
  const known = noticeKind(kind);
  if (!known) return kind;

  return locale === 'en-US' ? known.en : known.zh;
}

function deliveryColumns(locale: Locale): ExportColumn<notices.NoticeDelivery>[] {
  return [
    { zh: '时间', en: 'Created', width: 22, value: (r) => r.createdAt },
    { zh: '项目', en: 'Project', width: 16, value: (r) => r.projectName },
    { zh: '通知', en: 'Notice', width: 14, value: (r) => kindLabel(r.kind, locale) },
    { zh: '渠道', en: 'Channel', value: (r) => labelOf(CHANNEL, r.channel, locale) },
    { zh: '收件人', en: 'Person', value: (r) => r.personName },
    { zh: '号码/邮箱', en: 'Address', width: 24, value: (r) => r.recipient },
    { zh: '状态', en: 'Status', value: (r) => labelOf(STATUS, r.status, locale) },
    {
      zh: '原因',
      en: 'Reason',
      width: 30,
      value: (r) => [labelOf(REASON, r.reason, locale), r.error].filter(Boolean).join('：'),
    },
    { zh: '标题', en: 'Subject', width: 30, value: (r) => r.subject },
    { zh: '内容', en: 'Text', width: 60, value: (r) => r.body },
    { zh: '尝试次数', en: 'Attempts', value: (r) => r.attempts },
    { zh: '发送时间', en: 'Sent', width: 22, value: (r) => r.sentAt },
    { zh: '来源', en: 'Source', width: 16, value: (r) => `${r.sourceType}:${r.sourceId}` },
  ];
}

export function noticeRoutes(app: App): void {
  noticeTemplateRoutes(app);
  noticeDeliveryRoutes(app);

  app.get('/api/v1/messages', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags: ['messages'],
      summary: 'In-app messages sent to owners and tenants (站内消息)',
      querystring: s.messageListQuery,
      response: { 200: s.messagePage, ...errorResponses },
    },
    handler: (req) => notices.listMessages(app.db, req.ctx, req.query),
  });
}

function noticeTemplateRoutes(app: App): void {
  const tags = ['notice-templates'];

  app.get('/api/v1/notice-kinds', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags,
      summary: 'Kinds of notice, their variables and built-in templates',
      response: { 200: s.noticeKindsSchema, ...errorResponses },
    },
    handler: async () => templates.listNoticeKinds(),
  });

  app.get('/api/v1/projects/:id/notice-templates', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags,
      summary: "A project's templates per kind and channel; defaults where it has none",
      params: idParams,
      response: { 200: s.noticeTemplateList, ...errorResponses },
    },
    handler: (req) => templates.listProjectTemplates(app.db, req.ctx, req.params.id),
  });

  app.put('/api/v1/projects/:id/notice-templates', {
    config: { permission: NOTICES_TEMPLATE_MANAGE },
    schema: {
      tags,
      summary: "Write a project's template of one kind and channel (creates or replaces)",
      params: idParams,
      body: s.saveNoticeTemplateBody,
      response: { 200: s.noticeTemplateSchema, ...errorResponses },
    },
    handler: (req) => templates.saveNoticeTemplate(app.db, req.ctx, req.params.id, req.body),
  });

  app.get('/api/v1/notice-templates/:id', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags,
      summary: "Get a project's own template",
      params: idParams,
      response: { 200: s.noticeTemplateSchema, ...errorResponses },
    },
    handler: (req) => templates.getNoticeTemplate(app.db, req.ctx, req.params.id),
  });

  app.delete('/api/v1/notice-templates/:id', {
    config: { permission: NOTICES_TEMPLATE_MANAGE },
    schema: {
      tags,
      summary: "Delete a project's own template; the built-in default applies again",
      params: idParams,
      response: { 200: okSchema, ...errorResponses },
    },
    handler: async (req) => {
      await templates.deleteNoticeTemplate(app.db, req.ctx, req.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/v1/notice-template-previews', {
    config: { permission: NOTICES_VIEW, readOnly: true },
    schema: {
      tags,
      summary: 'Render a template with sample values; writes nothing',
      body: s.previewNoticeTemplateBody,
      response: { 200: s.noticePreviewSchema, ...errorResponses },
    },
    handler: async (req) => templates.previewNoticeTemplate(req.body),
  });
}

function noticeDeliveryRoutes(app: App): void {
  const tags = ['notice-deliveries'];

  app.get('/api/v1/notice-deliveries', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags,
      summary: 'The delivery log: notices sent, failed, skipped or waiting',
      querystring: s.deliveryListQuery,
      response: { 200: s.deliveryPage, ...errorResponses },
    },
    handler: (req) => notices.listDeliveries(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/notice-deliveries/export', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags,
      summary: 'Export the delivery log to .xlsx',
      querystring: s.deliveryListQuery,
    },
    handler: async (req, reply) => {
      const { locale } = req.ctx;
      const query = { ...req.query, page: 1, pageSize: EXPORT_LIMIT };
      const { items: rows } = await notices.listDeliveries(app.db, req.ctx, query);
      const sheet = locale === 'en-US' ? 'Notice deliveries' : '通知记录';
      const file = await buildWorkbook({ sheet, locale, rows, columns: deliveryColumns(locale) });

      return sendWorkbook(reply, sheet, file);
    },
  });

  app.get('/api/v1/notice-deliveries/:id', {
    config: { permission: NOTICES_VIEW },
    schema: {
      tags,
      summary: 'Get one delivery',
      params: idParams,
      response: { 200: s.deliverySchema, ...errorResponses },
    },
    handler: (req) => notices.getDelivery(app.db, req.ctx, req.params.id),
  });

  app.post('/api/v1/notice-deliveries/:id/resends', {
    config: { permission: NOTICES_DELIVERY_RESEND },
    schema: {
      tags,
      summary: 'Send a failed delivery again (to the current mobile or address)',
      params: idParams,
      response: { 201: s.deliverySchema, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await notices.resendDelivery(app.db, req.ctx, req.params.id)),
  });
}
