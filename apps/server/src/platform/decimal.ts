import { Decimal } from 'decimal.js';

/**
 * Writes a decimal with exactly `scale` places, so that SQLite (text) and PostgreSQL (numeric)
 * store and return the same string: `89.3` becomes `89.30`.
 */
export function toScale(value: string, scale: number): string {
  return new Decimal(value).toFixed(scale, Decimal.ROUND_HALF_UP);
}

export function toScaleOrNull(value: string | null | undefined, scale: number) {
  if (value === undefined) return undefined;

  return value === null ? null : toScale(value, scale);
}
