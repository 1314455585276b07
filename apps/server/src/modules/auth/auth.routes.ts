import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http.js';
import { errorResponses, okSchema } from '../../platform/http.js';
import * as auth from './auth.service.js';
import * as s from './auth.schemas.js';
import { getProfile } from './profile.service.js';

export const SESSION_COOKIE = 'aishang_session';

export function authRoutes(app: App): void {
  const tags = ['auth'];

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.SECURE_COOKIES ?? app.config.NODE_ENV === 'production',
      maxAge: app.config.SESSION_TTL_HOURS * 3600,
    });

  app.post('/api/v1/auth/login', {
    config: {
      permission: 'public',
      rateLimit: { max: app.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
    },
    schema: {
      tags,
      summary: 'Sign in with username or phone and password',
      body: s.loginBody,
      response: {
        200: s.loginResponse,
        ...errorResponses,
        423: errorResponses[401],
        429: errorResponses[401],
      },
    },
    handler: async (req, reply) => {
      const result = await auth.login(app.db, req.ctx, {
        ...req.body,
        userAgent: req.headers['user-agent'] ?? null,
        sessionTtlHours: app.config.SESSION_TTL_HOURS,
      });
      const profile = await getProfile(app.db, { ...req.ctx, actor: result.actor });
      if (req.body.channel === 'app') return { token: result.token, profile };

      setSessionCookie(reply, result.token);
      return { profile };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Sign out of this session',
      response: { 200: okSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      await auth.logout(app.db, req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/v1/auth/me', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'The signed-in account, its permissions and projects',
      response: { 200: s.profileSchema, ...errorResponses },
    },
    handler: (req) => getProfile(app.db, req.ctx),
  });

  app.post('/api/v1/auth/password-changes', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Change my password; other sessions end',
      body: s.passwordChangeBody,
      response: { 200: okSchema, ...errorResponses },
    },
    handler: async (req) => {
      await auth.changePassword(app.db, req.ctx, req.body);
      return { ok: true as const };
    },
  });

  app.get('/api/v1/auth/sessions', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'My live sessions',
      response: { 200: s.sessionList, ...errorResponses },
    },
    handler: async (req) => ({ items: await auth.listSessions(app.db, req.ctx) }),
  });

  app.delete('/api/v1/auth/sessions/:id', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'End one of my sessions',
      params: s.sessionParams,
      response: { 200: okSchema, ...errorResponses },
    },
    handler: async (req) => {
      await auth.revokeOwnSession(app.db, req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
}
