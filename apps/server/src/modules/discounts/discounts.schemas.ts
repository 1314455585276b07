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
const months = z.number().int().min(1).max(120);
/** Fen up to ¥10,000,000: more than any reduction a property company grants. */
const fen = z.number().int().min(1).max(1_000_000_000);
/** The share the payer still pays: `0.95` is 95 % (9.5 折); `0` waives the amount. */
const rate = decimalSchema(4);

export const discountKind = z.enum([
  'free_months',
  'percent_for_months',
  'fixed_reduction',
  'loyalty',
  'vacancy',
  'deferral',
]);
export const archiveStatus = z.enum(['active', 'archived']);

/**
 * The parameters of each kind. Rates and amounts that are alternatives (loyalty, vacancy) are
 * both optional here; the service asks for exactly one.
 */
export const kindParameters = {
  /** 赠送月份: pay `payMonths`, get `freeMonths` more free. */
  free_months: z.strictObject({
    payMonths: months,
    freeMonths: z.number().int().min(1).max(24),
  }),
  /** 折扣: paying at least `minMonths` at once pays `rate`, unless arrears exceed the limit. */
  percent_for_months: z.strictObject({
    minMonths: months,
    rate,
    maxArrearsMonths: z.number().int().min(0).max(120).nullable().optional(),
  }),
  /** 固定减免: an amount off the payment, optionally only from `minMonths`. */
  fixed_reduction: z.strictObject({
    amountFen: fen,
    minMonths: months.nullable().optional(),
  }),
  /** 老业主优惠: owners who moved in on or before `movedInBy` pay a rate or get an amount off. */
  loyalty: z.strictObject({
    movedInBy: dateSchema,
    rate: rate.nullable().optional(),
    amountFen: fen.nullable().optional(),
  }),
  /** 空置房优惠: a vacant month pays a rate, or gets an amount off. */
  vacancy: z.strictObject({
    rate: rate.nullable().optional(),
    amountFenPerMonth: fen.nullable().optional(),
  }),
  /** 缓缴: a new due date, or a number of days after the day it is granted. */
  deferral: z.strictObject({
    newDueDate: dateSchema.nullable().optional(),
    deferDays: z.number().int().min(1).max(366).nullable().optional(),
  }),
} satisfies Record<z.infer<typeof discountKind>, z.ZodType>;

export type DiscountKindName = z.infer<typeof discountKind>;
export type KindParameters = { [K in DiscountKindName]: z.infer<(typeof kindParameters)[K]> };

export const discountSchemeSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: discountKind,
  parameters: z.record(z.string(), z.unknown()),
  /** Null: every fee item of the project. */
  feeItemIds: z.array(z.number().int()).nullable(),
  feeItems: z.array(z.object({ id: z.number().int(), name: z.string() })),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  priority: z.number().int(),
  status: archiveStatus,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const discountSchemeListQuery = listQuery.extend({
  projectId: idText.optional(),
  kind: discountKind.optional(),
  status: archiveStatus.optional(),
  /** Schemes that apply to this fee item, including those for every item. */
  feeItemId: idText.optional(),
  /** Schemes valid on this date. */
  validOn: dateSchema.optional(),
});
export const discountSchemePage = pageOf(discountSchemeSchema);

const schemeFields = {
  code: codeSchema,
  name,
  /** The kind's parameters; which fields depends on `kind` (see the kind schemas). */
  parameters: z.record(z.string(), z.unknown()),
  /** Fee items the scheme applies to; null or absent: all of the project's items. */
  feeItemIds: z.array(idSchema).min(1).max(200).nullable().optional(),
  validFrom: dateSchema,
  /** The last day the scheme applies; absent: open-ended. */
  validTo: dateSchema.nullable().optional(),
  /** Order among schemes of the same stage (rates, fixed amounts…); lower first. */
  priority: z.number().int().min(0).max(999).optional(),
  note,
};

export const createDiscountSchemeBody = z.strictObject({
  projectId: idSchema,
  kind: discountKind,
  ...schemeFields,
});
export const updateDiscountSchemeBody = z
  .strictObject({ ...schemeFields, status: archiveStatus })
  .partial();

/* ------------------------------------------------------------------ proposals */

const proposalLine = z.strictObject({
  /** The bill line's id or period label; reductions refer to it. */
  key: z.string().trim().min(1).max(50),
  amountFen: z.number().int().min(0).max(1_000_000_000),
  /** The unrounded amount in yuan, so a vacancy rate applies before rounding. */
  exactYuan: decimalSchema(8).optional(),
  vacant: z.boolean().optional(),
  /** The month the line is for, `YYYY-MM` (or its first day); free months are the latest. */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { message: 'validation.period' }),
});

export const proposeDiscountsBody = z.strictObject({
  projectId: idSchema,
  feeItemId: idSchema,
  lines: z.array(proposalLine).min(1).max(120),
  payer: z.strictObject({ movedInOn: dateSchema.nullable().optional() }).optional(),
  /** Months the payer is in arrears, for schemes that exclude payers in arrears. */
  arrearsMonths: z.number().int().min(0).max(600).optional(),
  /** The day of the payment; only schemes valid on it apply. */
  on: dateSchema,
  /** Only these schemes (each must apply); absent: every scheme that applies. */
  schemeIds: z.array(idSchema).min(1).max(50).optional(),
});

const calcKind = z.enum([
  'FREE_MONTHS',
  'PERCENT_FOR_MONTHS',
  'FIXED_REDUCTION',
  'LOYALTY',
  'VACANCY',
  'DEFERRAL',
]);
/** One reduction; `ruleId` is the scheme's id, `kind` the calculation's name of its rule. */
const reduction = z.object({
  ruleId: z.number().int(),
  kind: calcKind,
  amountFen: z.number().int(),
});

export const proposedDiscountsSchema = z.object({
  lines: z.array(
    z.object({
      key: z.string(),
      amountFen: z.number().int(),
      reductions: z.array(reduction),
      netFen: z.number().int(),
    }),
  ),
  reductions: z.array(reduction),
  skipped: z.array(
    z.object({
      ruleId: z.number().int(),
      reason: z.enum(['TOO_FEW_MONTHS', 'ARREARS', 'NOT_LONG_TIME_OWNER', 'NO_VACANT_LINES']),
    }),
  ),
  dueDateChanges: z.array(z.object({ ruleId: z.number().int(), newDueDate: z.string() })),
  receivableFen: z.number().int(),
  reductionFen: z.number().int(),
  netFen: z.number().int(),
  schemes: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })),
});

export type DiscountSchemeListQuery = z.infer<typeof discountSchemeListQuery>;
export type CreateDiscountSchemeInput = z.infer<typeof createDiscountSchemeBody>;
export type UpdateDiscountSchemeInput = z.infer<typeof updateDiscountSchemeBody>;
export type ProposeDiscountsInput = z.infer<typeof proposeDiscountsBody>;
