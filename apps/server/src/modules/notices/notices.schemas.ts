import { z } from 'zod';
import { idText, listQuery, pageOf, queryFlag } from '../../platform/http.js';
import { dateSchema } from '../../platform/validators.js';

export const noticeChannel = z.enum(['in_app', 'sms', 'email']);
export const deliveryStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']);

/* ------------------------------------------------------------------ kinds and templates */

const variableSchema = z.object({
  name: z.string(),
  zh: z.string(),
  en: z.string(),
  sample: z.string(),
});

const templateText = z.object({ subject: z.string().nullable(), body: z.string() });

export const noticeKindsSchema = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      zh: z.string(),
      en: z.string(),
      variables: z.array(variableSchema),
      defaults: z.object({ in_app: templateText, sms: templateText, email: templateText }),
    }),
  ),
});

export const noticeTemplateSchema = z.object({
  /** Null for a built-in default the project has not replaced. */
  id: z.number().int().nullable(),
  projectId: z.number().int(),
  kind: z.string(),
  channel: noticeChannel,
  subject: z.string().nullable(),
  body: z.string(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const noticeTemplateList = z.object({ items: z.array(noticeTemplateSchema) });

const subject = z.string().trim().min(1).max(200);
const body = z.string().trim().min(1).max(2000);

export const saveNoticeTemplateBody = z.strictObject({
  kind: z.string().trim().min(1).max(50),
  channel: noticeChannel,
  /** Required for in-app messages and e-mail; SMS has none. */
  subject: subject.nullable().optional(),
  body,
});

export type SaveNoticeTemplateInput = z.infer<typeof saveNoticeTemplateBody>;

export const previewNoticeTemplateBody = z.strictObject({
  kind: z.string().trim().min(1).max(50),
  subject: z.string().max(200).nullable().optional(),
  body: z.string().max(2000),
  /** Values to render with; absent: the kind's sample values. */
  variables: z.record(z.string(), z.string().max(500)).optional(),
});

export type PreviewNoticeTemplateInput = z.infer<typeof previewNoticeTemplateBody>;

export const noticePreviewSchema = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  /** Placeholders without a value (rendered as nothing). */
  missing: z.array(z.string()),
  /** Placeholders that the kind does not know. */
  unknown: z.array(z.string()),
});

/* ------------------------------------------------------------------ deliveries */

export const deliveryListQuery = listQuery.extend({
  projectId: idText.optional(),
  channel: noticeChannel.optional(),
  status: deliveryStatus.optional(),
  kind: z.string().max(50).optional(),
  sourceType: z.string().max(50).optional(),
  sourceId: idText.optional(),
  personId: idText.optional(),
  /** Business dates (Asia/Shanghai), both inclusive. */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

export const deliverySchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  kind: z.string(),
  sourceType: z.string(),
  sourceId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  channel: noticeChannel,
  /** Mobile (masked without the people view-sensitive permission) or e-mail address. */
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  status: deliveryStatus,
  /**
   * Why it was skipped (`no_phone`, `no_email`, `no_smtp`) or failed (`missing_variables`,
   * `no_template`, `gateway_error`, `interrupted`); `error` holds the details.
   */
  reason: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const deliveryPage = pageOf(deliverySchema);

/* ------------------------------------------------------------------ messages */

export const messageListQuery = listQuery.extend({
  projectId: idText.optional(),
  personId: idText.optional(),
  unread: queryFlag.optional(),
});

export type MessageListQuery = z.infer<typeof messageListQuery>;

export const messageSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  personId: z.number().int(),
  personName: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.number().int().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const messagePage = pageOf(messageSchema);
