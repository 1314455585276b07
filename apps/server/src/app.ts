import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  type ZodTypeProvider,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database, DatabaseHandle } from './db/database.js';
import { SESSION_COOKIE } from './modules/auth/auth.routes.js';
import { resolveSession } from './modules/auth/auth.service.js';
import { moduleRoutes, registerJobs } from './modules/index.js';
import type { RequestContext } from './platform/context.js';
import { AppError, type FieldIssue } from './platform/errors.js';
import type { App } from './platform/http.js';
import { JobQueue } from './platform/jobs.js';
import { type NotifyProviders, createNotifyProviders } from './platform/notify/index.js';
import { hasMessage, localeFrom, translate } from './platform/i18n.js';
import { AUTHENTICATED, PUBLIC } from './platform/permissions.js';
import { registerSecurityHeaders } from './platform/security-headers.js';
import { type SchemaIssue, issueToFields, zodValidatorCompiler } from './platform/validation.js';
import { VERSION } from './version.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    dbHandle: DatabaseHandle;
    config: Config;
    routeTable: RouteEntry[];
    jobs: JobQueue;
    /** SMS and e-mail gateways, for notices and (later) sign-in codes. */
    notify: NotifyProviders;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    permission?: string;
    /** A POST that computes an answer (a preview) and writes nothing, so writes no audit entry. */
    readOnly?: boolean;
  }
}

/** One row of the route table: what a test enumerates to prove every route is guarded. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string;
  readOnly: boolean;
  hasBody: boolean;
  hasResponseSchema: boolean;
  schema: { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
}

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Where the built console lives; defaults to apps/admin/dist beside this package. */
  staticRoot?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.smsCode',
];

function loggerOptions(config: Config) {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY;

  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    transport: pretty
      ? { target: 'pino-pretty', options: { translateTime: 'SYS:standard' } }
      : undefined,
  };
}

/** Builds the whole server: API, OpenAPI, console files; nothing listens until `listen`. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger: loggerOptions(config),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('dbHandle', database);
  app.decorate('config', config);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorate('jobs', new JobQueue(database.db, app.log));
  app.decorate('notify', createNotifyProviders({ config, db: database.db, log: app.log }));
  registerJobs(app.jobs, app.notify);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isDocs = route.url.startsWith('/api/docs');
    const permission = route.config?.permission ?? (isDocs ? PUBLIC : undefined);
    if (!permission)
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no permission`);
    route.config = { ...route.config, permission };
    // The docs UI and the document itself describe the API; they are not part of it.
    if (isDocs || (route.schema as { hide?: boolean } | undefined)?.hide) return;

    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({
        method,
        url: route.url,
        permission,
        readOnly: route.config?.readOnly === true,
        hasBody: route.schema?.body !== undefined,
        hasResponseSchema: route.schema?.response !== undefined,
        schema: route.schema as RouteEntry['schema'],
      });
    }
  });

  registerSecurityHeaders(app, { hsts: config.NODE_ENV === 'production' });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await registerOpenApi(app);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    req.ctx = {
      actor: null,
      locale: localeFrom(req.headers['accept-language']),
      requestId: req.id,
      ip: req.ip ?? null,
    };
    const permission = req.routeOptions.config?.permission;
    if (!permission || permission === PUBLIC) return;

    const token = bearerToken(req) ?? req.cookies[SESSION_COOKIE];
    req.ctx.actor = token ? await resolveSession(app.db, token) : null;
    if (!req.ctx.actor) throw new AppError('UNAUTHENTICATED');
    if (permission !== AUTHENTICATED && !req.ctx.actor.permissions.has(permission)) {
      throw new AppError('FORBIDDEN');
    }
  });

  app.setErrorHandler((error: FastifyError, req, reply) => sendError(app, error, req, reply));
  app.setNotFoundHandler((req, reply) => notFound(options, req, reply));

  registerHealth(app);
  for (const register of moduleRoutes) register(app);
  await registerConsole(app, options.staticRoot ?? path.resolve(here, '../../admin/dist'));

  return app;
}

function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;

  return header.slice('Bearer '.length).trim() || undefined;
}

async function registerOpenApi(app: App): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Aishang property management API', version: VERSION },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearerToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      const document = jsonSchemaTransformObject(documentObject) as {
        paths?: Record<string, Record<string, Record<string, unknown>>>;
      };
      for (const route of app.routeTable) {
        const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
        const operation = document.paths?.[openApiPath]?.[route.method.toLowerCase()];
        if (operation) operation['x-permission'] = route.permission;
      }
      return document as ReturnType<typeof jsonSchemaTransformObject>;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', {
    config: { permission: PUBLIC },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
}

function registerHealth(app: App): void {
  const health = z.object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    database: z.enum(['ok', 'unreachable']),
    dialect: z.enum(['sqlite', 'postgres']),
  });

  app.get('/api/health', {
    config: { permission: PUBLIC },
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      response: { 200: health, 503: health },
    },
    handler: async (_req, reply) => {
      const dialect = app.dbHandle.dialect;
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ok' as const, version: VERSION, database: 'ok' as const, dialect };
      } catch {
        return reply.code(503).send({
          status: 'unavailable' as const,
          version: VERSION,
          database: 'unreachable' as const,
          dialect,
        });
      }
    },
  });
}

async function registerConsole(app: App, root: string): Promise<void> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'console not built; only the API is served');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
}

function notFound(options: BuildAppOptions, req: FastifyRequest, reply: FastifyReply) {
  const root = options.staticRoot ?? path.resolve(here, '../../admin/dist');
  const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/');
  if (wantsPage && fs.existsSync(path.join(root, 'index.html'))) {
    return reply.type('text/html').sendFile('index.html', root);
  }

  const locale = localeFrom(req.headers['accept-language']);
  return reply.code(404).send({
    statusCode: 404,
    code: 'ROUTE_NOT_FOUND',
    message: translate(locale, 'error.ROUTE_NOT_FOUND'),
    requestId: req.id,
  });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;

  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Maps any failure to the one error shape, in the caller's language. */
function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;

  if (Array.isArray(error.validation)) {
    const details = (error.validation as unknown as SchemaIssue[]).flatMap((v) =>
      v.params?.issue
        ? issueToFields(v.params.issue)
        : [
            {
              field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body',
              message: 'validation.invalid',
            },
          ],
    );
    return new AppError('VALIDATION_FAILED', { details });
  }
  if (isUniqueViolation(error)) return new AppError('CONFLICT');

  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('VALIDATION_FAILED', {
        details: [{ field: 'body', message: 'validation.invalid' }],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error.statusCode === 404) return new AppError('ROUTE_NOT_FOUND');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', {
      details: [{ field: 'body', message: 'validation.invalid' }],
    });
  }

  return new AppError('INTERNAL_ERROR');
}

function sendError(app: App, error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  const locale = req.ctx?.locale ?? localeFrom(req.headers['accept-language']);
  const details = appError.details?.map((d: FieldIssue) => ({
    field: d.field,
    message: hasMessage(d.message) ? translate(locale, d.message, d.params) : d.message,
  }));
  const params: Record<string, string | number> = { ...appError.params, requestId: req.id };
  if (details) params.fields = details.map((d) => d.field).join(', ');

  if (appError.statusCode >= 500) {
    req.log.error({ err: error }, 'request failed');
  } else {
    req.log.info({ code: appError.code, details }, 'request refused');
  }

  return reply.code(appError.statusCode).send({
    statusCode: appError.statusCode,
    code: appError.code,
    message: translate(locale, `error.${appError.code}`, params),
    requestId: req.id,
    ...(details ? { details } : {}),
  });
}
