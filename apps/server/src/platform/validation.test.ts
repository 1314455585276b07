import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { RouteEntry } from '../app.js';
import { setupTestApp, tableCounts } from '../test/harness.js';
import {
  type OrgFixture,
  type RouteCall,
  apiRoutes,
  buildCall,
  defaultCaller,
  makeOrgFixture,
  routeKey,
  send,
} from '../test/routes.js';

const t = setupTestApp();
let fx: OrgFixture;

beforeAll(async () => {
  fx = await makeOrgFixture(t);
});

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  exclusiveMinimum?: number;
}

function jsonSchemaOf(schema: unknown): JsonSchema {
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The JSON types a property accepts: `integer` counts as a number. */
function typesOf(schema: JsonSchema): Set<string> {
  const own = schema.type === undefined ? [] : [schema.type].flat();
  const types = [...own, ...(schema.anyOf ?? []).flatMap((s) => [...typesOf(s)])];

  return new Set(types.map((type) => (type === 'integer' ? 'number' : type)));
}

const candidates: [string, unknown][] = [
  ['boolean', true],
  ['number', 12345],
  ['string', 'text'],
  ['array', [1]],
  ['object', { x: 1 }],
];

function wrongValueFor(schema: JsonSchema): unknown {
  const allowed = typesOf(schema);

  return candidates.find(([type]) => !allowed.has(type))?.[1];
}

const bodyRoutes = () => apiRoutes(t.app.routeTable).filter((r) => r.schema?.body !== undefined);
const queryRoutes = () =>
  apiRoutes(t.app.routeTable).filter((r) => r.schema?.querystring !== undefined);
const pagedRoutes = () =>
  queryRoutes().filter((r) => 'page' in (jsonSchemaOf(r.schema?.querystring).properties ?? {}));

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

/** A route's valid call and its caller, ready to be spoiled one way at a time. */
async function validCall(
  route: RouteEntry,
): Promise<RouteCall & { caller: Record<string, string> }> {
  const call = await buildCall(t, fx, route);

  return { ...call, caller: call.headers ?? defaultCallerOf(route) };
}

const defaultCallerOf = (route: RouteEntry) => defaultCaller(route, fx);

interface Refusal {
  label: string;
  body?: unknown;
  query?: string;
  params?: Record<string, string | number>;
  /** The field `details` must name. */
  field?: string;
}

/** Sends each spoiled call; collects every answer that is not a 400 naming the field. */
async function expectRefused(route: RouteEntry, refusals: Refusal[]): Promise<string[]> {
  const call = await validCall(route);
  const before = await tableCounts(t);
  const wrong: string[] = [];

  for (const refusal of refusals) {
    const response = await send(
      t,
      route,
      {
        params: refusal.params ?? call.params,
        query: call.query,
        body: 'body' in refusal ? refusal.body : call.body,
      },
      call.caller,
      refusal.query,
    );
    const named = refusal.field === undefined || fieldsOf(response.body).includes(refusal.field);
    if (response.statusCode !== 400 || response.body.code !== 'VALIDATION_FAILED' || !named) {
      wrong.push(
        `${routeKey(route)} ${refusal.label} → ${response.statusCode} ${JSON.stringify(fieldsOf(response.body))}`,
      );
    }
  }

  expect(await tableCounts(t), `${routeKey(route)} wrote rows`).toEqual(before);

  return wrong;
}

describe('invalid bodies are refused with 400 naming the fields, and write nothing', () => {
  test('every route with a body schema is exercised', () => {
    expect(bodyRoutes().length).toBeGreaterThanOrEqual(12);
  });

  test('omitting a required field names that field', async () => {
    const wrong: string[] = [];
    for (const route of bodyRoutes()) {
      const schema = jsonSchemaOf(route.schema?.body);
      const base = (await buildCall(t, fx, route)).body as Record<string, unknown>;
      const refusals = (schema.required ?? []).map((field) => {
        const { [field]: _omitted, ...rest } = base;
        return { label: `without ${field}`, body: rest, field };
      });

      wrong.push(...(await expectRefused(route, refusals)));
    }

    expect(wrong).toEqual([]);
  });

  test('a value of the wrong type names that field', async () => {
    const wrong: string[] = [];
    for (const route of bodyRoutes()) {
      const schema = jsonSchemaOf(route.schema?.body);
      const base = (await buildCall(t, fx, route)).body as Record<string, unknown>;
      const refusals = Object.entries(schema.properties ?? {}).map(([field, property]) => {
        const value = wrongValueFor(property);
        return {
          label: `${field}=${JSON.stringify(value)}`,
          body: { ...base, [field]: value },
          field,
        };
      });

      wrong.push(...(await expectRefused(route, refusals)));
    }

    expect(wrong).toEqual([]);
  });

  test('an unknown extra field is named', async () => {
    const wrong: string[] = [];
    for (const route of bodyRoutes()) {
      const base = (await buildCall(t, fx, route)).body as Record<string, unknown>;
      const refusal = {
        label: 'with an extra field',
        body: { ...base, unexpectedField: 1 },
        field: 'unexpectedField',
      };

      wrong.push(...(await expectRefused(route, [refusal])));
    }

    expect(wrong).toEqual([]);
  });

  test('a body that is not an object, or no body at all, is refused', async () => {
    const wrong: string[] = [];
    for (const route of bodyRoutes()) {
      const refusals = [[], 'text', 42, null, undefined].map((body) => ({
        label: `body ${JSON.stringify(body)}`,
        body,
      }));

      wrong.push(...(await expectRefused(route, refusals)));
    }

    expect(wrong).toEqual([]);
  });

  test('text holding a NUL character is refused, never a 500', async () => {
    const wrong: string[] = [];
    for (const route of bodyRoutes()) {
      const schema = jsonSchemaOf(route.schema?.body);
      const base = (await buildCall(t, fx, route)).body as Record<string, unknown>;
      const refusals = Object.entries(schema.properties ?? {})
        .filter(([, property]) => typesOf(property).has('string'))
        .map(([field]) => ({
          label: `${field} with NUL`,
          body: { ...base, [field]: 'a\u0000b' },
          field,
        }));

      wrong.push(...(await expectRefused(route, refusals)));
    }

    expect(wrong).toEqual([]);
  });

  test('an id beyond the range of the id columns is refused or unknown, never a 500', async () => {
    const tooBig = 2 ** 31;
    const wrong: string[] = [];
    for (const route of apiRoutes(t.app.routeTable)) {
      const call = await validCall(route);
      const spoiled: RouteCall[] = [];
      if (route.url.includes(':id')) spoiled.push({ ...call, params: { id: tooBig } });

      const properties = jsonSchemaOf(route.schema?.body ?? z.object({})).properties ?? {};
      for (const [field, property] of Object.entries(properties)) {
        const isId = property.exclusiveMinimum === 0 || property.items?.exclusiveMinimum === 0;
        if (!isId) continue;
        const value = property.type === 'array' ? [tooBig] : tooBig;
        spoiled.push({ ...call, body: { ...(call.body as object), [field]: value } });
      }

      for (const spoiledCall of spoiled) {
        const response = await send(t, route, spoiledCall, call.caller);
        if (![400, 404].includes(response.statusCode)) {
          wrong.push(`${routeKey(route)} ${JSON.stringify(spoiledCall)} → ${response.statusCode}`);
        }
      }
    }

    expect(wrong).toEqual([]);
  });

  test('random JSON bodies never cause a 500, and a refusal writes nothing', async () => {
    for (const route of bodyRoutes()) {
      const schema = jsonSchemaOf(route.schema?.body);
      const call = await validCall(route);
      const params = route.url.includes(':id') ? { id: 2_000_000 } : call.params;
      const anyJson = fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 });
      const fields = Object.keys(schema.properties ?? {});
      const shaped = fc.record(Object.fromEntries(fields.map((f) => [f, anyJson])), {
        requiredKeys: [],
      });
      const nearlyValid = fc
        .tuple(fc.constantFrom(...fields), anyJson)
        .map(([field, value]) => ({ ...(call.body as object), [field]: value }));

      let before = await tableCounts(t);
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyJson, shaped, nearlyValid), async (body) => {
          const response = await send(t, route, { params, body }, call.caller);

          expect(response.statusCode, `${routeKey(route)} ${JSON.stringify(body)}`).not.toBe(500);
          const after = await tableCounts(t);
          if (response.statusCode === 400) expect(after).toEqual(before);
          before = after;
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('invalid queries are refused with 400 naming the parameter', () => {
  test('every list route refuses page=0, pageSize=1000 and page=abc', async () => {
    expect(pagedRoutes().length).toBeGreaterThanOrEqual(4);
    const wrong: string[] = [];

    for (const route of pagedRoutes()) {
      wrong.push(
        ...(await expectRefused(route, [
          { label: 'page=0', query: 'page=0', field: 'page' },
          { label: 'pageSize=1000', query: 'pageSize=1000', field: 'pageSize' },
          { label: 'page=abc', query: 'page=abc', field: 'page' },
          { label: 'pageSize=-5', query: 'pageSize=-5', field: 'pageSize' },
        ])),
      );
    }

    expect(wrong).toEqual([]);
  });

  test('random values of every query parameter never cause a 500', async () => {
    for (const route of queryRoutes()) {
      const properties = jsonSchemaOf(route.schema?.querystring).properties ?? {};
      const call = await validCall(route);
      const valueFor = (property: JsonSchema) =>
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.integer({ min: -10, max: 2 ** 40 }).map(String),
          property.pattern ? fc.stringMatching(new RegExp(property.pattern)) : fc.constant('1'),
        );
      const query = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, valueFor(p)])),
        { requiredKeys: [] },
      );

      await fc.assert(
        fc.asyncProperty(query, async (values) => {
          const search = new URLSearchParams(values as Record<string, string>).toString();
          const response = await send(t, route, call, call.caller, search);

          expect(response.statusCode, `${routeKey(route)}?${search}`).not.toBe(500);
        }),
        { numRuns: 40 },
      );
    }
  });

  test('a path id that is not a positive whole number is refused', async () => {
    const wrong: string[] = [];
    const withId = apiRoutes(t.app.routeTable).filter(
      (r) => jsonSchemaOf(r.schema?.params ?? z.object({})).properties?.id?.type === 'integer',
    );
    expect(withId.length).toBeGreaterThan(8);
    for (const route of withId) {
      wrong.push(
        ...(await expectRefused(
          route,
          ['0', '-1', 'abc', '1.5'].map((id) => ({
            label: `id=${id}`,
            params: { id },
            field: 'id',
          })),
        )),
      );
    }

    expect(wrong).toEqual([]);
  });
});
