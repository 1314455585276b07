import dayjs from 'dayjs';

/** An ISO instant shown in local time, to the minute or second. */
export function formatInstant(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';

  return dayjs(value).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** Drops empty strings and undefined from a query so URLs and cache keys stay clean. */
export function compactQuery<T extends Record<string, unknown>>(query: T): T {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, value]) => value !== undefined && value !== '' && value !== null,
    ),
  ) as T;
}
