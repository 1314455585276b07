import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type {
  PersonRole,
  PersonTable,
  ResourcePersonTable,
  VehicleTable,
} from '../../db/schema.js';
import { type Scope, inScope } from '../../platform/scope.js';
import {
  type CustomValueFilter,
  customValuesMatch,
} from '../custom-fields/custom-fields.repository.js';

type Insert<T> = Omit<T, 'id'>;
type Changes<T> = Partial<Omit<T, 'id' | 'org_id' | 'project_id' | 'created_at'>>;

/** `column LIKE '%text%'`, with LIKE's own wildcards in the text escaped. */
function contains(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/* ----------------------------------------------------------------- resources */

/** The few facts of a resource (owned by the resources module) that links need. */
export function findResourceInScope(db: Database, scope: Scope, id: number) {
  return db
    .selectFrom('resource')
    .select(['resource.id', 'resource.project_id as projectId', 'resource.kind', 'resource.code'])
    .where(
      inScope(scope, {
        org: 'resource.org_id',
        project: 'resource.project_id',
        building: 'resource.building_id',
      }),
    )
    .where('resource.id', '=', id)
    .executeTakeFirst();
}

/* -------------------------------------------------------------------- people */

const personColumns = [
  'person.id',
  'person.project_id as projectId',
  'person.name',
  'person.mobile',
  sql<string | null>`person.email`.as('email'),
  'person.id_type as idType',
  'person.id_number as idNumber',
  'person.gender',
  'person.birthday',
  'person.tags',
  'person.note',
  'person.created_at as createdAt',
  'person.updated_at as updatedAt',
] as const;

/** A link that holds on `date`: started on or before it and not ended by it (ends are exclusive). */
function linkHoldsOn(date: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(resource_person.start_date <= ${date}
    and (resource_person.end_date is null or resource_person.end_date > ${date}))`;
}

export interface PersonFilter {
  q?: string;
  projectId?: number;
  roles?: PersonRole[];
  /** Match `q` against whole mobile numbers only, so that masked digits cannot be probed. */
  wholeMobile?: boolean;
  /** The day that decides which links are current. */
  today: string;
  /** `cf.<key>` filters: the person holds each of these custom values. */
  customFields?: CustomValueFilter[];
}

export async function listPeople(
  db: Database,
  scope: Scope,
  filter: PersonFilter & { page: number; pageSize: number },
) {
  let query = db
    .selectFrom('person')
    .where(inScope(scope, { org: 'person.org_id', project: 'person.project_id' }));
  if (filter.projectId) query = query.where('person.project_id', '=', filter.projectId);
  if (filter.q) {
    const q = filter.q;
    const mobile = filter.wholeMobile
      ? sql<SqlBool>`person.mobile = ${q}`
      : contains('person.mobile', q);
    query = query.where((eb) => eb.or([contains('person.name', q), mobile]));
  }
  if (filter.customFields) {
    query = query.where(customValuesMatch('person.id', filter.customFields));
  }
  const roles = filter.roles;
  if (roles) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resource_person')
          .select('resource_person.id')
          .whereRef('resource_person.person_id', '=', 'person.id')
          .where('resource_person.role', 'in', roles)
          .where(linkHoldsOn(filter.today)),
      ),
    );
  }

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select(personColumns)
    .orderBy('person.id')
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize))
    .execute();

  return { items, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export function findPerson(db: Database, scope: Scope, id: number) {
  return db
    .selectFrom('person')
    .select(personColumns)
    .where(inScope(scope, { org: 'person.org_id', project: 'person.project_id' }))
    .where('person.id', '=', id)
    .executeTakeFirst();
}

/** The distinct roles each person holds today. */
export async function currentRoles(
  db: Database,
  personIds: number[],
  today: string,
): Promise<{ personId: number; role: PersonRole }[]> {
  if (personIds.length === 0) return [];

  return db
    .selectFrom('resource_person')
    .select(['resource_person.person_id as personId', 'resource_person.role'])
    .distinct()
    .where('resource_person.person_id', 'in', personIds)
    .where(linkHoldsOn(today))
    .execute();
}

export async function insertPerson(db: Database, person: Insert<PersonTable>): Promise<number> {
  const row = await db
    .insertInto('person')
    .values(person)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updatePerson(
  db: Database,
  id: number,
  changes: Changes<PersonTable>,
): Promise<void> {
  await db.updateTable('person').set(changes).where('id', '=', id).execute();
}

/* --------------------------------------------------------------------- links */

function linkQuery(db: Database, scope: Scope, today: string) {
  return db
    .selectFrom('resource_person')
    .innerJoin('resource', 'resource.id', 'resource_person.resource_id')
    .innerJoin('person', 'person.id', 'resource_person.person_id')
    .select([
      'resource_person.id',
      'resource_person.project_id as projectId',
      'resource_person.resource_id as resourceId',
      'resource.kind as resourceKind',
      'resource.code as resourceCode',
      'resource_person.person_id as personId',
      'person.name as personName',
      'resource_person.role',
      'resource_person.relation',
      'resource_person.start_date as startDate',
      'resource_person.end_date as endDate',
      'resource_person.end_reason as endReason',
      'resource_person.created_at as createdAt',
      sql<number>`case when ${linkHoldsOn(today)} then 1 else 0 end`.as('current'),
    ])
    .where(
      inScope(scope, {
        org: 'resource_person.org_id',
        project: 'resource_person.project_id',
        building: 'resource.building_id',
      }),
    );
}

/** Links newest first; the service puts the current ones on top. */
export function listLinks(
  db: Database,
  scope: Scope,
  filter: { personId?: number; resourceId?: number; ids?: number[]; today: string },
) {
  let query = linkQuery(db, scope, filter.today);
  if (filter.personId) query = query.where('resource_person.person_id', '=', filter.personId);
  if (filter.resourceId) query = query.where('resource_person.resource_id', '=', filter.resourceId);
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('resource_person.id', 'in', filter.ids);
  }

  return query
    .orderBy('resource_person.start_date', 'desc')
    .orderBy('resource_person.id', 'desc')
    .execute();
}

export function findLink(db: Database, scope: Scope, id: number, today: string) {
  return linkQuery(db, scope, today).where('resource_person.id', '=', id).executeTakeFirst();
}

/** Links of a resource in these roles that are still open on `date` (not ended by then). */
export function openLinksOfResource(
  db: Database,
  filter: { resourceId: number; roles: PersonRole[]; date: string },
) {
  return db
    .selectFrom('resource_person')
    .select([
      'resource_person.id',
      'resource_person.person_id as personId',
      'resource_person.role',
      'resource_person.start_date as startDate',
    ])
    .where('resource_person.resource_id', '=', filter.resourceId)
    .where('resource_person.role', 'in', filter.roles)
    .where((eb) =>
      eb.or([
        eb('resource_person.end_date', 'is', null),
        eb('resource_person.end_date', '>', filter.date),
      ]),
    )
    .orderBy('resource_person.id')
    .execute();
}

/** Whether the person has a link to the resource that has not been ended. */
export async function hasOpenLink(
  db: Database,
  link: { resourceId: number; personId: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('resource_person')
    .select('id')
    .where('resource_id', '=', link.resourceId)
    .where('person_id', '=', link.personId)
    .where('end_date', 'is', null)
    .executeTakeFirst();

  return row !== undefined;
}

export async function insertLink(db: Database, link: Insert<ResourcePersonTable>): Promise<number> {
  const row = await db
    .insertInto('resource_person')
    .values(link)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function endLinks(
  db: Database,
  ids: number[],
  end: { date: string; reason: string },
): Promise<void> {
  if (ids.length === 0) return;

  await db
    .updateTable('resource_person')
    .set({ end_date: end.date, end_reason: end.reason })
    .where('id', 'in', ids)
    .execute();
}

/** Every link holding today of the people of one company with this mobile number. */
export function currentLinksByMobile(
  db: Database,
  filter: { orgId: number; mobile: string; today: string },
) {
  return db
    .selectFrom('resource_person')
    .innerJoin('person', 'person.id', 'resource_person.person_id')
    .innerJoin('resource', 'resource.id', 'resource_person.resource_id')
    .select([
      'resource_person.id as linkId',
      'resource_person.resource_id as resourceId',
      'resource.project_id as projectId',
      'resource.kind',
      'resource.code',
      'resource_person.role',
      'resource_person.person_id as personId',
    ])
    .where('person.org_id', '=', filter.orgId)
    .where('resource_person.org_id', '=', filter.orgId)
    .where('person.mobile', '=', filter.mobile)
    .where(linkHoldsOn(filter.today))
    .orderBy('resource.project_id')
    .orderBy('resource.code')
    .orderBy('resource_person.id')
    .execute();
}

/* ------------------------------------------------------------------ vehicles */

function vehicleQuery(db: Database, scope: Scope) {
  return db
    .selectFrom('vehicle')
    .leftJoin('person', 'person.id', 'vehicle.person_id')
    .leftJoin('resource', 'resource.id', 'vehicle.parking_space_id')
    .where(inScope(scope, { org: 'vehicle.org_id', project: 'vehicle.project_id' }));
}

const vehicleColumns = [
  'vehicle.id',
  'vehicle.project_id as projectId',
  'vehicle.plate',
  'vehicle.vehicle_type as vehicleType',
  'vehicle.colour',
  'vehicle.person_id as personId',
  'person.name as personName',
  'vehicle.parking_space_id as parkingSpaceId',
  'resource.code as parkingSpaceCode',
  'vehicle.created_at as createdAt',
  'vehicle.updated_at as updatedAt',
] as const;

export interface VehicleFilter {
  q?: string;
  projectId?: number;
  vehicleType?: string;
  personId?: number;
}

export async function listVehicles(
  db: Database,
  scope: Scope,
  filter: VehicleFilter & { page: number; pageSize: number },
) {
  let query = vehicleQuery(db, scope);
  if (filter.projectId) query = query.where('vehicle.project_id', '=', filter.projectId);
  if (filter.vehicleType) query = query.where('vehicle.vehicle_type', '=', filter.vehicleType);
  if (filter.personId) query = query.where('vehicle.person_id', '=', filter.personId);
  if (filter.q) {
    const q = filter.q;
    // Plates are stored upper case; people type them in any case.
    const plate = q.toUpperCase();
    query = query.where((eb) =>
      eb.or([contains('vehicle.plate', plate), contains('person.name', q)]),
    );
  }

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select(vehicleColumns)
    .orderBy('vehicle.id')
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize))
    .execute();

  return { items, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export function findVehicle(db: Database, scope: Scope, id: number) {
  return vehicleQuery(db, scope)
    .select(vehicleColumns)
    .where('vehicle.id', '=', id)
    .executeTakeFirst();
}

/** Plates are unique within a company, across its projects. */
export async function plateTaken(
  db: Database,
  filter: { orgId: number; plate: string; exceptId?: number },
): Promise<boolean> {
  let query = db
    .selectFrom('vehicle')
    .select('id')
    .where('org_id', '=', filter.orgId)
    .where('plate', '=', filter.plate);
  if (filter.exceptId !== undefined) query = query.where('id', '!=', filter.exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertVehicle(db: Database, vehicle: Insert<VehicleTable>): Promise<number> {
  const row = await db
    .insertInto('vehicle')
    .values(vehicle)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateVehicle(
  db: Database,
  id: number,
  changes: Changes<VehicleTable>,
): Promise<void> {
  await db.updateTable('vehicle').set(changes).where('id', '=', id).execute();
}

/* ------------------------------------------------------------------ imports */

/** People of a project by `name|mobile`, the key an import row names an owner with. */
export async function peopleByNameAndMobile(
  db: Database,
  projectId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name', 'mobile'])
    .where('project_id', '=', projectId)
    .execute();

  return new Map(rows.map((r) => [`${r.name}|${r.mobile ?? ''}`, r.id]));
}

/** The people who hold an open owner or co-owner link, by resource, in one project. */
export async function openOwnersByResource(
  db: Database,
  projectId: number,
): Promise<Map<number, Set<number>>> {
  const rows = await db
    .selectFrom('resource_person')
    .select(['resource_id', 'person_id'])
    .where('project_id', '=', projectId)
    .where('role', 'in', ['owner', 'co_owner'])
    .where('end_date', 'is', null)
    .execute();
  const owners = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = owners.get(row.resource_id) ?? new Set<number>();
    set.add(row.person_id);
    owners.set(row.resource_id, set);
  }

  return owners;
}

/** Inserts many people at once; answers their ids by `name|mobile`. */
export async function insertPeople(
  db: Database,
  people: Insert<PersonTable>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < people.length; i += 300) {
    const rows = await db
      .insertInto('person')
      .values(people.slice(i, i + 300))
      .returning(['id', 'name', 'mobile'])
      .execute();
    for (const row of rows) ids.set(`${row.name}|${row.mobile ?? ''}`, row.id);
  }

  return ids;
}

export async function insertLinks(
  db: Database,
  links: Insert<ResourcePersonTable>[],
): Promise<void> {
  for (let i = 0; i < links.length; i += 300) {
    await db
      .insertInto('resource_person')
      .values(links.slice(i, i + 300))
      .execute();
  }
}

/** Resource ids of a project by `kind:code`, for import rows that name a room or a space. */
export async function resourceIdsByCode(
  db: Database,
  projectId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('resource')
    .select(['id', 'kind', 'code'])
    .where('project_id', '=', projectId)
    .execute();

  return new Map(rows.map((r) => [`${r.kind}:${r.code}`, r.id]));
}

/** People of a project with the columns an import compares, by `name|mobile`. */
export async function peopleForImport(db: Database, projectId: number) {
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name', 'mobile', 'id_type', 'id_number', 'gender', 'birthday'])
    .where('project_id', '=', projectId)
    .execute();

  return new Map(rows.map((r) => [`${r.name}|${r.mobile ?? ''}`, r]));
}

/** Open links of a project as `resourceId:personId:role`. */
export async function openLinkKeys(db: Database, projectId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('resource_person')
    .select(['resource_id', 'person_id', 'role'])
    .where('project_id', '=', projectId)
    .where('end_date', 'is', null)
    .execute();

  return new Set(rows.map((r) => `${r.resource_id}:${r.person_id}:${r.role}`));
}

/** A company's vehicles by plate, with the columns an import compares. */
export async function vehiclesByPlate(db: Database, orgId: number) {
  const rows = await db
    .selectFrom('vehicle')
    .select([
      'id',
      'project_id',
      'plate',
      'vehicle_type',
      'colour',
      'person_id',
      'parking_space_id',
    ])
    .where('org_id', '=', orgId)
    .execute();

  return new Map(rows.map((r) => [r.plate, r]));
}

export async function insertVehicles(
  db: Database,
  vehicles: Insert<VehicleTable>[],
): Promise<void> {
  for (let i = 0; i < vehicles.length; i += 300) {
    await db
      .insertInto('vehicle')
      .values(vehicles.slice(i, i + 300))
      .execute();
  }
}

/** Names, mobiles and e-mail addresses of a company's people, for notices. */
export function personContacts(db: Database, orgId: number, personIds: number[]) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'mobile', 'email'])
    .where('org_id', '=', orgId)
    .where('id', 'in', personIds)
    .execute();
}
