import type { Decimal } from 'decimal.js';
import { apportionFen, dec, type Fen } from '../../../platform/money.js';
import { invalidMeterInput, MeterCalcError } from './calc-error.js';
import { METER_DEFAULTS, type MeterType } from './defaults.js';

/**
 * How a shared amount is split (公摊, DOMAIN §2.6). BY_HOUSEHOLD and EQUAL both weigh each home 1
 * (DOMAIN's "by household"); CUSTOM takes the weight the project set, e.g. area × floor
 * coefficient (§1.3).
 */
export const SHARE_METHODS = [
  'BY_AREA',
  'BY_HOUSEHOLD',
  'EQUAL',
  'BY_HEADCOUNT',
  'BY_USAGE',
  'CUSTOM',
] as const;
export type ShareMethod = (typeof SHARE_METHODS)[number];

/** One home (or other payer) taking part in a share. */
export interface ShareParticipant {
  /** A stable key such as the room code: it orders ties for the leftover fen. */
  key: string;
  /** Building area in m² (BY_AREA). */
  area?: string | null;
  /** Registered or resident persons (BY_HEADCOUNT). */
  headcount?: string | number | null;
  /** The home's own metered usage in the same period (BY_USAGE). */
  usage?: string | null;
  /** The project's weight (CUSTOM). */
  weight?: string | null;
  vacant?: boolean;
}

export interface ShareOptions {
  method: ShareMethod;
  /**
   * What a vacant home's basis counts for (DOMAIN §9 default 1, e.g. 0.5). It applies to every
   * method except CUSTOM, whose weights are already what the project wants.
   */
  vacantWeight?: string;
}

/** Why a participant has no part in the share (DOMAIN §2.6: skipped and listed). */
export type ShareSkipReason = 'NO_AREA' | 'NO_HEADCOUNT' | 'NO_USAGE' | 'NO_WEIGHT';

/** One participant's weight: what the bill stores as the share basis and ratio. */
export interface ShareWeight {
  key: string;
  /** The participant's basis under the method (area, persons, usage, 1 or the custom weight). */
  basis: string;
  /** The basis × the vacant weight when vacant. */
  weight: string;
  /** weight ÷ Σ weights, to RATIO_DECIMALS places (exact parts use the exact ratio). */
  ratio: string;
  vacant: boolean;
}

export interface ShareWeights {
  method: ShareMethod;
  participants: ShareWeight[];
  skipped: { key: string; reason: ShareSkipReason }[];
  weightSum: string;
}

/** The ratio a bill shows and stores: 0.324982 is 32.4982%. */
export const RATIO_DECIMALS = 6;

/**
 * The weights of a share (DOMAIN §2.6 table): a participant without a basis for the method
 * (no area under BY_AREA, …) is skipped and listed, not given zero silently; a basis of zero
 * stays in with a zero part so the bill can say why. Negative bases are refused.
 */
export function shareWeights(
  participants: readonly ShareParticipant[],
  options: ShareOptions,
): ShareWeights {
  const vacantWeight = nonNegative(
    options.vacantWeight ?? METER_DEFAULTS.vacantWeight,
    'vacant weight',
  );
  const keys = new Set<string>();
  const weighed: { key: string; basis: Decimal; weight: Decimal; vacant: boolean }[] = [];
  const skipped: ShareWeights['skipped'] = [];

  for (const participant of participants) {
    if (keys.has(participant.key)) throw invalidMeterInput(`participant ${participant.key} twice`);
    keys.add(participant.key);
    const found = basisOf(participant, options.method);
    if ('reason' in found) {
      skipped.push({ key: participant.key, reason: found.reason });
      continue;
    }
    const vacant = participant.vacant === true;
    const factor = vacant && options.method !== 'CUSTOM' ? vacantWeight : dec(1);
    weighed.push({
      key: participant.key,
      basis: found.basis,
      weight: found.basis.times(factor),
      vacant,
    });
  }

  const sum = weighed.reduce((acc, entry) => acc.plus(entry.weight), dec(0));

  return {
    method: options.method,
    participants: weighed.map((entry) => ({
      key: entry.key,
      basis: entry.basis.toFixed(),
      weight: entry.weight.toFixed(),
      ratio: sum.isZero() ? '0' : entry.weight.div(sum).toFixed(RATIO_DECIMALS),
      vacant: entry.vacant,
    })),
    skipped,
    weightSum: sum.toFixed(),
  };
}

function basisOf(
  participant: ShareParticipant,
  method: ShareMethod,
): { basis: Decimal } | { reason: ShareSkipReason } {
  const given = (
    value: string | number | null | undefined,
    reason: ShareSkipReason,
    what: string,
  ): { basis: Decimal } | { reason: ShareSkipReason } =>
    value === null || value === undefined || value === ''
      ? { reason }
      : { basis: nonNegative(value, `${what} of ${participant.key}`) };

  switch (method) {
    case 'BY_AREA': {
      const found = given(participant.area, 'NO_AREA', 'area');
      // A home with no area recorded (0) cannot be shared by area: skip it, as DOMAIN says.
      return 'basis' in found && found.basis.isZero() ? { reason: 'NO_AREA' } : found;
    }
    case 'BY_HOUSEHOLD':
    case 'EQUAL':
      return { basis: dec(1) };
    case 'BY_HEADCOUNT':
      return given(participant.headcount, 'NO_HEADCOUNT', 'headcount');
    case 'BY_USAGE':
      return given(participant.usage, 'NO_USAGE', 'usage');
    case 'CUSTOM':
      return given(participant.weight, 'NO_WEIGHT', 'weight');
  }
}

function nonNegative(value: string | number, what: string): Decimal {
  let exact: Decimal;
  try {
    exact = dec(value);
  } catch {
    throw invalidMeterInput(`${what} is not a number: "${String(value)}"`);
  }
  if (exact.isNegative()) throw invalidMeterInput(`${what} must not be negative: ${String(value)}`);

  return exact;
}

/** A participant's part of a shared amount, with the basis and ratio the bill stores. */
export interface AmountShare extends ShareWeight {
  amountFen: Fen;
}

export interface AmountApportionment extends Omit<ShareWeights, 'participants'> {
  totalFen: Fen;
  parts: AmountShare[];
}

/**
 * Splits a shared amount of fen (DOMAIN §2.6, Example 2.7) by the largest-remainder method, so
 * the parts add up to the total exactly. The leftover fen go to the largest remainders; ties go
 * to the smaller key (room code), not to whoever came first in the list.
 */
export function apportionAmount(
  totalFen: Fen,
  participants: readonly ShareParticipant[],
  options: ShareOptions,
): AmountApportionment {
  if (!Number.isSafeInteger(totalFen))
    throw invalidMeterInput(`total is not whole fen: ${totalFen}`);
  const weights = shareWeights(participants, options);
  const parts = splitByKey(totalFen, weights);

  return {
    method: weights.method,
    totalFen,
    parts: weights.participants.map((entry, index) => ({ ...entry, amountFen: parts[index] })),
    skipped: weights.skipped,
    weightSum: weights.weightSum,
  };
}

/** A participant's part of a shared usage. */
export interface UsageShare extends ShareWeight {
  usage: string;
}

export interface UsageApportionment extends Omit<ShareWeights, 'participants'> {
  totalUsage: string;
  decimals: number;
  parts: UsageShare[];
}

/**
 * Splits a shared usage (e.g. 480 kWh) the same way, to `decimals` places: the total is counted
 * in units of 10^−decimals and those units are handed out by largest remainder, so the parts
 * still add up to the total exactly. A total with more places than `decimals` is refused rather
 * than rounded away.
 */
export function apportionUsage(
  totalUsage: string,
  decimals: number,
  participants: readonly ShareParticipant[],
  options: ShareOptions,
): UsageApportionment {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 6) {
    throw invalidMeterInput(`decimals must be a whole number from 0 to 6: ${decimals}`);
  }
  const unit = dec(10).pow(decimals);
  const units = nonNegative(totalUsage, 'shared usage').times(unit);
  if (!units.isInteger()) {
    throw invalidMeterInput(`shared usage ${totalUsage} has more than ${decimals} decimals`);
  }
  const weights = shareWeights(participants, options);
  const parts = splitByKey(units.toNumber(), weights);

  return {
    method: weights.method,
    totalUsage: dec(totalUsage).toFixed(),
    decimals,
    parts: weights.participants.map((entry, index) => ({
      ...entry,
      usage: dec(parts[index]).div(unit).toFixed(decimals),
    })),
    skipped: weights.skipped,
    weightSum: weights.weightSum,
  };
}

/** apportionFen over the participants sorted by key (the stable tie-break), back in list order. */
function splitByKey(total: number, weights: ShareWeights): number[] {
  if (total !== 0 && dec(weights.weightSum).isZero()) {
    throw new MeterCalcError('NO_WEIGHT', 'no participant has a weight to share by');
  }
  const order = weights.participants
    .map((entry, index) => ({ key: entry.key, index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sorted = apportionFen(
    total,
    order.map(({ index }) => weights.participants[index].weight),
  );
  const parts = new Array<number>(order.length);
  order.forEach(({ index }, position) => {
    parts[index] = sorted[position];
  });

  return parts;
}

/** What is done with the loss of a master meter (DOMAIN §2.6: configurable). */
export type LossTreatment = 'SHARE' | 'ABSORB';

/** Why a master meter's balance needs a look (DOMAIN §2.6, §2.7 "Loss rate"). */
export type LossAlert = 'ABOVE_THRESHOLD' | 'NEGATIVE';

export interface MeterBalance {
  master: string;
  privateUsage: string;
  publicUsage: string;
  /** master − Σ private − Σ public. */
  loss: string;
  /** loss ÷ master to RATIO_DECIMALS places (0.016 is 1.60%); null when the master read 0. */
  lossRate: string | null;
  threshold: string;
  alert: LossAlert | null;
  /** Public usage, plus the loss when it is shared. */
  shareable: string;
}

/**
 * The balance of one master meter (总表, DOMAIN §2.6):
 * `loss = master − Σ private − Σ public`, `lossRate = loss ÷ master`; an alert when the rate is
 * above the threshold (strictly: exactly at it is not an alert) or the loss is negative (a
 * sub-meter over-reads or is faulty). The shareable usage is the public usage plus the loss when
 * it is shared, or the public usage alone when it is absorbed; a negative loss is never shared,
 * since it would take usage away from the public meters.
 */
export function computeMeterBalance(input: {
  master: string;
  privateUsages: readonly string[];
  publicUsages: readonly string[];
  meterType: MeterType;
  lossTreatment?: LossTreatment;
  /** The project's threshold; the DOMAIN §9 default for the meter type otherwise. */
  lossRateAlert?: string;
}): MeterBalance {
  const master = nonNegative(input.master, 'master usage');
  const sum = (values: readonly string[], what: string) =>
    values.reduce((acc, value) => acc.plus(nonNegative(value, what)), dec(0));
  const privateUsage = sum(input.privateUsages, 'private sub-meter usage');
  const publicUsage = sum(input.publicUsages, 'public sub-meter usage');
  const loss = master.minus(privateUsage).minus(publicUsage);
  const threshold = nonNegative(
    input.lossRateAlert ?? METER_DEFAULTS.lossRateAlert[input.meterType],
    'loss rate threshold',
  );
  const rate = master.isZero() ? null : loss.div(master);

  let alert: LossAlert | null = null;
  if (loss.isNegative()) alert = 'NEGATIVE';
  else if (rate !== null && rate.greaterThan(threshold)) alert = 'ABOVE_THRESHOLD';

  const shared = (input.lossTreatment ?? 'SHARE') === 'SHARE' && loss.isPositive() ? loss : dec(0);

  return {
    master: master.toFixed(),
    privateUsage: privateUsage.toFixed(),
    publicUsage: publicUsage.toFixed(),
    loss: loss.toFixed(),
    lossRate: rate === null ? null : rate.toFixed(RATIO_DECIMALS),
    threshold: threshold.toFixed(),
    alert,
    shareable: publicUsage.plus(shared).toFixed(),
  };
}
