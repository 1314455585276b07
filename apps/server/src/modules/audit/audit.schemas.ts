import { z } from 'zod';
import { idText, listQuery, pageOf } from '../../platform/http.js';

/** A calendar date, or an instant in UTC; `2026-02-30` and `T25:00Z` are not. */
const instantOrDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, { message: 'validation.date' })
  .refine(isRealDateOrInstant, { message: 'validation.date' });

function isRealDateOrInstant(value: string): boolean {
  const time = Date.parse(value.includes('T') ? value : `${value}T00:00:00Z`);

  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value.slice(0, 10);
}

export const auditListQuery = listQuery.extend({
  actorId: idText.optional(),
  projectId: idText.optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  from: instantOrDate.optional(),
  to: instantOrDate.optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  projectId: z.number().int().nullable(),
  actorKind: z.enum(['employee', 'platform', 'system']),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});

export const auditPage = pageOf(auditEntrySchema);

export type AuditListQuery = z.infer<typeof auditListQuery>;
