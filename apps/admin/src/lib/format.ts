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

/** A decimal string with trailing zeros dropped, keeping at least `minPlaces` decimals. */
export function formatDecimal(value: string, minPlaces = 2): string {
  const [whole, fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '').padEnd(minPlaces, '0');

  return trimmed ? `${whole}.${trimmed}` : whole;
}

/**
 * Moves a decimal string's point `places` to the right (left when negative) without going
 * through a float: `shiftDecimal('6', -2)` is `'0.06'`, `shiftDecimal('0.0005', 3)` is `'0.5'`.
 */
export function shiftDecimal(value: string, places: number): string {
  const negative = value.trim().startsWith('-');
  const [whole, fraction = ''] = value.trim().replace(/^[-+]/, '').split('.');
  const digits = `${whole}${fraction}`;
  let point = whole.length + places;
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits.padEnd(point, '0');
  if (point < 0) point = 0;
  const intPart = padded.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = padded.slice(point).replace(/0+$/, '');

  return `${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

/** An amount of integer fen as `¥1,234.56`. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString('en-US');

  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
