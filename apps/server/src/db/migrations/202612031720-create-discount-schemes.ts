import { type Kysely, sql } from 'kysely';
import { columnTypes, withId } from '../columns.js';

/**
 * Discount schemes (优惠 / 减免方案) of a project: which rule (free months, a rate for N months, a
 * fixed reduction, long-time owners, vacancy, deferral) with its parameters, which fee items it
 * applies to and when. The cashier's reductions will refer to a scheme, so schemes are archived,
 * never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await withId(db, db.schema.createTable('discount_scheme'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('parameters', t.json, (col) => col.notNull().defaultTo('{}'))
    // A JSON array of fee_item ids, sorted; null: every fee item of the project.
    .addColumn('fee_item_ids', t.json)
    .addColumn('valid_from', t.date, (col) => col.notNull())
    .addColumn('valid_to', t.date)
    .addColumn('priority', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('discount_scheme_project_code_uq', ['project_id', 'code'])
    .addCheckConstraint(
      'discount_scheme_kind_ck',
      sql`kind in ('free_months', 'percent_for_months', 'fixed_reduction', 'loyalty', 'vacancy',
        'deferral')`,
    )
    .addCheckConstraint('discount_scheme_status_ck', sql`status in ('active', 'archived')`)
    .execute();
  await db.schema
    .createIndex('discount_scheme_project_idx')
    .on('discount_scheme')
    .columns(['org_id', 'project_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('discount_scheme').execute();
}
