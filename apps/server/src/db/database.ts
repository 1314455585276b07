import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Dialect } from './columns.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  dialect: Dialect;
  /** The raw SQLite handle, for backups and bulk statements; absent on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  /** The raw PostgreSQL pool, for COPY and bulk statements; absent on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * Write transactions on SQLite must take the write lock up front: a plain BEGIN that later
 * writes can fail with SQLITE_BUSY_SNAPSHOT when another process wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #driverConfig: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#driverConfig = config;
  }

  override createDriver() {
    return new ImmediateSqliteDriver(this.#driverConfig);
  }
}

/**
 * Kysely prepares every SQLite statement anew; preparing costs as much as running a short
 * query. This keeps the most recent statements, keyed by their SQL text.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 500): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    const cached = statements.get(source);
    if (cached) return cached;

    const statement = sqlite.prepare(source);
    if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
    statements.set(source, statement);

    return statement;
  };

  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;

/** pg turns bigint and numeric into strings and dates into local-midnight Dates; undo both. */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  switch (oid) {
    case PG_INT8:
      return (value) => Number(value);
    case PG_NUMERIC:
    case PG_DATE:
      return (value) => value;
    case PG_TIMESTAMPTZ:
    case PG_TIMESTAMP:
      return (value) => new Date(value).toISOString();
    default:
      return pg.types.getTypeParser(oid, format as 'text');
  }
}

export interface DatabaseOptions {
  /** `postgres://…`; absent means SQLite at `sqlitePath`. */
  url?: string;
  sqlitePath?: string;
  /** PostgreSQL schema to work in (each test file gets its own). */
  searchPath?: string;
  poolSize?: number;
}

/** How each open database was opened, so a worker thread can open its own connection. */
const openedWith = new WeakMap<Database, DatabaseOptions>();

export function optionsOf(db: Database): DatabaseOptions | undefined {
  return openedWith.get(db);
}

/** Opens the database chosen by the options: PostgreSQL when a URL is given, else SQLite. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
      options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    openedWith.set(db, options);

    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }

  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  openedWith.set(db, options);

  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/** Brings the schema up to the newest migration; returns the names that ran. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  // Kysely looks for its migration tables in every schema it can see. On PostgreSQL, name the
  // schema in use, or another schema's tables (another tenant, a parallel test run) count as ours.
  const migrationTableSchema =
    db.getExecutor().adapter instanceof PostgresAdapter ? await currentSchema(db) : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;

  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Database): Promise<string> {
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);

  return result.rows[0].schema;
}
