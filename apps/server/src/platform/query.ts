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

/**
 * One page of rows and the number of all matching rows, in one statement: `count(*) over ()`
 * rides along with each row. Past the last page there is no row to carry it, so the count is
 * asked for separately then.
 */
export async function pageWithTotal<D, TB extends keyof D, O extends object>(
  query: SelectQueryBuilder<D, TB, O>,
  paging: { page: number; pageSize: number },
  countAll: () => Promise<number>,
): Promise<{ items: O[]; total: number }> {
  const rows = await query
    .select(sql<number | string>`count(*) over ()`.as('total_matching'))
    .limit(paging.pageSize)
    .offset(offsetOf(paging.page, paging.pageSize))
    .execute();
  if (rows.length === 0) {
    return { items: [], total: paging.page === 1 ? 0 : await countAll() };
  }

  const total = Number((rows[0] as unknown as { total_matching: number | string }).total_matching);
  const items = rows.map((row) => {
    const { total_matching: _total, ...rest } = row as O & { total_matching: unknown };
    return rest as O;
  });

  return { items, total };
}
