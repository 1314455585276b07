/**
 * Yuan typed as text (`"210.02"`) to integer fen (21002), by the digits alone so no float
 * rounding creeps in; undefined for anything but up to eight whole digits and two decimals.
 */
export function yuanToFen(text: string | null | undefined): number | undefined {
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec((text ?? '').trim());
  if (!match) return undefined;

  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
