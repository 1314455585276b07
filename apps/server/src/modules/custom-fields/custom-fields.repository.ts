import { type Insertable, type RawBuilder, type SqlBool, type Updateable, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CustomFieldEntity, CustomFieldTable } from '../../db/schema.js';
import { containsPattern, countRows, offsetOf } from '../../platform/query.js';

const fieldColumns = [
  'custom_field.id',
  'custom_field.entity',
  'custom_field.field_key as key',
  'custom_field.label',
  'custom_field.field_type as type',
  'custom_field.options',
  'custom_field.required',
  'custom_field.sort_order as sortOrder',
  'custom_field.status',
  'custom_field.created_at as createdAt',
  'custom_field.updated_at as updatedAt',
] as const;

export interface FieldFilter {
  entities?: CustomFieldEntity[];
  status?: 'active' | 'archived';
  q?: string;
}

function fieldsQuery(db: Database, orgId: number, filter: FieldFilter) {
  let query = db.selectFrom('custom_field').where('custom_field.org_id', '=', orgId);
  if (filter.entities) query = query.where('custom_field.entity', 'in', filter.entities);
  if (filter.status) query = query.where('custom_field.status', '=', filter.status);
  if (filter.q) {
    const pattern = containsPattern(filter.q.toLowerCase());
    query = query.where(
      sql<SqlBool>`(lower(custom_field.label) like ${pattern} escape '\\'
        or custom_field.field_key like ${pattern} escape '\\')`,
    );
  }

  return query;
}

export async function listFields(
  db: Database,
  orgId: number,
  filter: FieldFilter & { page: number; pageSize: number },
) {
  const query = fieldsQuery(db, orgId, filter);
  const total = await countRows(query);
  const items = await query
    .select(fieldColumns)
    .orderBy('custom_field.entity')
    .orderBy('custom_field.sort_order')
    .orderBy('custom_field.id')
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize))
    .execute();

  return { items, total };
}

/** Every field of some entities, in the order forms show them. */
export function fieldsOf(db: Database, orgId: number, filter: FieldFilter) {
  return fieldsQuery(db, orgId, filter)
    .select(fieldColumns)
    .orderBy('custom_field.sort_order')
    .orderBy('custom_field.id')
    .execute();
}

export function findField(db: Database, orgId: number, id: number) {
  return db
    .selectFrom('custom_field')
    .select(fieldColumns)
    .where('custom_field.org_id', '=', orgId)
    .where('custom_field.id', '=', id)
    .executeTakeFirst();
}

export async function insertField(
  db: Database,
  field: Insertable<CustomFieldTable>,
): Promise<number> {
  const row = await db
    .insertInto('custom_field')
    .values(field)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateField(
  db: Database,
  id: number,
  changes: Updateable<CustomFieldTable>,
): Promise<void> {
  await db.updateTable('custom_field').set(changes).where('id', '=', id).execute();
}

/* ------------------------------------------------------------------- values */

/** Stored values of some fields for some records, in chunks that stay under bind limits. */
export async function valuesOf(db: Database, fieldIds: number[], entityIds: number[]) {
  const rows: { fieldId: number; entityId: number; value: string }[] = [];
  if (fieldIds.length === 0 || entityIds.length === 0) return rows;

  for (let i = 0; i < entityIds.length; i += 500) {
    const chunk = await db
      .selectFrom('custom_value')
      .select([
        'custom_value.field_id as fieldId',
        'custom_value.entity_id as entityId',
        'custom_value.value',
      ])
      .where('custom_value.field_id', 'in', fieldIds)
      .where('custom_value.entity_id', 'in', entityIds.slice(i, i + 500))
      .execute();
    rows.push(...chunk);
  }

  return rows;
}

export async function upsertValue(
  db: Database,
  value: { orgId: number; fieldId: number; entityId: number; value: string },
): Promise<void> {
  await db
    .insertInto('custom_value')
    .values({
      org_id: value.orgId,
      field_id: value.fieldId,
      entity_id: value.entityId,
      value: value.value,
    })
    .onConflict((oc) =>
      oc
        .columns(['field_id', 'entity_id'])
        .doUpdateSet({ value: (eb) => eb.ref('excluded.value') }),
    )
    .execute();
}

export async function deleteValue(db: Database, fieldId: number, entityId: number): Promise<void> {
  await db
    .deleteFrom('custom_value')
    .where('field_id', '=', fieldId)
    .where('entity_id', '=', entityId)
    .execute();
}

/** Whether any record holds this choice of a single or multiple choice field. */
export async function choiceInUse(
  db: Database,
  field: { id: number; type: 'single' | 'multiple' },
  choice: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('custom_value')
    .select('custom_value.entity_id')
    .where('custom_value.field_id', '=', field.id)
    .where(choiceMatches(field.type === 'multiple', choice))
    .limit(1)
    .executeTakeFirst();

  return row !== undefined;
}

export async function fieldHasValues(db: Database, fieldId: number): Promise<boolean> {
  const row = await db
    .selectFrom('custom_value')
    .select('entity_id')
    .where('field_id', '=', fieldId)
    .limit(1)
    .executeTakeFirst();

  return row !== undefined;
}

/* ------------------------------------------------------------------ filters */

/** One `cf.<key>=value` filter, checked against its field and written as stored. */
export interface CustomValueFilter {
  fieldId: number;
  value: string;
  /** A multiple choice field: the stored list holds the value. */
  member: boolean;
}

function choiceMatches(member: boolean, value: string): RawBuilder<SqlBool> {
  if (!member) return sql<SqlBool>`custom_value.value = ${value}`;

  // Choices hold no quotes or backslashes, so `"choice"` matches exactly one element of the list.
  return sql<SqlBool>`custom_value.value like ${containsPattern(JSON.stringify(value))} escape '\\'`;
}

/**
 * A WHERE condition for another module's list: the record whose id is in `idColumn` holds every
 * filtered value. Built here so that only this module knows how values are stored.
 */
export function customValuesMatch(
  idColumn: string,
  filters: readonly CustomValueFilter[],
): RawBuilder<SqlBool> {
  const conditions = filters.map(
    (filter) => sql<SqlBool>`exists (select 1 from custom_value
      where custom_value.field_id = ${filter.fieldId}
        and custom_value.entity_id = ${sql.ref(idColumn)}
        and ${choiceMatches(filter.member, filter.value)})`,
  );

  return conditions.length === 0
    ? sql<SqlBool>`1 = 1`
    : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
