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

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/MicroMessenger\//, 'WeChat'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome · Windows" from a user-agent string, for the session list. */
export function describeUserAgent(agent: string | null): string {
  if (!agent) return '—';
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];

  return [browser, system].filter(Boolean).join(' · ') || agent;
}
