/**
 * The pure calculation core of meter reading (DOMAIN §2.1–2.4, §2.6, §2.7): usage of a reading,
 * rollover and replacement, shares and losses of master meters, and the anomaly checks. Tiered
 * prices are in the fees core (computeTieredUsageFee). No database here.
 */
export * from './anomalies.js';
export * from './apportionment.js';
export * from './calc-error.js';
export * from './defaults.js';
export * from './readings.js';
