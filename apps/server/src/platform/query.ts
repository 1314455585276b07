import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

/** A LIKE pattern that finds `text` anywhere, with LIKE's own wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column LIKE '%text%'` ignoring letter case, with an explicit escape character, the same on
 * both dialects (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
 */
export function contains(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${containsPattern(text)}) escape '\\'`;
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/** How many rows a filtered query matches, before paging. */
export async function countRows<D, TB extends keyof D>(
  query: SelectQueryBuilder<D, TB, object>,
): Promise<number> {
  const row = await query
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();

  return Number((row as { total: number | string }).total);
}
