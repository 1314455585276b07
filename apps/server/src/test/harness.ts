import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  migrateToLatest,
  openDatabase,
} from '../db/database.js';
import type { Dialect } from '../db/columns.js';
import type { App } from '../platform/http.js';
import { postgresUrl, testDialect } from './dialect.js';

export { testDialect } from './dialect.js';

/** A fresh, migrated database that belongs to one test file. */
export interface TestDatabase {
  handle: DatabaseHandle;
  db: Database;
  dialect: Dialect;
  /** How another process opens the same database (the crash tests spawn one). */
  options: DatabaseOptions;
  close(): Promise<void>;
}

/** Creates a migrated SQLite file in a temp folder, or a PostgreSQL schema `t_<random>`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dialect = testDialect();
  if (dialect === 'postgres') return createPostgresSchema();

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-test-'));
  const options = { sqlitePath: path.join(folder, 'test.db') };
  const handle = openDatabase(options);
  await migrateToLatest(handle.db);

  return {
    handle,
    db: handle.db,
    dialect,
    options,
    close: async () => {
      await handle.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function createPostgresSchema(): Promise<TestDatabase> {
  const url = postgresUrl();
  // t_<seconds since 1970>_<random>: the global setup drops schemas of runs that died.
  const schema = `t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();

  const options = { url, searchPath: schema, poolSize: 4 };
  const handle = openDatabase(options);
  const close = async () => {
    await handle.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await close();
    throw error;
  }

  return { handle, db: handle.db, dialect: 'postgres', options, close };
}

const tableNames = new WeakMap<Database, Promise<string[]>>();

async function listTables(database: TestDatabase): Promise<string[]> {
  const query =
    database.dialect === 'postgres'
      ? sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
            and table_name not like 'kysely_%'`
      : sql<{ name: string }>`
          select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`;
  const result = await query.execute(database.db);

  return result.rows.map((row) => row.name).sort();
}

/** Row counts of every table, to prove that a refused request wrote nothing. */
export async function tableCounts(database: TestDatabase): Promise<Record<string, number>> {
  if (!tableNames.has(database.db)) tableNames.set(database.db, listTables(database));
  const names = (await tableNames.get(database.db)) ?? [];

  const counts = names.map(
    (name) => sql`select ${name} as name, count(*) as n from ${sql.table(name)}`,
  );
  const result = await sql<{ name: string; n: number | string }>`${sql.join(
    counts,
    sql` union all `,
  )}`.execute(database.db);

  return Object.fromEntries(result.rows.map((row) => [row.name, Number(row.n)]));
}

export interface TestAppOptions {
  /** Extra environment for loadConfig, e.g. `{ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }`. */
  env?: Record<string, string>;
}

/** A built app over a fresh database, driven with `inject`; nothing listens. */
export interface TestApp extends TestDatabase {
  app: App;
  config: Config;
  /** `app.inject` that parses a JSON answer into `body`. */
  request(options: InjectOptions): Promise<TestResponse>;
}

export interface TestResponse {
  statusCode: number;
  headers: LightMyRequestResponse['headers'];
  /** The parsed JSON answer, or the raw text when it is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any shape
  raw: LightMyRequestResponse;
}

const NO_CONSOLE = path.join(os.tmpdir(), 'aishang-test-no-console');

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...options.env,
  });
  const app = await buildApp({ config, database: database.handle, staticRoot: NO_CONSOLE });
  await app.ready();

  const request = async (injectOptions: InjectOptions): Promise<TestResponse> => {
    const raw = await app.inject(injectOptions);
    const isJson = String(raw.headers['content-type'] ?? '').includes('application/json');

    return {
      statusCode: raw.statusCode,
      headers: raw.headers,
      body: isJson ? raw.json() : raw.body,
      raw,
    };
  };

  return {
    ...database,
    app,
    config,
    request,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Builds one app for the enclosing file or describe block (in beforeAll) and closes it after.
 * The returned object is filled in before the first test runs.
 */
export function setupTestApp(options: TestAppOptions = {}): TestApp {
  const holder = {} as TestApp;

  beforeAll(async () => {
    Object.assign(holder, await createTestApp(options));
  });
  afterAll(async () => {
    await holder.close?.();
  });

  return holder;
}

/** Same as setupTestApp, for tests that need only the database. */
export function setupTestDatabase(): TestDatabase {
  const holder = {} as TestDatabase;

  beforeAll(async () => {
    Object.assign(holder, await createTestDatabase());
  });
  afterAll(async () => {
    await holder.close?.();
  });

  return holder;
}

/** Puts ids into a route pattern: `/projects/:id` with `{ id: 3 }` gives `/projects/3`. */
export function fillPath(url: string, params: Record<string, string | number>): string {
  return url.replace(/:(\w+)/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${url}`);

    return encodeURIComponent(String(value));
  });
}
