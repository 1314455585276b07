import type { Database } from '../../db/database.js';
import type { ResourceKind } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import {
  AppError,
  type FieldIssue,
  alreadyExists,
  invalidField,
  notFound,
} from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import { requireActor, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type { ExportColumn } from '../../platform/xlsx.js';
import type {
  CreateCustomFieldInput,
  CustomFieldEntity,
  CustomFieldListQuery,
  CustomFieldType,
  CustomFieldValues,
  CustomFieldsInput,
  UpdateCustomFieldInput,
} from './custom-fields.schemas.js';
import * as repo from './custom-fields.repository.js';
import {
  type CustomFieldDef,
  type Encoded,
  decodeValue,
  displayValue,
  encodeValue,
  parseFilter,
} from './custom-values.js';

export type { CustomFieldDef } from './custom-values.js';
export type { CustomValueFilter } from './custom-fields.repository.js';

/**
 * What carries custom values: a resource of one kind, or a person, who shows the owner fields
 * and the tenant fields alike (a person's role comes from links made later, so both apply).
 */
export type CustomFieldTarget = ResourceKind | 'person';

type FieldRow = NonNullable<Awaited<ReturnType<typeof repo.findField>>>;
export type CustomField = CustomFieldDef & { createdAt: string; updatedAt: string };

const CHOICE_TYPES: readonly CustomFieldType[] = ['single', 'multiple'];

export function entitiesOf(target: CustomFieldTarget): CustomFieldEntity[] {
  return target === 'person' ? ['owner', 'tenant'] : [target];
}

/** Owner and tenant fields share one person, so they share keys and labels too. */
function entitiesSharing(entity: CustomFieldEntity): CustomFieldEntity[] {
  return entity === 'owner' || entity === 'tenant' ? ['owner', 'tenant'] : [entity];
}

function toField(row: FieldRow): CustomField {
  return {
    ...row,
    options: JSON.parse(row.options) as string[],
    required: Number(row.required) === 1,
  };
}

/* -------------------------------------------------------------- definitions */

/** The company's custom fields; a platform administrator belongs to no company and sees none. */
export async function listCustomFields(
  db: Database,
  ctx: RequestContext,
  query: CustomFieldListQuery,
): Promise<Page<CustomField>> {
  const { orgId } = requireActor(ctx);
  const paging = { page: query.page, pageSize: query.pageSize };
  if (orgId === null) return { items: [], total: 0, ...paging };

  const { items, total } = await repo.listFields(db, orgId, {
    ...query,
    entities: query.entity && [query.entity],
  });

  return { items: items.map(toField), total, ...paging };
}

export async function getCustomField(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<CustomField> {
  const row = await repo.findField(db, scopeOf(ctx).orgId, id);
  if (!row) throw notFound('custom_field');

  return toField(row);
}

/** Choice fields need a list of distinct choices; other types take none. */
function checkOptions(type: CustomFieldType, options: string[] | undefined): void {
  const choices = options ?? [];
  if (!CHOICE_TYPES.includes(type)) {
    if (choices.length > 0) throw invalidField('options', 'validation.options_not_allowed');
    return;
  }
  if (choices.length === 0) throw invalidField('options', 'validation.options_required');
  // Compared without letter case: SQLite's LIKE, which filters multiple choices, ignores it.
  const folded = choices.map((choice) => choice.toLowerCase());
  if (new Set(folded).size !== folded.length) throw invalidField('options', 'validation.duplicate');
}

/** A key made from the label: `Floor heating` gives `floor_heating`, Chinese labels `field_2`. */
function keyFromLabel(label: string, taken: Set<string>): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32);
  const base = /^[a-z]/.test(slug) ? slug : slug ? `f_${slug}` : 'field';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;

  return key;
}

function labelTaken(siblings: FieldRow[], label: string, exceptId?: number): boolean {
  const folded = label.toLowerCase();

  return siblings.some((f) => f.id !== exceptId && f.label.toLowerCase() === folded);
}

/** Defines a custom field (自定义字段) of rooms, shops, parking, ad spaces, storage or people. */
export async function createCustomField(
  db: Database,
  ctx: RequestContext,
  input: CreateCustomFieldInput,
): Promise<CustomField> {
  const { orgId } = scopeOf(ctx);
  checkOptions(input.type, input.options);

  const id = await inTransaction(db, async (tx) => {
    const siblings = await repo.fieldsOf(tx, orgId, { entities: entitiesSharing(input.entity) });
    const keys = new Set(siblings.map((f) => f.key));
    if (input.key && keys.has(input.key)) throw alreadyExists('key');
    if (labelTaken(siblings, input.label)) throw alreadyExists('label');

    const at = nowInstant();
    const fieldId = await repo.insertField(tx, {
      org_id: orgId,
      entity: input.entity,
      field_key: input.key ?? keyFromLabel(input.label, keys),
      label: input.label,
      field_type: input.type,
      options: JSON.stringify(input.options ?? []),
      required: input.required ? 1 : 0,
      sort_order: input.sortOrder ?? 0,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'custom_field.create',
      entityType: 'custom_field',
      entityId: fieldId,
      after: toField((await repo.findField(tx, orgId, fieldId))!),
    });

    return fieldId;
  });

  return getCustomField(db, ctx, id);
}

/** A choice that records still hold cannot be taken out of the list. */
async function checkRemovedChoices(tx: Database, before: CustomField, options: string[]) {
  if (before.type !== 'single' && before.type !== 'multiple') return;

  for (const choice of before.options.filter((option) => !options.includes(option))) {
    if (await repo.choiceInUse(tx, { id: before.id, type: before.type }, choice)) {
      throw invalidField('options', 'validation.option_in_use', { option: choice });
    }
  }
}

/**
 * Edits a field's label, choices, order or whether it is required, or archives it: an archived
 * field keeps its values but leaves forms, lists, templates and checks until it is active again.
 */
export async function updateCustomField(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateCustomFieldInput,
): Promise<CustomField> {
  const { orgId } = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const row = await repo.findField(tx, orgId, id);
    if (!row) throw notFound('custom_field');
    const before = toField(row);
    if (input.options) {
      checkOptions(before.type, input.options);
      await checkRemovedChoices(tx, before, input.options);
    }
    if (input.label) {
      const siblings = await repo.fieldsOf(tx, orgId, { entities: entitiesSharing(before.entity) });
      if (labelTaken(siblings, input.label, id)) throw alreadyExists('label');
    }

    await repo.updateField(tx, id, {
      label: input.label,
      options: input.options && JSON.stringify(input.options),
      required: input.required === undefined ? undefined : input.required ? 1 : 0,
      sort_order: input.sortOrder,
      status: input.status,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'custom_field.update',
      entityType: 'custom_field',
      entityId: id,
      before,
      after: toField((await repo.findField(tx, orgId, id))!),
    });
  });

  return getCustomField(db, ctx, id);
}

/* ------------------------------------------------------------------- values */

/** The active fields of a resource kind or of people, in the order forms show them. */
export async function activeFields(
  db: Database,
  orgId: number,
  target: CustomFieldTarget,
): Promise<CustomFieldDef[]> {
  const rows = await repo.fieldsOf(db, orgId, { entities: entitiesOf(target), status: 'active' });

  return rows.map(toField);
}

/**
 * Checks a body's `customFields` against the active fields: an unknown key, a value of the wrong
 * type or outside the choices, and (on create, or when cleared) a missing required value are
 * each a detail `customFields.<key>`. Answers what to store by field id (null: remove).
 */
export function checkCustomValues(
  fields: CustomFieldDef[],
  values: CustomFieldsInput,
  creating: boolean,
): Map<number, string | null> {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const details: FieldIssue[] = [];
  const checked = new Map<number, string | null>();

  for (const [key, input] of Object.entries(values)) {
    const field = byKey.get(key);
    const encoded = field
      ? encodeValue(field, input)
      : { ok: false as const, message: 'validation.unknown_custom_field' };
    if (!encoded.ok) {
      details.push({
        field: `customFields.${key}`,
        message: encoded.message,
        params: encoded.params,
      });
    } else if (field) {
      checked.set(field.id, encoded.value);
    }
  }
  for (const field of fields.filter((f) => f.required)) {
    const missing = creating ? !checked.get(field.id) : checked.get(field.id) === null;
    if (missing)
      details.push({ field: `customFields.${field.key}`, message: 'validation.required' });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });

  return checked;
}

/**
 * Checks and stores the custom values of one record; call it inside the transaction that
 * writes the record, so a refused value leaves nothing behind.
 */
export async function saveCustomValues(
  tx: Database,
  record: {
    orgId: number;
    target: CustomFieldTarget;
    entityId: number;
    values: CustomFieldsInput | undefined;
    creating: boolean;
  },
): Promise<void> {
  if (!record.creating && record.values === undefined) return;

  const fields = await activeFields(tx, record.orgId, record.target);
  const checked = checkCustomValues(fields, record.values ?? {}, record.creating);
  await writeCustomValues(
    tx,
    record.orgId,
    [...checked].map(([fieldId, value]) => ({ fieldId, entityId: record.entityId, value })),
  );
}

/** Stores or removes values that were checked already (an import checks its rows itself). */
export async function writeCustomValues(
  tx: Database,
  orgId: number,
  changes: { fieldId: number; entityId: number; value: string | null }[],
): Promise<void> {
  for (const change of changes) {
    if (change.value === null) await repo.deleteValue(tx, change.fieldId, change.entityId);
    else await repo.upsertValue(tx, { orgId, ...change, value: change.value });
  }
}

/** Stored values as text, by `fieldId:entityId`, to compare an import with. */
export async function storedValues(
  db: Database,
  fields: CustomFieldDef[],
  entityIds: number[],
): Promise<Map<string, string>> {
  const rows = await repo.valuesOf(
    db,
    fields.map((f) => f.id),
    entityIds,
  );

  return new Map(rows.map((row) => [`${row.fieldId}:${row.entityId}`, row.value]));
}

/** Each record's values of the active fields, every field present (null when empty). */
export async function customValuesOf(
  db: Database,
  orgId: number,
  target: CustomFieldTarget,
  ids: number[],
): Promise<Map<number, CustomFieldValues>> {
  const fields = await activeFields(db, orgId, target);
  const stored = await storedValues(db, fields, ids);

  return new Map(
    ids.map((id) => {
      const values: CustomFieldValues = {};
      for (const field of fields) {
        const value = stored.get(`${field.id}:${id}`);
        values[field.key] = value === undefined ? null : decodeValue(field, value);
      }
      return [id, values];
    }),
  );
}

/** Adds `customFields` to each record of a page or a detail. */
export async function withCustomFields<T extends { id: number }>(
  db: Database,
  orgId: number,
  target: CustomFieldTarget,
  items: T[],
): Promise<(T & { customFields: CustomFieldValues })[]> {
  const values = await customValuesOf(
    db,
    orgId,
    target,
    items.map((item) => item.id),
  );

  return items.map((item) => ({ ...item, customFields: values.get(item.id) ?? {} }));
}

/**
 * The `cf.<key>=value` parameters of a list query, checked against the active fields: exact
 * match, or for a multiple choice field, records whose choices include the value.
 */
export async function customFieldFilters(
  db: Database,
  orgId: number,
  target: CustomFieldTarget,
  query: object,
): Promise<repo.CustomValueFilter[]> {
  const params = Object.entries(query).filter(
    ([name, value]) => name.startsWith('cf.') && value !== '',
  );
  if (params.length === 0) return [];

  const fields = new Map((await activeFields(db, orgId, target)).map((f) => [f.key, f]));
  const details: FieldIssue[] = [];
  const filters: repo.CustomValueFilter[] = [];
  for (const [name, value] of params) {
    const field = fields.get(name.slice(3));
    if (!field) {
      details.push({ field: name, message: 'validation.unknown_custom_field' });
      continue;
    }
    const parsed: Encoded =
      typeof value === 'string'
        ? parseFilter(field, value.trim())
        : { ok: false, message: 'validation.invalid' };
    if (!parsed.ok) {
      details.push({ field: name, message: parsed.message, params: parsed.params });
      continue;
    }
    if (parsed.value === null) continue;
    filters.push({ fieldId: field.id, value: parsed.value, member: field.type === 'multiple' });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });

  return filters;
}

/** One export column per active field, headed by its label. */
export async function customFieldColumns(
  db: Database,
  ctx: RequestContext,
  target: CustomFieldTarget,
): Promise<ExportColumn<{ customFields: CustomFieldValues }>[]> {
  const fields = await activeFields(db, scopeOf(ctx).orgId, target);
  const locale: Locale = ctx.locale;

  return fields.map((field) => ({
    zh: field.label,
    en: field.label,
    value: (row) => displayValue(row.customFields[field.key] ?? null, locale),
  }));
}
