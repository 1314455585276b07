/**
 * Why a reading or a share could not be computed. The reading screen shows the reason and the
 * bill run skips the meter rather than billing a guess (DOMAIN §2.1: the first reading is a
 * baseline, a negative usage blocks billing).
 */
export type MeterCalcFailure =
  /** A reading that is missing, not a plain decimal, or negative. */
  | 'INVALID_READING'
  /** No previous reading: this one is the baseline, not usage (DOMAIN §2.1 rule 1). */
  | 'MISSING_PREV'
  /** Current below previous and no rollover applies (DOMAIN §2.2 NEGATIVE_USAGE). */
  | 'BELOW_PREVIOUS'
  /** Shares asked of weights that are all zero. */
  | 'NO_WEIGHT'
  | 'INVALID_INPUT';

export class MeterCalcError extends Error {
  readonly reason: MeterCalcFailure;

  constructor(reason: MeterCalcFailure, message: string) {
    super(message);
    this.name = 'MeterCalcError';
    this.reason = reason;
  }
}

/** Refuses an input that breaks a rule of the calculation, naming it. */
export function invalidMeterInput(message: string): MeterCalcError {
  return new MeterCalcError('INVALID_INPUT', message);
}
