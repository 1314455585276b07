import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { errorResponses, idParams, idText } from '../../platform/http.js';
import { getJob } from '../../platform/jobs.js';
import { scopeOf } from '../../platform/scope.js';
import { sendWorkbook } from '../../platform/xlsx.js';
import { importTemplate, startImport, storeUpload } from './import.service.js';
import type { ImportDefinition } from './import.types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importQuery = z.object({
  projectId: idText,
  mode: z.enum(['dry_run', 'import']),
});

const jobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number().int(),
  total: z.number().int(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Per importable list: a template to download, and a job that dry-runs or imports a file. */
export function importRoutes(definitions: ImportDefinition[]) {
  return (app: App): void => {
    app.addContentTypeParser(
      [XLSX, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    for (const definition of definitions) {
      const base = `/api/v1/imports/${definition.kind}`;
      const tags = ['imports'];

      app.get(`${base}/template`, {
        config: { permission: definition.permission },
        schema: { tags, summary: `Excel template for importing ${definition.kind}` },
        handler: async (req, reply) => {
          const file = await importTemplate(app.db, req.ctx, definition);
          const name = req.ctx.locale === 'en-US' ? definition.sheet.en : definition.sheet.zh;
          return sendWorkbook(reply, name, file);
        },
      });

      app.post(`${base}/jobs`, {
        config: { permission: definition.permission },
        schema: {
          tags,
          summary: `Dry-run or import an .xlsx of ${definition.kind} (the body is the file)`,
          querystring: importQuery,
          response: { 202: z.object({ jobId: z.number().int() }), ...errorResponses },
        },
        handler: async (req, reply) => {
          if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
            return reply.code(400).send({
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: req.ctx.locale === 'en-US' ? 'Invalid request: file' : '请求参数有误：file',
              requestId: req.id,
              details: [
                { field: 'file', message: req.ctx.locale === 'en-US' ? 'is required' : '必填' },
              ],
            });
          }
          const file = storeUpload(app.config.DATA_DIR, req.body);
          const jobId = await startImport(app.db, app.jobs, req.ctx, {
            definition,
            projectId: req.query.projectId,
            mode: req.query.mode,
            file,
          });
          return reply.code(202).send({ jobId });
        },
      });
    }

    app.get('/api/v1/jobs/:id', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['jobs'],
        summary: 'Progress and result of a background job',
        params: idParams,
        response: { 200: jobSchema, ...errorResponses },
      },
      handler: (req) => getJob(app.db, scopeOf(req.ctx).orgId, req.params.id),
    });
  };
}
