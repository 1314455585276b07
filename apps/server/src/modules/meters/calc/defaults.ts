/** The meter types of DOMAIN §2.1. */
export const METER_TYPES = ['WATER', 'ELEC', 'GAS', 'HOT_WATER'] as const;
export type MeterType = (typeof METER_TYPES)[number];

/**
 * Meter defaults from DOMAIN §9 (`meter.*`, `share.*`) and the thresholds of §2.2 and §2.7.
 * Every value is a project setting; these are what a project gets until it says otherwise.
 */
export const METER_DEFAULTS = {
  /** §9 `meter.spikeFactor`: usage above this × the average is a spike. */
  spikeFactor: '3.0',
  /** §9 `meter.windowPeriods`: the average is over this many last non-estimated periods. */
  windowPeriods: 6,
  /** §2.7: a spike must also exceed this absolute usage, so 1 → 4 m³ is not a spike. */
  spikeMinimumUsage: '10',
  /** §2.7: usage below this × the average on an occupied unit is a drop. */
  dropFactor: '0.2',
  /** §2.7: zero usage on an occupied unit this many periods running (this one included). */
  zeroUsagePeriods: 2,
  /** §2.7: more days than this between readings on a monthly schedule is a gap. */
  maxIntervalDays: 45,
  /** §2.2: automatic rollover needs the previous reading at or above this share of the dial. */
  rolloverNearMaxShare: '0.9',
  /**
   * §9 `meter.lossRateAlert`: water 5%, electricity 3%. §9 names no value for gas or hot water;
   * they take water's 5% until a project sets its own.
   */
  lossRateAlert: { WATER: '0.05', ELEC: '0.03', GAS: '0.05', HOT_WATER: '0.05' } satisfies Record<
    MeterType,
    string
  >,
  /** §9 `share.method`. */
  shareMethod: 'BY_AREA',
  /** §9 `share.method` vacant weight: vacant homes count in full unless configured (e.g. 0.5). */
  vacantWeight: '1',
} as const;
