import { z } from 'zod';
import {
  codeSchema,
  decimalSchema,
  idSchema,
  idText,
  listQuery,
  pageOf,
} from '../../platform/http.js';
import { dateSchema } from '../../platform/validators.js';

const name = z.string().trim().min(1).max(100);
const note = z.string().trim().max(500).nullable().optional();
/** A unit price in 元 with up to four decimals; numeric(14, 4) holds ten digits before the point. */
const price = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, { message: 'validation.decimal' });
const floor = z.number().int().min(-10).max(200);

export const feeCategory = z.enum([
  'property_fee',
  'water',
  'electricity',
  'gas',
  'parking',
  'rent',
  'deposit',
  'other',
]);
export const feeCycle = z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly', 'one_off']);
export const billingMode = z.enum(['prepaid', 'postpaid']);
/** When a bill falls due: N days after the period starts or ends, or day D of its first month. */
export const dueRule = z.enum([
  'days_after_period_start',
  'days_after_period_end',
  'day_of_first_month',
]);
export const roundingMode = z.enum(['half_up', 'half_even', 'down', 'up', 'yuan']);
export const prorationMethod = z.enum(['actual_days', 'thirty_day_month', 'none']);
export const archiveStatus = z.enum(['active', 'archived']);
export const resourceKind = z.enum(['room', 'shop', 'parking_space', 'ad_space', 'storage']);
export const roomUse = z.enum(['residential', 'commercial', 'office']);
export const standardMethod = z.enum([
  'area_price',
  'fixed',
  'floor_coefficient',
  'usage_price',
  'tiered_usage',
  'rent_escalation',
  'parking_monthly',
  'parking_temporary',
  'custom_formula',
]);
export const priceScope = z.enum(['project', 'building', 'unit', 'floor_range', 'resource']);

/* ------------------------------------------------------------------ fee items */

/**
 * 违约金 settings. Off by default: a property company may charge one only when the service
 * contract provides for it, so enabling needs the clause (DOMAIN.md §4.1).
 */
export const lateFeeSettings = z.strictObject({
  enabled: z.boolean(),
  contractClauseRef: z.string().trim().max(200).nullable().optional(),
  startDate: dateSchema.nullable().optional(),
  /** A fraction per day: `0.0003` is 0.03 % a day. */
  ratePerDay: decimalSchema(6).optional(),
  graceDays: z.number().int().min(0).max(365).optional(),
  capKind: z.enum(['none', 'percent', 'fixed']).optional(),
  /** Percent of the principal, `20.00` for 20 %. */
  capPercent: decimalSchema(4).nullable().optional(),
  capFen: z.number().int().min(1).max(1_000_000_000_00).nullable().optional(),
});

const lateFeeOut = z.object({
  enabled: z.boolean(),
  contractClauseRef: z.string().nullable(),
  startDate: z.string().nullable(),
  ratePerDay: z.string(),
  graceDays: z.number().int(),
  capKind: z.enum(['none', 'percent', 'fixed']),
  capPercent: z.string().nullable(),
  capFen: z.number().int().nullable(),
});

export const feeItemSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  code: z.string(),
  name: z.string(),
  category: feeCategory,
  cycle: feeCycle,
  billingMode,
  dueRule,
  /** Days for the `days_after_…` rules, the day of the month for `day_of_first_month`. */
  dueValue: z.number().int(),
  roundingMode,
  proration: prorationMethod,
  taxRate: z.string(),
  lateFee: lateFeeOut,
  status: archiveStatus,
  note: z.string().nullable(),
  standardCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const feeItemListQuery = listQuery.extend({
  projectId: idText.optional(),
  category: feeCategory.optional(),
  cycle: feeCycle.optional(),
  status: archiveStatus.optional(),
});
export const feeItemPage = pageOf(feeItemSchema);

const feeItemFields = {
  code: codeSchema,
  name,
  category: feeCategory,
  cycle: feeCycle,
  billingMode,
  dueRule,
  dueValue: z.number().int().min(0).max(366),
  roundingMode: roundingMode.optional(),
  proration: prorationMethod.optional(),
  /** VAT rate as a fraction: `0.06`. */
  taxRate: decimalSchema(4).optional(),
  lateFee: lateFeeSettings.optional(),
  note,
};

export const createFeeItemBody = z.strictObject({ projectId: idSchema, ...feeItemFields });
export const updateFeeItemBody = z
  .strictObject({ ...feeItemFields, status: archiveStatus })
  .partial();

/* ------------------------------------------------------------ standard methods */

const areaBasis = z.enum(['building', 'inner']);
const meterType = z.enum(['water', 'electricity', 'gas', 'other']);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });

/** Floor bands of a coefficient scheme (楼层系数): floors from..to (to open on the last band). */
const floorBand = z.strictObject({
  floorFrom: floor,
  floorTo: floor.nullable(),
  coefficient: decimalSchema(4),
});

const tier = z.strictObject({
  /** The quantity this tier runs up to (inclusive); null on the last, open tier. */
  upTo: decimalSchema(4).nullable(),
  price,
});

const vehicleType = z.enum(['small_car', 'large_car', 'new_energy', 'motorcycle', 'other']);
const spaceType = z.enum(['standard', 'large', 'charging', 'mother_child']);

/** The parameters each method takes; the unit price of the priced methods lives in fee_price. */
export const methodParameters = {
  area_price: z.strictObject({ areaBasis }),
  fixed: z.strictObject({}),
  floor_coefficient: z.strictObject({
    areaBasis,
    bands: z.array(floorBand).min(1).max(50),
  }),
  usage_price: z.strictObject({ meterType }),
  tiered_usage: z.strictObject({
    meterType,
    /** Over which span the quantities of the tiers add up (阶梯 usually per year). */
    tierPeriod: z.enum(['month', 'year']),
    tiers: z.array(tier).min(1).max(10),
  }),
  rent_escalation: z.strictObject({
    basePrice: price,
    /** Rent per m² of this area per month, or a fixed monthly rent when `none`. */
    areaBasis: z.enum(['building', 'inner', 'none']),
    escalationPercent: decimalSchema(4),
    anniversaryMonth: z.number().int().min(1).max(12),
  }),
  parking_monthly: z.strictObject({
    prices: z.array(z.strictObject({ vehicleType, spaceType, price })).min(1).max(40),
  }),
  parking_temporary: z.strictObject({
    freeMinutes: z.number().int().min(0).max(1440),
    firstHourPrice: price,
    perHourPrice: price,
    dailyCap: price.nullable(),
    bands: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(20),
          start: clock,
          end: clock,
          perHourPrice: price,
        }),
      )
      .max(4),
    memberDiscounts: z
      .array(
        z.strictObject({
          level: z.string().trim().min(1).max(20),
          /** Percent off: `20.00` means the member pays 80 %. */
          percentOff: decimalSchema(2),
        }),
      )
      .max(10),
  }),
  custom_formula: z.strictObject({ formula: z.string().trim().min(1).max(500) }),
} satisfies Record<z.infer<typeof standardMethod>, z.ZodType>;

export type StandardMethod = z.infer<typeof standardMethod>;
export type MethodParameters = {
  [M in StandardMethod]: z.infer<(typeof methodParameters)[M]>;
};

/** Methods whose unit price is set by scope (fee_price); the others carry prices in parameters. */
export const PRICED_METHODS: readonly StandardMethod[] = [
  'area_price',
  'fixed',
  'floor_coefficient',
  'usage_price',
  'custom_formula',
];

/* ------------------------------------------------------------------ standards */

export const feeStandardSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  feeItemId: z.number().int(),
  feeItemName: z.string(),
  feeItemCode: z.string(),
  name: z.string(),
  method: standardMethod,
  parameters: z.record(z.string(), z.unknown()),
  resourceKinds: z.array(resourceKind),
  roomUse: roomUse.nullable(),
  status: archiveStatus,
  note: z.string().nullable(),
  bindingCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const feeStandardListQuery = listQuery.extend({
  projectId: idText.optional(),
  feeItemId: idText.optional(),
  method: standardMethod.optional(),
  status: archiveStatus.optional(),
});
export const feeStandardPage = pageOf(feeStandardSchema);

const standardFields = {
  name,
  /** The method's parameters; which fields depends on `method` (see the method schemas). */
  parameters: z.record(z.string(), z.unknown()),
  resourceKinds: z.array(resourceKind).min(1).max(5),
  roomUse: roomUse.nullable().optional(),
  note,
};

export const createFeeStandardBody = z.strictObject({
  feeItemId: idSchema,
  method: standardMethod,
  ...standardFields,
});
export const updateFeeStandardBody = z
  .strictObject({ ...standardFields, status: archiveStatus })
  .partial();

/* --------------------------------------------------------------------- prices */

export const feePriceSchema = z.object({
  id: z.number().int(),
  standardId: z.number().int(),
  scope: priceScope,
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  floorFrom: z.number().int().nullable(),
  floorTo: z.number().int().nullable(),
  resourceId: z.number().int().nullable(),
  resourceCode: z.string().nullable(),
  price: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  createdAt: z.string(),
});

export const feePriceListQuery = listQuery.extend({
  scope: priceScope.optional(),
  buildingId: idText.optional(),
  unitId: idText.optional(),
  /** Only the rows in force on this date, one per scope. */
  date: dateSchema.optional(),
});
export const feePricePage = pageOf(feePriceSchema);

const priceRow = z.strictObject({
  scope: priceScope,
  buildingId: idSchema.optional(),
  unitId: idSchema.optional(),
  floorFrom: floor.optional(),
  floorTo: floor.optional(),
  resourceId: idSchema.optional(),
  price,
});

export const setFeePricesBody = z.strictObject({
  effectiveFrom: dateSchema,
  /** The last day these prices apply; absent: until a later price replaces them. */
  effectiveTo: dateSchema.nullable().optional(),
  prices: z.array(priceRow).min(1).max(2000),
});
export const setFeePricesResult = z.object({ created: z.number().int() });

export const effectivePriceQuery = z.object({
  resourceId: idText,
  date: dateSchema,
});
export const effectivePriceSchema = z.object({
  standardId: z.number().int(),
  resourceId: z.number().int(),
  date: z.string(),
  /** Null when no price row covers the resource on that date. */
  price: z.string().nullable(),
  source: feePriceSchema.nullable(),
});

/* ------------------------------------------------------------------- bindings */

export const feeBindingSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  feeItemId: z.number().int(),
  feeItemName: z.string(),
  standardId: z.number().int(),
  standardName: z.string(),
  method: standardMethod,
  resourceId: z.number().int(),
  resourceKind,
  resourceCode: z.string(),
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const feeBindingListQuery = listQuery.extend({
  projectId: idText.optional(),
  feeItemId: idText.optional(),
  standardId: idText.optional(),
  buildingId: idText.optional(),
  resourceKind: resourceKind.optional(),
  /** In force on this date (started, not ended). */
  activeOn: dateSchema.optional(),
});
export const feeBindingPage = pageOf(feeBindingSchema);
export const resourceFeeBindings = z.object({ items: z.array(feeBindingSchema) });

export const createFeeBindingsBody = z.strictObject({
  standardId: idSchema,
  resourceIds: z.array(idSchema).min(1).max(1000),
  startDate: dateSchema,
  /** The last day charged (inclusive); absent: open-ended. */
  endDate: dateSchema.nullable().optional(),
  note,
});
export const createFeeBindingsResult = z.object({
  created: z.number().int(),
  items: z.array(feeBindingSchema),
});

/** Which resources a bulk binding takes: every applicable one of the project that matches. */
export const bindingTarget = z.strictObject({
  buildingId: idSchema.optional(),
  unitId: idSchema.optional(),
  resourceKind: resourceKind.optional(),
  floorFrom: floor.optional(),
  floorTo: floor.optional(),
  roomUse: roomUse.optional(),
  status: z.enum(['unsold', 'vacant', 'occupied', 'renovating', 'rented', 'sold']).optional(),
  /** Part of the resource code, as the room list searches. */
  q: z.string().trim().min(1).max(100).optional(),
});

export const createBindingBatchBody = z.strictObject({
  standardId: idSchema,
  target: bindingTarget,
  startDate: dateSchema,
  endDate: dateSchema.nullable().optional(),
  /** `refuse` (the default) answers 409 when any resource is bound already; `skip` leaves those. */
  onOverlap: z.enum(['refuse', 'skip']).optional(),
  note,
});
export const bindingBatchResult = z.object({
  matched: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
});

export const bindingBatchPreview = z.object({
  matched: z.number().int(),
  /** Of those, how many already carry the item on an overlapping day. */
  overlapping: z.number().int(),
});

export const endFeeBindingBody = z.strictObject({
  endDate: dateSchema,
  reason: z.string().trim().max(200).nullable().optional(),
});

export type FeeItemListQuery = z.infer<typeof feeItemListQuery>;
export type CreateFeeItemInput = z.infer<typeof createFeeItemBody>;
export type UpdateFeeItemInput = z.infer<typeof updateFeeItemBody>;
export type LateFeeInput = z.infer<typeof lateFeeSettings>;
export type FeeStandardListQuery = z.infer<typeof feeStandardListQuery>;
export type CreateFeeStandardInput = z.infer<typeof createFeeStandardBody>;
export type UpdateFeeStandardInput = z.infer<typeof updateFeeStandardBody>;
export type FeePriceListQuery = z.infer<typeof feePriceListQuery>;
export type SetFeePricesInput = z.infer<typeof setFeePricesBody>;
export type PriceRowInput = z.infer<typeof priceRow>;
export type FeeBindingListQuery = z.infer<typeof feeBindingListQuery>;
export type CreateFeeBindingsInput = z.infer<typeof createFeeBindingsBody>;
export type BindingTarget = z.infer<typeof bindingTarget>;
export type CreateBindingBatchInput = z.infer<typeof createBindingBatchBody>;
export type EndFeeBindingInput = z.infer<typeof endFeeBindingBody>;
