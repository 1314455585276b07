/**
 * The pure calculation core of fees: every function takes typed inputs and returns the amount
 * with an explanation a bill line stores and the console shows as a sentence. No database here.
 */
export * from './calc-error.js';
export * from './coverage.js';
export * from './discounts.js';
export * from './explanation.js';
export * from './floor-coefficient.js';
export * from './formula.js';
export * from './late-fees.js';
export * from './parking.js';
export * from './periodic-fees.js';
export * from './periods.js';
export * from './price-resolution.js';
export * from './usage-fees.js';
