import { describe, expect, test } from 'vitest';
import { buildApp } from './app.js';
import { permissionCatalogue } from './modules/catalogue.js';
import { AUTHENTICATED, PLATFORM_PERMISSIONS, PUBLIC } from './platform/permissions.js';
import { createTestApp, setupTestApp } from './test/harness.js';
import { routeKey, successfulCalls } from './test/routes.js';

const t = setupTestApp();

/** Routes that answer a file (an export, an import template) rather than JSON. */
const isExport = (url: string) => url.endsWith('/export') || url.endsWith('/template');

describe('the route table', () => {
  test('holds the API routes', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(20);
    expect(t.app.routeTable.map(routeKey)).toContain('GET /api/v1/projects');
  });

  test('every route declares a permission from the catalogue, authenticated or public', () => {
    const known = (code: string) =>
      code === PUBLIC ||
      code === AUTHENTICATED ||
      permissionCatalogue.has(code) ||
      PLATFORM_PERMISSIONS.includes(code);

    const unknown = t.app.routeTable.filter((route) => !known(route.permission));

    expect(unknown.map((r) => `${routeKey(r)} → ${r.permission}`)).toEqual([]);
  });

  test('the only platform permission a route uses is platform.company.manage', () => {
    const platformCodes = t.app.routeTable
      .map((route) => route.permission)
      .filter(
        (code) => !permissionCatalogue.has(code) && code !== PUBLIC && code !== AUTHENTICATED,
      );

    expect([...new Set(platformCodes)]).toEqual(['platform.company.manage']);
  });

  test('every route that is not an export declares its response schema', () => {
    const missing = t.app.routeTable.filter(
      (route) => !isExport(route.url) && !route.hasResponseSchema,
    );

    expect(missing.map(routeKey)).toEqual([]);
  });

  test('every route has a successful call in the test fixtures', () => {
    const missing = t.app.routeTable.map(routeKey).filter((key) => !(key in successfulCalls));

    expect(missing).toEqual([]);
  });

  test('a route without a permission is refused when it is registered', async () => {
    const app = await buildApp({
      config: t.config,
      database: t.handle,
      staticRoot: '/nonexistent',
    });
    try {
      expect(() => app.get('/api/v1/unguarded', { handler: async () => ({ ok: true }) })).toThrow(
        /declares no permission/,
      );
    } finally {
      await app.close();
    }
  });
});

describe('the health endpoint', () => {
  test('reports the database as ok, with the dialect in use', async () => {
    const response = await t.request({ method: 'GET', url: '/api/health' });

    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      database: 'ok',
      dialect: t.dialect,
    });
  });
});

describe('the health endpoint when the database is gone', () => {
  test('answers 503 with the database unreachable', async () => {
    const other = await createTestApp();
    await other.handle.close();
    try {
      const response = await other.request({ method: 'GET', url: '/api/health' });

      expect(response.statusCode).toBe(503);
      expect(response.body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await other.close();
    }
  });
});

describe('the OpenAPI document', () => {
  test('lists every route in the table with its x-permission', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.body.paths as Record<string, Record<string, Record<string, unknown>>>;

    const listed = t.app.routeTable.map((route) => {
      const operation = paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      return `${routeKey(route)} → ${String(operation?.['x-permission'])}`;
    });

    expect(listed).toEqual(t.app.routeTable.map((r) => `${routeKey(r)} → ${r.permission}`));
  });
});
