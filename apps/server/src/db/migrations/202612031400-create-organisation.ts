import { type Kysely, sql } from 'kysely';
import { columnTypes, withId } from '../columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await withId(db, db.schema.createTable('company'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('auth_epoch', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('company_code_uq', ['code'])
    .addCheckConstraint('company_status_ck', sql`status in ('active', 'disabled')`)
    .execute();

  await withId(db, db.schema.createTable('platform_admin'))
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('platform_admin_username_uq', ['username'])
    .execute();

  await withId(db, db.schema.createTable('project'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('address', 'text')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('area', t.decimal(14, 2))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('project_org_code_uq', ['org_id', 'code'])
    .addCheckConstraint('project_type_ck', sql`type in ('residential', 'commercial', 'mixed')`)
    .addCheckConstraint('project_status_ck', sql`status in ('active', 'archived')`)
    .execute();

  await withId(db, db.schema.createTable('department'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('parent_id', 'integer', (col) => col.references('department.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('console_permissions', t.json, (col) => col.notNull().defaultTo('[]'))
    .addColumn('app_permissions', t.json, (col) => col.notNull().defaultTo('[]'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('department_org_idx').on('department').column('org_id').execute();

  await withId(db, db.schema.createTable('employee'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('department_id', 'integer', (col) => col.notNull().references('department.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('console_login', t.flag, (col) => col.notNull().defaultTo(1))
    .addColumn('app_login', t.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('all_projects', t.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('employee_username_uq', ['username'])
    .addUniqueConstraint('employee_phone_uq', ['phone'])
    .addCheckConstraint('employee_status_ck', sql`status in ('active', 'disabled')`)
    .execute();
  await db.schema
    .createIndex('employee_org_idx')
    .on('employee')
    .columns(['org_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('employee_project')
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('employee_id', 'integer', (col) => col.notNull().references('employee.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addPrimaryKeyConstraint('employee_project_pk', ['employee_id', 'project_id'])
    .execute();

  await withId(db, db.schema.createTable('butler_assignment'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('employee_id', 'integer', (col) => col.notNull().references('employee.id'))
    .addColumn('resource_type', 'text', (col) => col.notNull())
    .addColumn('resource_id', 'integer', (col) => col.notNull())
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('butler_assignment_uq', ['employee_id', 'resource_type', 'resource_id'])
    .addCheckConstraint('butler_assignment_type_ck', sql`resource_type in ('building', 'room')`)
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_kind', 'text', (col) => col.notNull())
    .addColumn('account_id', 'integer', (col) => col.notNull())
    .addColumn('org_id', 'integer', (col) => col.references('company.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('last_seen_at', t.instant, (col) => col.notNull())
    .addColumn('expires_at', t.instant, (col) => col.notNull())
    .addColumn('revoked_at', t.instant)
    .addCheckConstraint('session_channel_ck', sql`channel in ('console', 'app')`)
    .execute();
  await db.schema
    .createIndex('session_account_idx')
    .on('session')
    .columns(['account_kind', 'account_id'])
    .execute();

  await withId(db, db.schema.createTable('login_failure'))
    .addColumn('login_key', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('login_failure_key_idx')
    .on('login_failure')
    .columns(['login_key', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('org_id', 'integer', (col) => col.references('company.id'))
    .addColumn('project_id', 'integer')
    .addColumn('actor_kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', t.json)
    .addColumn('after_json', t.json)
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_org_time_idx')
    .on('audit_log')
    .columns(['org_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'login_failure',
    'session',
    'butler_assignment',
    'employee_project',
    'employee',
    'department',
    'project',
    'platform_admin',
    'company',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
