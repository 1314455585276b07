import { type Kysely, sql } from 'kysely';
import { columnTypes, withId } from '../columns.js';

/**
 * Bills (账单) and what happens to them. A bill is one charge: one resource, one fee item, one
 * period, with the calculation that produced it. It is never edited or deleted; payments,
 * reductions, offsets and voids are rows of `bill_entry`, and the balance columns of `bill` are
 * their running sums, kept in the same transaction as each entry. Bill runs (批量生成账单) are the
 * jobs that create periodic bills; `(resource_id, fee_item_id, period_key)` is unique, so a
 * rerun or a resumed run never bills a period twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await withId(db, db.schema.createTable('bill_run'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('from_month', 'text', (col) => col.notNull())
    .addColumn('to_month', 'text', (col) => col.notNull())
    .addColumn('fee_item_ids', t.json, (col) => col.notNull())
    .addColumn('building_ids', t.json)
    .addColumn('notify', t.flag, (col) => col.notNull().defaultTo(1))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued'))
    .addColumn('job_id', 'integer', (col) => col.references('job.id'))
    .addColumn('cancel_requested', t.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('bill_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total_fen', t.fen, (col) => col.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('finished_at', t.instant)
    .addCheckConstraint(
      'bill_run_status_ck',
      sql`status in ('queued', 'running', 'completed', 'cancelled', 'failed')`,
    )
    .execute();
  await db.schema
    .createIndex('bill_run_project_idx')
    .on('bill_run')
    .columns(['org_id', 'project_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('bill'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('building_id', 'integer', (col) => col.references('building.id'))
    .addColumn('resource_id', 'integer', (col) => col.notNull().references('resource.id'))
    .addColumn('fee_item_id', 'integer', (col) => col.notNull().references('fee_item.id'))
    .addColumn('standard_id', 'integer', (col) => col.references('fee_standard.id'))
    .addColumn('binding_id', 'integer', (col) => col.references('fee_binding.id'))
    .addColumn('bill_run_id', 'integer', (col) => col.references('bill_run.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('parent_bill_id', 'integer', (col) => col.references('bill.id'))
    // The cycle's label ('2026-12', '2026-Q4'); null on temporary bills, which may repeat.
    .addColumn('period_key', 'text')
    .addColumn('period_label', 'text', (col) => col.notNull())
    .addColumn('period_start', t.date, (col) => col.notNull())
    .addColumn('period_end', t.date, (col) => col.notNull())
    .addColumn('due_date', t.date, (col) => col.notNull())
    .addColumn('payer_person_id', 'integer', (col) => col.references('person.id'))
    .addColumn('payer_name', 'text')
    .addColumn('amount_fen', t.fen, (col) => col.notNull())
    .addColumn('calculation', t.json, (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('charged_fen', t.fen, (col) => col.notNull())
    .addColumn('paid_fen', t.fen, (col) => col.notNull().defaultTo(0))
    .addColumn('reduced_fen', t.fen, (col) => col.notNull().defaultTo(0))
    .addColumn('offset_fen', t.fen, (col) => col.notNull().defaultTo(0))
    .addColumn('outstanding_fen', t.fen, (col) => col.notNull())
    .addColumn('entry_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('bill_period_uq', ['resource_id', 'fee_item_id', 'period_key'])
    .addCheckConstraint('bill_kind_ck', sql`kind in ('periodic', 'temporary', 'late_fee')`)
    .addCheckConstraint(
      'bill_status_ck',
      sql`status in ('unpaid', 'partially_paid', 'paid', 'void')`,
    )
    .addCheckConstraint('bill_amount_ck', sql`amount_fen >= 0`)
    .addCheckConstraint(
      'bill_balance_ck',
      sql`outstanding_fen = charged_fen - paid_fen - reduced_fen - offset_fen and outstanding_fen >= 0`,
    )
    .execute();
  await db.schema
    .createIndex('bill_project_period_idx')
    .on('bill')
    .columns(['org_id', 'project_id', 'period_start', 'id'])
    .execute();
  await db.schema
    .createIndex('bill_project_status_idx')
    .on('bill')
    .columns(['org_id', 'project_id', 'status', 'due_date'])
    .execute();
  await db.schema.createIndex('bill_run_idx').on('bill').columns(['bill_run_id']).execute();
  await db.schema
    .createIndex('bill_payer_idx')
    .on('bill')
    .columns(['payer_person_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('bill_entry'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('bill_id', 'integer', (col) => col.notNull().references('bill.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('amount_fen', t.fen, (col) => col.notNull())
    .addColumn('entry_date', t.date, (col) => col.notNull())
    .addColumn('new_due_date', t.date)
    .addColumn('reason', 'text')
    // What made the entry: a payment, a discount scheme, an approval request…
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addCheckConstraint(
      'bill_entry_kind_ck',
      sql`kind in ('payment', 'reduction', 'offset', 'void', 'deferral')`,
    )
    .execute();
  await db.schema
    .createIndex('bill_entry_bill_idx')
    .on('bill_entry')
    .columns(['bill_id', 'id'])
    .execute();
  // Bill runs look up the car on each parking space they bill.
  await db.schema
    .createIndex('vehicle_space_idx')
    .on('vehicle')
    .columns(['parking_space_id'])
    .execute();
  await db.schema
    .createIndex('bill_entry_date_idx')
    .on('bill_entry')
    .columns(['org_id', 'project_id', 'entry_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('vehicle_space_idx').execute();
  for (const table of ['bill_entry', 'bill', 'bill_run']) {
    await db.schema.dropTable(table).execute();
  }
}
