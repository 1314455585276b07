import { z } from 'zod';
import { listQuery, pageOf } from '../../platform/http.js';

/** What a custom field (自定义字段) belongs to; `owner` and `tenant` fields both sit on a person. */
export const customFieldEntity = z.enum([
  'room',
  'shop',
  'parking_space',
  'ad_space',
  'storage',
  'owner',
  'tenant',
]);
export const customFieldType = z.enum(['text', 'number', 'date', 'single', 'multiple', 'boolean']);
export const customFieldStatus = z.enum(['active', 'archived']);

/** Keys are what lists filter by (`cf.<key>`): lower-case letters, digits and _. */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * One choice of a single or multiple choice field. Separators and quotes are kept out, so a
 * cell of an import can list several choices and the stored JSON can be searched.
 */
const option = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^,，、;；"\\]+$/, { message: 'validation.option_text' });

export const customFieldSchema = z.object({
  id: z.number().int(),
  entity: customFieldEntity,
  key: z.string(),
  label: z.string(),
  type: customFieldType,
  options: z.array(z.string()),
  required: z.boolean(),
  sortOrder: z.number().int(),
  status: customFieldStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const customFieldListQuery = listQuery.extend({
  entity: customFieldEntity.optional(),
  status: customFieldStatus.optional(),
});
export const customFieldPage = pageOf(customFieldSchema);

const label = z.string().trim().min(1).max(30);
const options = z.array(option).max(100);

export const createCustomFieldBody = z.strictObject({
  entity: customFieldEntity,
  /** Made from the label when left out. */
  key: z.string().trim().regex(FIELD_KEY, { message: 'validation.field_key' }).optional(),
  label,
  type: customFieldType,
  /** The choices of a single or multiple choice field; none for the other types. */
  options: options.optional(),
  required: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});

/** Entity, key and type stay as created: stored values and saved filters depend on them. */
export const updateCustomFieldBody = z.strictObject({
  label: label.optional(),
  options: options.optional(),
  required: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  status: customFieldStatus.optional(),
});

/* values, as other modules' bodies and answers carry them */

/**
 * What a request may give for one field: text, a decimal (as a string or a number), a date
 * `YYYY-MM-DD`, a choice, a list of choices, true/false; null clears the value.
 */
export const customFieldInputValue = z.union([
  z.string().max(2000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(50)).max(100),
  z.null(),
]);

/** `customFields` of a create or update body: values by field key. */
export const customFieldsInput = z.record(z.string().max(40), customFieldInputValue);

/** Values by key, one per active field: numbers as decimal strings, null when empty. */
export const customFieldValues = z.record(
  z.string(),
  z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]),
);

/** Lists that filter by custom fields take `cf.<key>=value` beside their own parameters. */
export function withCustomFieldFilters<Shape extends z.core.$ZodShape>(schema: z.ZodObject<Shape>) {
  return schema.loose();
}

export type CustomFieldEntity = z.infer<typeof customFieldEntity>;
export type CustomFieldType = z.infer<typeof customFieldType>;
export type CustomFieldListQuery = z.infer<typeof customFieldListQuery>;
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldBody>;
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldBody>;
export type CustomFieldsInput = z.infer<typeof customFieldsInput>;
export type CustomFieldValues = z.infer<typeof customFieldValues>;
