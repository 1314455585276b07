import { dec } from '../../../platform/money.js';
import { FeeCalcError, invalidInput } from './calc-error.js';

/**
 * Coefficient schemes (DOMAIN §1.3): a coefficient stored on each room (收费系数), a table of
 * floor bands (1–6 → 1.00, 7–12 → 1.05, 13+ → 1.10), or bands of N floors where band
 * `ceil(floor / N)` adds a step each (1.0, 1.2, 1.4 … for elevator electricity).
 */
export type CoefficientScheme =
  | { kind: 'ROOM' }
  | { kind: 'FLOOR_BANDS'; bands: FloorBand[] }
  | { kind: 'FLOOR_SEGMENTS'; floorsPerBand: number; step: string };

export interface FloorBand {
  fromFloor: number;
  /** Inclusive; null for "and above". */
  toFloor: number | null;
  coefficient: string;
}

/** The coefficient a room pays under a scheme, as a decimal string. */
export function coefficientFor(
  scheme: CoefficientScheme,
  room: { floor?: number | null; coefficient?: string | null },
): string {
  if (scheme.kind === 'ROOM') {
    if (room.coefficient === undefined || room.coefficient === null) {
      throw new FeeCalcError('NO_COEFFICIENT_BAND', 'the room has no fee coefficient');
    }

    return dec(room.coefficient).toString();
  }

  const floor = room.floor;
  if (floor === undefined || floor === null) {
    throw new FeeCalcError('NO_COEFFICIENT_BAND', 'the room has no floor number');
  }

  return scheme.kind === 'FLOOR_BANDS'
    ? bandCoefficient(scheme.bands, floor)
    : segmentCoefficient(floor, scheme.floorsPerBand, scheme.step);
}

function bandCoefficient(bands: readonly FloorBand[], floor: number): string {
  const band = bands.find(
    (candidate) =>
      candidate.fromFloor <= floor && (candidate.toFloor === null || floor <= candidate.toFloor),
  );
  if (!band)
    throw new FeeCalcError('NO_COEFFICIENT_BAND', `no coefficient band holds floor ${floor}`);

  return dec(band.coefficient).toString();
}

/** Band N = ceil(floor / floorsPerBand); coefficient = 1 + (N − 1) × step. */
export function segmentCoefficient(floor: number, floorsPerBand: number, step: string): string {
  if (!Number.isSafeInteger(floor) || floor < 1)
    throw invalidInput(`not a floor above ground: ${floor}`);
  if (!Number.isSafeInteger(floorsPerBand) || floorsPerBand < 1) {
    throw invalidInput(`floors per band must be a whole number from 1: ${floorsPerBand}`);
  }

  const band = Math.ceil(floor / floorsPerBand);

  return dec(1)
    .plus(dec(step).times(band - 1))
    .toString();
}
