import { z } from 'zod';
import { idSchema, idText, listQuery, pageOf, queryFlag } from '../../platform/http.js';
import { dateSchema } from '../../platform/validators.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.month' });
const reason = z.string().trim().min(2).max(200);
/** Fen, up to ¥100,000,000.00 on one bill. */
const fen = z.number().int().max(10_000_000_000);

export const billStatus = z.enum(['unpaid', 'partially_paid', 'paid', 'void']);
export const billKind = z.enum(['periodic', 'temporary', 'late_fee']);
export const billEntryKind = z.enum(['payment', 'reduction', 'offset', 'void', 'deferral']);
export const billRunStatus = z.enum(['queued', 'running', 'completed', 'cancelled', 'failed']);

/* ---------------------------------------------------------------------- runs */

export const billRunBody = z
  .strictObject({
    projectId: idSchema,
    fromMonth: month,
    toMonth: month,
    feeItemIds: z.array(idSchema).min(1).max(50),
    /** Only the resources of these buildings; omitted: the whole project. */
    buildingIds: z.array(idSchema).min(1).max(500).optional(),
    /** Queue a notice to each payer once the bills exist. */
    notify: z.boolean().default(true),
  })
  .refine((body) => body.toMonth >= body.fromMonth, {
    path: ['toMonth'],
    message: 'validation.end_before_start',
  })
  .refine((body) => monthsBetween(body.fromMonth, body.toMonth) <= 12, {
    path: ['toMonth'],
    message: 'validation.run_too_long',
  });

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);

  return (ty - fy) * 12 + (tm - fm) + 1;
}

export type BillRunInput = z.infer<typeof billRunBody>;

const warning = z.object({
  code: z.string(),
  count: z.number().int(),
  /** Up to ten examples: the resource and the period. */
  examples: z.array(z.object({ resourceCode: z.string(), detail: z.string() })),
});

const sampleLine = z.object({
  resourceCode: z.string(),
  feeItemName: z.string(),
  periodLabel: z.string(),
  payerName: z.string().nullable(),
  amountFen: z.number().int(),
  calculation: z.string(),
});

export const billRunPreview = z.object({
  billCount: z.number().int(),
  totalFen: z.number().int(),
  /** Bills of these periods that exist already and will be left as they are. */
  existingCount: z.number().int(),
  resourceCount: z.number().int(),
  byItem: z.array(
    z.object({
      feeItemId: z.number().int(),
      feeItemName: z.string(),
      billCount: z.number().int(),
      totalFen: z.number().int(),
    }),
  ),
  warnings: z.array(warning),
  sample: z.array(sampleLine),
});

export const billRunSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  feeItemIds: z.array(z.number().int()),
  feeItemNames: z.array(z.string()),
  buildingIds: z.array(z.number().int()).nullable(),
  notify: z.boolean(),
  status: billRunStatus,
  cancelRequested: z.boolean(),
  jobId: z.number().int().nullable(),
  progress: z.number().int(),
  total: z.number().int(),
  billCount: z.number().int(),
  totalFen: z.number().int(),
  skippedCount: z.number().int(),
  error: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const billRunListQuery = listQuery.extend({
  projectId: idText.optional(),
  status: billRunStatus.optional(),
});

export const billRunPage = pageOf(billRunSchema);

/* --------------------------------------------------------------------- bills */

export const billSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  resourceId: z.number().int(),
  resourceCode: z.string(),
  resourceKind: z.string(),
  feeItemId: z.number().int(),
  feeItemName: z.string(),
  feeCategory: z.string(),
  standardId: z.number().int().nullable(),
  billRunId: z.number().int().nullable(),
  kind: billKind,
  periodKey: z.string().nullable(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  payerPersonId: z.number().int().nullable(),
  payerName: z.string().nullable(),
  amountFen: z.number().int(),
  chargedFen: z.number().int(),
  paidFen: z.number().int(),
  reducedFen: z.number().int(),
  offsetFen: z.number().int(),
  outstandingFen: z.number().int(),
  status: billStatus,
  overdue: z.boolean(),
  description: z.string().nullable(),
  createdAt: z.string(),
});

export const billEntrySchema = z.object({
  id: z.number().int(),
  kind: billEntryKind,
  amountFen: z.number().int(),
  entryDate: z.string(),
  newDueDate: z.string().nullable(),
  reason: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const billDetailSchema = billSchema.extend({
  /** How the amount was computed, as stored when the bill was made. */
  calculation: z.unknown(),
  /** The same as a sentence in the caller's language. */
  calculationText: z.string(),
  entries: z.array(billEntrySchema),
  /** 滞纳金 accrued up to today when the item has one enabled; null otherwise. */
  lateFee: z
    .object({ asOf: z.string(), amountFen: z.number().int(), calculation: z.string() })
    .nullable(),
});

export const billListQuery = listQuery.extend({
  projectId: idText.optional(),
  buildingId: idText.optional(),
  resourceId: idText.optional(),
  feeItemId: idText.optional(),
  payerPersonId: idText.optional(),
  billRunId: idText.optional(),
  /** Bills whose period starts in these months, `YYYY-MM`. */
  fromMonth: month.optional(),
  toMonth: month.optional(),
  status: billStatus.optional(),
  kind: billKind.optional(),
  /** Only bills past their due date with something still owed. */
  overdue: queryFlag.optional(),
});

export type BillListQuery = z.infer<typeof billListQuery>;

export const billPage = pageOf(billSchema).extend({
  /** Sums over every bill the filter matches, not only this page. */
  totals: z.object({
    chargedFen: z.number().int(),
    paidFen: z.number().int(),
    reducedFen: z.number().int(),
    offsetFen: z.number().int(),
    outstandingFen: z.number().int(),
  }),
});

export const temporaryBillBody = z.strictObject({
  resourceId: idSchema,
  feeItemId: idSchema,
  amountFen: fen.min(1),
  /** What the charge is for, e.g. 维修费：更换水龙头. */
  description: z.string().trim().min(2).max(200),
  periodStart: dateSchema.optional(),
  periodEnd: dateSchema.optional(),
  dueDate: dateSchema,
});

export type TemporaryBillInput = z.infer<typeof temporaryBillBody>;

export const voidBillBody = z.strictObject({ reason });
