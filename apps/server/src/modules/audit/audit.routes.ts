import type { App } from '../../platform/http.js';
import { errorResponses } from '../../platform/http.js';
import { buildWorkbook, sendWorkbook } from '../../platform/xlsx.js';
import { auditListQuery, auditPage } from './audit.schemas.js';
import * as audit from './audit.service.js';

export function auditRoutes(app: App): void {
  const tags = ['audit'];

  app.get('/api/v1/audit-logs', {
    config: { permission: 'audit.log.view' },
    schema: {
      tags,
      summary: 'Search the audit log',
      querystring: auditListQuery,
      response: { 200: auditPage, ...errorResponses },
    },
    handler: (req) => audit.listAuditEntries(app.db, req.ctx, req.query),
  });

  app.get('/api/v1/audit-logs/export', {
    config: { permission: 'audit.log.view' },
    schema: { tags, summary: 'Export the audit log to .xlsx', querystring: auditListQuery },
    handler: async (req, reply) => {
      const page = await audit.listAuditEntries(app.db, req.ctx, {
        ...req.query,
        page: 1,
        pageSize: 50_000,
      });
      const en = req.ctx.locale === 'en-US';
      const file = await buildWorkbook({
        sheet: en ? 'Audit log' : '操作日志',
        locale: req.ctx.locale,
        rows: page.items,
        columns: [
          { zh: '时间', en: 'Time', width: 24, value: (e) => e.createdAt },
          { zh: '操作人', en: 'Actor', value: (e) => e.actorName },
          { zh: '操作', en: 'Action', width: 28, value: (e) => e.action },
          { zh: '对象类型', en: 'Entity', value: (e) => e.entityType },
          { zh: '对象编号', en: 'Entity id', value: (e) => e.entityId },
          {
            zh: '变更前',
            en: 'Before',
            width: 40,
            value: (e) => (e.before ? JSON.stringify(e.before) : ''),
          },
          {
            zh: '变更后',
            en: 'After',
            width: 40,
            value: (e) => (e.after ? JSON.stringify(e.after) : ''),
          },
          { zh: 'IP', en: 'IP', value: (e) => e.ip },
          { zh: '请求号', en: 'Request id', width: 20, value: (e) => e.requestId },
        ],
      });

      return sendWorkbook(reply, en ? 'audit-log' : '操作日志', file);
    },
  });
}
