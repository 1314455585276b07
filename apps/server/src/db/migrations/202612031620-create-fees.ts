import { type Kysely, sql } from 'kysely';
import { columnTypes, withId } from '../columns.js';

/**
 * Fee configuration: fee items (收费项目, what is charged), their charging standards (收费标准,
 * how it is computed), unit prices by scope with effective dates (append-only), and the bindings
 * of standards to resources (收费绑定) that bill runs will read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await withId(db, db.schema.createTable('fee_item'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('cycle', 'text', (col) => col.notNull())
    .addColumn('billing_mode', 'text', (col) => col.notNull())
    .addColumn('due_rule', 'text', (col) => col.notNull())
    .addColumn('due_value', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('rounding_mode', 'text', (col) => col.notNull().defaultTo('half_up'))
    .addColumn('proration', 'text', (col) => col.notNull().defaultTo('actual_days'))
    .addColumn('tax_rate', t.decimal(6, 4), (col) => col.notNull().defaultTo('0'))
    .addColumn('late_fee_enabled', t.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('late_fee_clause_ref', 'text')
    .addColumn('late_fee_start_date', t.date)
    .addColumn('late_fee_rate_per_day', t.decimal(10, 6), (col) => col.notNull().defaultTo('0'))
    .addColumn('late_fee_grace_days', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('late_fee_cap_kind', 'text', (col) => col.notNull().defaultTo('none'))
    .addColumn('late_fee_cap_percent', t.decimal(7, 4))
    .addColumn('late_fee_cap_fen', t.fen)
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('fee_item_project_code_uq', ['project_id', 'code'])
    .addCheckConstraint(
      'fee_item_category_ck',
      sql`category in ('property_fee', 'water', 'electricity', 'gas', 'parking', 'rent', 'deposit', 'other')`,
    )
    .addCheckConstraint(
      'fee_item_cycle_ck',
      sql`cycle in ('monthly', 'quarterly', 'half_yearly', 'yearly', 'one_off')`,
    )
    .addCheckConstraint('fee_item_billing_mode_ck', sql`billing_mode in ('prepaid', 'postpaid')`)
    .addCheckConstraint(
      'fee_item_due_rule_ck',
      sql`due_rule in ('days_after_period_start', 'days_after_period_end', 'day_of_first_month')`,
    )
    .addCheckConstraint(
      'fee_item_rounding_ck',
      sql`rounding_mode in ('half_up', 'half_even', 'down', 'up', 'yuan')`,
    )
    .addCheckConstraint(
      'fee_item_proration_ck',
      sql`proration in ('actual_days', 'thirty_day_month', 'none')`,
    )
    .addCheckConstraint(
      'fee_item_late_fee_cap_ck',
      sql`late_fee_cap_kind in ('none', 'percent', 'fixed')`,
    )
    .addCheckConstraint('fee_item_status_ck', sql`status in ('active', 'archived')`)
    .execute();

  await withId(db, db.schema.createTable('fee_standard'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('fee_item_id', 'integer', (col) => col.notNull().references('fee_item.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('parameters', t.json, (col) => col.notNull().defaultTo('{}'))
    .addColumn('resource_kinds', t.json, (col) => col.notNull().defaultTo('[]'))
    .addColumn('room_use', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('fee_standard_item_name_uq', ['fee_item_id', 'name'])
    .addCheckConstraint(
      'fee_standard_method_ck',
      sql`method in ('area_price', 'fixed', 'floor_coefficient', 'usage_price', 'tiered_usage',
        'rent_escalation', 'parking_monthly', 'parking_temporary', 'custom_formula')`,
    )
    .addCheckConstraint(
      'fee_standard_room_use_ck',
      sql`room_use in ('residential', 'commercial', 'office')`,
    )
    .addCheckConstraint('fee_standard_status_ck', sql`status in ('active', 'archived')`)
    .execute();
  await db.schema
    .createIndex('fee_standard_item_idx')
    .on('fee_standard')
    .columns(['org_id', 'project_id', 'fee_item_id'])
    .execute();

  await withId(db, db.schema.createTable('fee_price'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('standard_id', 'integer', (col) => col.notNull().references('fee_standard.id'))
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('building_id', 'integer', (col) => col.references('building.id'))
    .addColumn('unit_id', 'integer', (col) => col.references('building_unit.id'))
    .addColumn('floor_from', 'integer')
    .addColumn('floor_to', 'integer')
    .addColumn('resource_id', 'integer', (col) => col.references('resource.id'))
    .addColumn('price', t.decimal(14, 4), (col) => col.notNull())
    .addColumn('effective_from', t.date, (col) => col.notNull())
    .addColumn('effective_to', t.date)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addCheckConstraint(
      'fee_price_scope_ck',
      sql`scope in ('project', 'building', 'unit', 'floor_range', 'resource')`,
    )
    .execute();
  await db.schema
    .createIndex('fee_price_standard_idx')
    .on('fee_price')
    .columns(['standard_id', 'scope', 'effective_from'])
    .execute();

  await withId(db, db.schema.createTable('fee_binding'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('fee_item_id', 'integer', (col) => col.notNull().references('fee_item.id'))
    .addColumn('standard_id', 'integer', (col) => col.notNull().references('fee_standard.id'))
    .addColumn('resource_id', 'integer', (col) => col.notNull().references('resource.id'))
    .addColumn('start_date', t.date, (col) => col.notNull())
    .addColumn('end_date', t.date)
    .addColumn('end_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('fee_binding_resource_idx')
    .on('fee_binding')
    .columns(['resource_id', 'fee_item_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('fee_binding_item_idx')
    .on('fee_binding')
    .columns(['org_id', 'project_id', 'fee_item_id', 'standard_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['fee_binding', 'fee_price', 'fee_standard', 'fee_item']) {
    await db.schema.dropTable(table).execute();
  }
}
