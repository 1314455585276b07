import { type Kysely, sql } from 'kysely';
import { columnTypes, withId } from '../columns.js';

/**
 * The property archive: buildings, units, parking lots, and every billable resource (room,
 * shop, parking space, ad space, storage) as one `resource` row plus a row of its own kind;
 * people and their links to resources; vehicles; custom fields; and the jobs table that long
 * work (imports, bill runs) reports progress through.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await withId(db, db.schema.createTable('building'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('floors_above', 'integer')
    .addColumn('floors_below', 'integer')
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('building_project_code_uq', ['project_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('building_unit'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('building_id', 'integer', (col) => col.notNull().references('building.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('building_unit_code_uq', ['building_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('parking_lot'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('lot_type', 'text', (col) => col.notNull())
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('parking_lot_project_code_uq', ['project_id', 'code'])
    .addCheckConstraint('parking_lot_type_ck', sql`lot_type in ('above_ground', 'underground')`)
    .execute();

  await withId(db, db.schema.createTable('resource'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('area', t.decimal(12, 2))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('building_id', 'integer', (col) => col.references('building.id'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addColumn('archived_at', t.instant)
    .addUniqueConstraint('resource_project_kind_code_uq', ['project_id', 'kind', 'code'])
    .addCheckConstraint(
      'resource_kind_ck',
      sql`kind in ('room', 'shop', 'parking_space', 'ad_space', 'storage')`,
    )
    .addCheckConstraint(
      'resource_status_ck',
      sql`status in ('unsold', 'vacant', 'occupied', 'renovating', 'rented', 'sold')`,
    )
    .execute();
  await db.schema
    .createIndex('resource_scope_idx')
    .on('resource')
    .columns(['org_id', 'project_id', 'kind', 'building_id'])
    .execute();

  await db.schema
    .createTable('room')
    .addColumn('resource_id', 'integer', (col) => col.primaryKey().references('resource.id'))
    .addColumn('building_id', 'integer', (col) => col.notNull().references('building.id'))
    .addColumn('unit_id', 'integer', (col) => col.references('building_unit.id'))
    .addColumn('floor', 'integer', (col) => col.notNull())
    .addColumn('inner_area', t.decimal(12, 2))
    .addColumn('layout', 'text')
    .addColumn('decoration', 'text')
    .addColumn('room_use', 'text', (col) => col.notNull().defaultTo('residential'))
    .addColumn('fee_coefficient', t.decimal(8, 4), (col) => col.notNull().defaultTo('1'))
    .addColumn('delivery_date', t.date)
    .addColumn('move_in_date', t.date)
    .addCheckConstraint('room_decoration_ck', sql`decoration in ('rough', 'simple', 'fine')`)
    .addCheckConstraint('room_use_ck', sql`room_use in ('residential', 'commercial', 'office')`)
    .execute();
  await db.schema
    .createIndex('room_building_idx')
    .on('room')
    .columns(['building_id', 'unit_id', 'floor'])
    .execute();

  await db.schema
    .createTable('shop')
    .addColumn('resource_id', 'integer', (col) => col.primaryKey().references('resource.id'))
    .addColumn('floor', 'integer')
    .addColumn('lease_start', t.date)
    .addColumn('lease_end', t.date)
    .addColumn('business_scope', 'text')
    .addColumn('rent_standard', t.decimal(12, 4))
    .execute();

  await db.schema
    .createTable('parking_space')
    .addColumn('resource_id', 'integer', (col) => col.primaryKey().references('resource.id'))
    .addColumn('lot_id', 'integer', (col) => col.notNull().references('parking_lot.id'))
    .addColumn('space_type', 'text', (col) => col.notNull().defaultTo('standard'))
    .addCheckConstraint(
      'parking_space_type_ck',
      sql`space_type in ('standard', 'large', 'charging', 'mother_child')`,
    )
    .execute();

  await db.schema
    .createTable('ad_space')
    .addColumn('resource_id', 'integer', (col) => col.primaryKey().references('resource.id'))
    .addColumn('location', 'text', (col) => col.notNull())
    .addColumn('size', 'text')
    .addColumn('lease_start', t.date)
    .addColumn('lease_end', t.date)
    .execute();

  await db.schema
    .createTable('storage_room')
    .addColumn('resource_id', 'integer', (col) => col.primaryKey().references('resource.id'))
    .addColumn('storage_type', 'text', (col) => col.notNull())
    .addColumn('floor', 'integer')
    .addCheckConstraint('storage_room_type_ck', sql`storage_type in ('basement', 'storage_room')`)
    .execute();

  await withId(db, db.schema.createTable('person'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('mobile', 'text')
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('gender', 'text')
    .addColumn('birthday', t.date)
    .addColumn('tags', t.json, (col) => col.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addCheckConstraint('person_gender_ck', sql`gender in ('male', 'female')`)
    .execute();
  await db.schema
    .createIndex('person_mobile_idx')
    .on('person')
    .columns(['org_id', 'mobile'])
    .execute();
  await db.schema
    .createIndex('person_project_idx')
    .on('person')
    .columns(['project_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('resource_person'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('resource_id', 'integer', (col) => col.notNull().references('resource.id'))
    .addColumn('person_id', 'integer', (col) => col.notNull().references('person.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('relation', 'text')
    .addColumn('start_date', t.date, (col) => col.notNull())
    .addColumn('end_date', t.date)
    .addColumn('end_reason', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addCheckConstraint(
      'resource_person_role_ck',
      sql`role in ('owner', 'co_owner', 'family', 'tenant')`,
    )
    .execute();
  await db.schema
    .createIndex('resource_person_resource_idx')
    .on('resource_person')
    .columns(['resource_id', 'end_date'])
    .execute();
  await db.schema
    .createIndex('resource_person_person_idx')
    .on('resource_person')
    .columns(['person_id'])
    .execute();

  await withId(db, db.schema.createTable('vehicle'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id'))
    .addColumn('plate', 'text', (col) => col.notNull())
    .addColumn('vehicle_type', 'text', (col) => col.notNull())
    .addColumn('colour', 'text')
    .addColumn('person_id', 'integer', (col) => col.references('person.id'))
    .addColumn('parking_space_id', 'integer', (col) => col.references('resource.id'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('vehicle_org_plate_uq', ['org_id', 'plate'])
    .execute();

  await withId(db, db.schema.createTable('custom_field'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('field_key', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('field_type', 'text', (col) => col.notNull())
    .addColumn('options', t.json, (col) => col.notNull().defaultTo('[]'))
    .addColumn('required', t.flag, (col) => col.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('updated_at', t.instant, (col) => col.notNull())
    .addUniqueConstraint('custom_field_key_uq', ['org_id', 'entity', 'field_key'])
    .addCheckConstraint(
      'custom_field_type_ck',
      sql`field_type in ('text', 'number', 'date', 'single', 'multiple', 'boolean')`,
    )
    .execute();

  await db.schema
    .createTable('custom_value')
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('field_id', 'integer', (col) => col.notNull().references('custom_field.id'))
    .addColumn('entity_id', 'integer', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('custom_value_pk', ['field_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('employee_building')
    .addColumn('org_id', 'integer', (col) => col.notNull().references('company.id'))
    .addColumn('employee_id', 'integer', (col) => col.notNull().references('employee.id'))
    .addColumn('building_id', 'integer', (col) => col.notNull().references('building.id'))
    .addPrimaryKeyConstraint('employee_building_pk', ['employee_id', 'building_id'])
    .execute();

  await withId(db, db.schema.createTable('job'))
    .addColumn('org_id', 'integer', (col) => col.references('company.id'))
    .addColumn('project_id', 'integer')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued'))
    .addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('payload', t.json, (col) => col.notNull().defaultTo('{}'))
    .addColumn('result', t.json)
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('claimed_by', 'text')
    .addColumn('created_at', t.instant, (col) => col.notNull())
    .addColumn('started_at', t.instant)
    .addColumn('heartbeat_at', t.instant)
    .addColumn('finished_at', t.instant)
    .addCheckConstraint(
      'job_status_ck',
      sql`status in ('queued', 'running', 'succeeded', 'failed')`,
    )
    .execute();
  await db.schema.createIndex('job_status_idx').on('job').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job',
    'employee_building',
    'custom_value',
    'custom_field',
    'vehicle',
    'resource_person',
    'person',
    'storage_room',
    'ad_space',
    'parking_space',
    'shop',
    'room',
    'resource',
    'parking_lot',
    'building_unit',
    'building',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
