import {
  type ColumnDataType,
  type CreateTableBuilder,
  type Expression,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Tells which dialect a Kysely instance speaks, for the few places where they differ. */
export function dialectOf<T>(db: Kysely<T>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

type DataType = ColumnDataType | Expression<unknown>;

/** Column types that mean the same thing on both dialects. */
export function columnTypes(db: Kysely<unknown>) {
  const pg = dialectOf(db) === 'postgres';

  return {
    instant: (pg ? 'timestamptz' : 'text') as DataType,
    date: (pg ? 'date' : 'text') as DataType,
    decimal: (precision: number, scale: number): DataType =>
      pg ? sql`numeric(${sql.raw(String(precision))}, ${sql.raw(String(scale))})` : 'text',
    flag: 'integer' as DataType,
    json: 'text' as DataType,
    fen: (pg ? 'bigint' : 'integer') as DataType,
  };
}

/** Adds an auto-increment integer primary key named `id`. */
export function withId<T extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  if (dialectOf(db) === 'postgres') {
    return table.addColumn('id', 'integer', (col) =>
      col.primaryKey().generatedByDefaultAsIdentity(),
    );
  }

  return table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
