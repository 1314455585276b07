/**
 * Why a fee could not be computed. A bill run records the reason against the payer and skips
 * the line rather than charging zero (DOMAIN §1.2: reject, don't zero).
 */
export type CalcFailure =
  | 'AREA_MISSING'
  | 'PRICE_MISSING'
  | 'NO_COEFFICIENT_BAND'
  | 'FORMULA_INVALID'
  | 'FORMULA_NEGATIVE'
  | 'INVALID_INPUT';

export class FeeCalcError extends Error {
  readonly reason: CalcFailure;

  constructor(reason: CalcFailure, message: string) {
    super(message);
    this.name = 'FeeCalcError';
    this.reason = reason;
  }
}

/** Refuses an input that breaks a rule of the calculation, naming it. */
export function invalidInput(message: string): FeeCalcError {
  return new FeeCalcError('INVALID_INPUT', message);
}
