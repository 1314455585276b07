import { type Kysely, sql } from 'kysely';
import { columnTypes, withId } from '../columns.js';

/**
 * Notices: templates per project, kind and channel; one delivery row per person and channel with
 * what was rendered and what became of it; in-app messages; and the development SMS provider's
 * outbox. People get an e-mail address so that notices can go out by e-mail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.alterTable('person').addColumn('email', 'text').execute();

  await withId(db, db.schema.createTable('notice_template'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('notice_template_uq', ['project_id', 'kind', 'channel'])
    .addCheckConstraint('notice_template_channel_ck', sql`channel in ('in_app', 'sms', 'email')`)
    .execute();

  await withId(db, db.schema.createTable('notice_delivery'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('source_type', 'text', (col) => col.notNull())
    .addColumn('source_id', 'integer', (col) => col.notNull())
    .addColumn('person_id', 'integer', (col) => col.notNull().references('person.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text')
    .addColumn('variables', t.json, (col) => col.notNull().defaultTo('{}'))
    .addColumn('subject', 'text')
    .addColumn('body', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('job_id', 'integer', (col) => col.references('job.id'))
    .addColumn('provider_message_id', 'text')
    .addColumn('claimed_at', t.instant)
    .addColumn('sent_at', t.instant)
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addCheckConstraint('notice_delivery_channel_ck', sql`channel in ('in_app', 'sms', 'email')`)
    .addCheckConstraint(
      'notice_delivery_status_ck',
      sql`status in ('queued', 'sending', 'sent', 'failed', 'skipped')`,
    )
    .execute();
  await db.schema
    .createIndex('notice_delivery_job_idx')
    .on('notice_delivery')
    .columns(['job_id', 'status'])
    .execute();
  await db.schema
    .createIndex('notice_delivery_log_idx')
    .on('notice_delivery')
    .columns(['org_id', 'project_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notice_delivery_source_idx')
    .on('notice_delivery')
    .columns(['source_type', 'source_id'])
    .execute();

  await withId(db, db.schema.createTable('message'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('person_id', 'integer', (col) => col.notNull().references('person.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'integer')
    .addColumn('delivery_id', 'integer', (col) => col.references('notice_delivery.id'))
    .addColumn('read_at', t.instant)
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('message_delivery_uq', ['delivery_id'])
    .execute();
  await db.schema
    .createIndex('message_person_idx')
    .on('message')
    .columns(['person_id', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('sms_outbox'))
    .addColumn('org_id', 'integer', (col) => col.references('company.id'))
    .addColumn('phone', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sms_outbox').execute();
  await db.schema.dropTable('message').execute();
  await db.schema.dropTable('notice_delivery').execute();
  await db.schema.dropTable('notice_template').execute();
  await db.schema.alterTable('person').dropColumn('email').execute();
}
