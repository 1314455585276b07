import { type Insertable, type Updateable, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type {
  AdSpaceTable,
  BuildingTable,
  ParkingLotTable,
  ParkingSpaceTable,
  ResourceKind,
  ResourceTable,
  RoomTable,
  ShopTable,
  StorageRoomTable,
} from '../../db/schema.js';
import { contains, countRows, pageWithTotal } from '../../platform/query.js';
import {
  type CustomValueFilter,
  customValuesMatch,
} from '../custom-fields/custom-fields.repository.js';
import { type Scope, inScope } from '../../platform/scope.js';

/* ---------------------------------------------------------------- buildings */

export interface BuildingFilter {
  id?: number;
  projectId?: number;
  q?: string;
  /** Only the buildings this employee is butler of. */
  butlerId?: number;
  page: number;
  pageSize: number;
}

function buildingsInScope(db: Database, scope: Scope) {
  return db.selectFrom('building').where(
    inScope(scope, {
      org: 'building.org_id',
      project: 'building.project_id',
      building: 'building.id',
    }),
  );
}

const buildingColumns = [
  'building.id',
  'building.project_id as projectId',
  'building.code',
  'building.name',
  'building.floors_above as floorsAbove',
  'building.floors_below as floorsBelow',
  'building.sort_order as sortOrder',
  'building.note',
] as const;

export async function listBuildings(db: Database, scope: Scope, filter: BuildingFilter) {
  let query = buildingsInScope(db, scope);
  if (filter.id) query = query.where('building.id', '=', filter.id);
  if (filter.projectId) query = query.where('building.project_id', '=', filter.projectId);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([contains('building.code', q), contains('building.name', q)]),
    );
  }
  if (filter.butlerId) {
    const butlerId = filter.butlerId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('butler_assignment')
          .select('butler_assignment.id')
          .whereRef('butler_assignment.resource_id', '=', 'building.id')
          .where('butler_assignment.resource_type', '=', 'building')
          .where('butler_assignment.employee_id', '=', butlerId),
      ),
    );
  }

  const { items, total } = await pageWithTotal(
    query
      .select(buildingColumns)
      .select((eb) => [
        eb
          .selectFrom('building_unit')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('building_unit.building_id', '=', 'building.id')
          .as('unitCount'),
        eb
          .selectFrom('room')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('room.building_id', '=', 'building.id')
          .as('roomCount'),
      ])
      .orderBy('building.project_id')
      .orderBy('building.sort_order')
      .orderBy('building.code'),
    filter,
    () => countRows(query),
  );

  return {
    items: items.map((b) => ({
      ...b,
      unitCount: Number(b.unitCount),
      roomCount: Number(b.roomCount),
    })),
    total,
  };
}

export function findBuilding(db: Database, scope: Scope, id: number) {
  return buildingsInScope(db, scope)
    .select([...buildingColumns, 'building.org_id as orgId'])
    .where('building.id', '=', id)
    .executeTakeFirst();
}

export async function buildingsByIds(db: Database, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];

  return buildingsInScope(db, scope)
    .select(['building.id', 'building.project_id as projectId', 'building.code'])
    .where('building.id', 'in', ids)
    .execute();
}

/** Whether a building or parking lot code is already used in the project (besides `exceptId`). */
export async function codeTakenInProject(
  db: Database,
  table: 'building' | 'parking_lot',
  place: { projectId: number; code: string; exceptId?: number },
): Promise<boolean> {
  let query = db
    .selectFrom(table)
    .select('id')
    .where('project_id', '=', place.projectId)
    .where('code', '=', place.code);
  if (place.exceptId !== undefined) query = query.where('id', '!=', place.exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertBuilding(
  db: Database,
  building: Insertable<BuildingTable>,
): Promise<number> {
  const row = await db
    .insertInto('building')
    .values(building)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateBuilding(
  db: Database,
  id: number,
  changes: Updateable<BuildingTable>,
): Promise<void> {
  await db.updateTable('building').set(changes).where('id', '=', id).execute();
}

/* -------------------------------------------------------------------- units */

export function listUnits(db: Database, buildingId: number) {
  return db
    .selectFrom('building_unit')
    .select(['id', 'building_id as buildingId', 'code', 'name', 'sort_order as sortOrder'])
    .where('building_id', '=', buildingId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function findUnit(db: Database, buildingId: number, unitId: number) {
  return db
    .selectFrom('building_unit')
    .select(['id', 'code', 'name'])
    .where('building_id', '=', buildingId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

export async function insertUnit(
  db: Database,
  unit: {
    orgId: number;
    projectId: number;
    buildingId: number;
    code: string;
    name: string;
    sortOrder: number;
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('building_unit')
    .values({
      org_id: unit.orgId,
      project_id: unit.projectId,
      building_id: unit.buildingId,
      code: unit.code,
      name: unit.name,
      sort_order: unit.sortOrder,
      created_at: unit.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

/* ------------------------------------------------------------- parking lots */

function lotsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('parking_lot')
    .where(inScope(scope, { org: 'parking_lot.org_id', project: 'parking_lot.project_id' }));
}

const lotColumns = [
  'parking_lot.id',
  'parking_lot.project_id as projectId',
  'parking_lot.code',
  'parking_lot.name',
  'parking_lot.lot_type as lotType',
] as const;

export async function listParkingLots(
  db: Database,
  scope: Scope,
  filter: { id?: number; projectId?: number; q?: string; page: number; pageSize: number },
) {
  let query = lotsInScope(db, scope);
  if (filter.id) query = query.where('parking_lot.id', '=', filter.id);
  if (filter.projectId) query = query.where('parking_lot.project_id', '=', filter.projectId);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([contains('parking_lot.code', q), contains('parking_lot.name', q)]),
    );
  }

  const { items, total } = await pageWithTotal(
    query
      .select(lotColumns)
      .select((eb) =>
        eb
          .selectFrom('parking_space')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('parking_space.lot_id', '=', 'parking_lot.id')
          .as('spaceCount'),
      )
      .orderBy('parking_lot.code'),
    filter,
    () => countRows(query),
  );

  return { items: items.map((l) => ({ ...l, spaceCount: Number(l.spaceCount) })), total };
}

export function findParkingLot(db: Database, scope: Scope, id: number) {
  return lotsInScope(db, scope)
    .select(lotColumns)
    .where('parking_lot.id', '=', id)
    .executeTakeFirst();
}

export async function insertParkingLot(
  db: Database,
  lot: Insertable<ParkingLotTable>,
): Promise<number> {
  const row = await db
    .insertInto('parking_lot')
    .values(lot)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateParkingLot(
  db: Database,
  id: number,
  changes: Updateable<ParkingLotTable>,
): Promise<void> {
  await db.updateTable('parking_lot').set(changes).where('id', '=', id).execute();
}

/* ---------------------------------------------------------------- resources */

export async function resourceCodeTaken(
  db: Database,
  resource: { projectId: number; kind: ResourceKind; code: string; exceptId?: number },
): Promise<boolean> {
  let query = db
    .selectFrom('resource')
    .select('id')
    .where('project_id', '=', resource.projectId)
    .where('kind', '=', resource.kind)
    .where('code', '=', resource.code);
  if (resource.exceptId !== undefined) query = query.where('id', '!=', resource.exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

/** The codes among `codes` that a project already uses for this kind. */
export async function existingCodes(
  db: Database,
  resource: { projectId: number; kind: ResourceKind; codes: string[] },
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < resource.codes.length; i += 500) {
    const rows = await db
      .selectFrom('resource')
      .select('code')
      .where('project_id', '=', resource.projectId)
      .where('kind', '=', resource.kind)
      .where('code', 'in', resource.codes.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.code);
  }

  return found;
}

/** Inserts many resources of one kind at once; answers their ids by code. */
export async function insertResources(
  db: Database,
  resources: Insertable<ResourceTable>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < resources.length; i += 200) {
    const rows = await db
      .insertInto('resource')
      .values(resources.slice(i, i + 200))
      .returning(['id', 'code'])
      .execute();
    for (const row of rows) ids.set(row.code, row.id);
  }

  return ids;
}

export async function insertRooms(db: Database, rooms: Insertable<RoomTable>[]): Promise<void> {
  for (let i = 0; i < rooms.length; i += 200) {
    await db
      .insertInto('room')
      .values(rooms.slice(i, i + 200))
      .execute();
  }
}

export async function insertResource(
  db: Database,
  resource: Insertable<ResourceTable>,
): Promise<number> {
  const row = await db
    .insertInto('resource')
    .values(resource)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateResource(
  db: Database,
  id: number,
  changes: Updateable<ResourceTable>,
): Promise<void> {
  await db.updateTable('resource').set(changes).where('id', '=', id).execute();
}

export async function insertRoom(db: Database, room: Insertable<RoomTable>): Promise<void> {
  await db.insertInto('room').values(room).execute();
}

export async function updateRoom(db: Database, id: number, changes: Updateable<RoomTable>) {
  if (Object.values(changes).every((v) => v === undefined)) return;
  await db.updateTable('room').set(changes).where('resource_id', '=', id).execute();
}

export async function insertShop(db: Database, shop: Insertable<ShopTable>): Promise<void> {
  await db.insertInto('shop').values(shop).execute();
}

export async function updateShop(db: Database, id: number, changes: Updateable<ShopTable>) {
  if (Object.values(changes).every((v) => v === undefined)) return;
  await db.updateTable('shop').set(changes).where('resource_id', '=', id).execute();
}

export async function insertParkingSpace(db: Database, space: Insertable<ParkingSpaceTable>) {
  await db.insertInto('parking_space').values(space).execute();
}

export async function updateParkingSpace(
  db: Database,
  id: number,
  changes: Updateable<ParkingSpaceTable>,
) {
  if (Object.values(changes).every((v) => v === undefined)) return;
  await db.updateTable('parking_space').set(changes).where('resource_id', '=', id).execute();
}

export async function insertAdSpace(db: Database, space: Insertable<AdSpaceTable>): Promise<void> {
  await db.insertInto('ad_space').values(space).execute();
}

export async function updateAdSpace(db: Database, id: number, changes: Updateable<AdSpaceTable>) {
  if (Object.values(changes).every((v) => v === undefined)) return;
  await db.updateTable('ad_space').set(changes).where('resource_id', '=', id).execute();
}

export async function insertStorage(
  db: Database,
  room: Insertable<StorageRoomTable>,
): Promise<void> {
  await db.insertInto('storage_room').values(room).execute();
}

export async function updateStorage(
  db: Database,
  id: number,
  changes: Updateable<StorageRoomTable>,
) {
  if (Object.values(changes).every((v) => v === undefined)) return;
  await db.updateTable('storage_room').set(changes).where('resource_id', '=', id).execute();
}

/** Resources of one kind inside the scope, with their project and building. */
function resourcesInScope(db: Database, scope: Scope, kind: ResourceKind) {
  return db
    .selectFrom('resource as r')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .leftJoin('building as b', 'b.id', 'r.building_id')
    .where('r.kind', '=', kind)
    .where('r.archived_at', 'is', null)
    .where(inScope(scope, { org: 'r.org_id', project: 'r.project_id', building: 'r.building_id' }));
}

const baseColumns = [
  'r.id',
  'r.project_id as projectId',
  'p.name as projectName',
  'r.kind',
  'r.code',
  'r.area',
  'r.status',
  'r.building_id as buildingId',
  'b.name as buildingName',
  'r.created_at as createdAt',
  'r.updated_at as updatedAt',
] as const;

interface CommonFilter {
  projectId?: number;
  status?: ResourceTable['status'];
  buildingId?: number;
  q?: string;
  /** `cf.<key>` filters: the resource holds each of these custom values. */
  customFields?: CustomValueFilter[];
  page: number;
  pageSize: number;
}

export interface RoomFilter extends CommonFilter {
  unitId?: number;
  floor?: number;
  decoration?: 'rough' | 'simple' | 'fine';
  use?: 'residential' | 'commercial' | 'office';
  butlerId?: number;
}

function roomsQuery(db: Database, scope: Scope) {
  return resourcesInScope(db, scope, 'room')
    .innerJoin('room as rm', 'rm.resource_id', 'r.id')
    .leftJoin('building_unit as u', 'u.id', 'rm.unit_id');
}

const roomColumns = [
  ...baseColumns,
  'rm.unit_id as unitId',
  'u.name as unitName',
  'rm.floor',
  'rm.inner_area as innerArea',
  'rm.layout',
  'rm.decoration',
  'rm.room_use as use',
  'rm.fee_coefficient as feeCoefficient',
  'rm.delivery_date as deliveryDate',
  'rm.move_in_date as moveInDate',
] as const;

export async function listRooms(db: Database, scope: Scope, filter: RoomFilter) {
  let query = roomsQuery(db, scope);
  if (filter.projectId) query = query.where('r.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.buildingId) query = query.where('r.building_id', '=', filter.buildingId);
  if (filter.unitId) query = query.where('rm.unit_id', '=', filter.unitId);
  if (filter.floor !== undefined) query = query.where('rm.floor', '=', filter.floor);
  if (filter.decoration) query = query.where('rm.decoration', '=', filter.decoration);
  if (filter.use) query = query.where('rm.room_use', '=', filter.use);
  if (filter.q) query = query.where(contains('r.code', filter.q));
  if (filter.customFields) query = query.where(customValuesMatch('r.id', filter.customFields));
  if (filter.butlerId) {
    const butlerId = filter.butlerId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('butler_assignment as ba')
          .select('ba.id')
          .where('ba.employee_id', '=', butlerId)
          .where((inner) =>
            inner.or([
              inner.and([
                inner('ba.resource_type', '=', 'building'),
                inner('ba.resource_id', '=', inner.ref('r.building_id')),
              ]),
              inner.and([
                inner('ba.resource_type', '=', 'room'),
                inner('ba.resource_id', '=', inner.ref('r.id')),
              ]),
            ]),
          ),
      ),
    );
  }

  const { items, total } = await pageWithTotal(
    query
      .select(roomColumns)
      .orderBy('r.building_id')
      .orderBy('rm.unit_id')
      .orderBy('rm.floor')
      .orderBy('r.code'),
    filter,
    () => countRows(query),
  );

  return { items, total };
}

export function findRoom(db: Database, scope: Scope, id: number) {
  return roomsQuery(db, scope).select(roomColumns).where('r.id', '=', id).executeTakeFirst();
}

function shopsQuery(db: Database, scope: Scope) {
  return resourcesInScope(db, scope, 'shop').innerJoin('shop as s', 's.resource_id', 'r.id');
}

const shopColumns = [
  ...baseColumns,
  's.floor',
  's.lease_start as leaseStart',
  's.lease_end as leaseEnd',
  's.business_scope as businessScope',
  's.rent_standard as rentStandard',
] as const;

export async function listShops(db: Database, scope: Scope, filter: CommonFilter) {
  let query = shopsQuery(db, scope);
  if (filter.projectId) query = query.where('r.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.buildingId) query = query.where('r.building_id', '=', filter.buildingId);
  if (filter.q) query = query.where(contains('r.code', filter.q));
  if (filter.customFields) query = query.where(customValuesMatch('r.id', filter.customFields));

  const { items, total } = await pageWithTotal(
    query.select(shopColumns).orderBy('r.code'),
    filter,
    () => countRows(query),
  );

  return { items, total };
}

export function findShop(db: Database, scope: Scope, id: number) {
  return shopsQuery(db, scope).select(shopColumns).where('r.id', '=', id).executeTakeFirst();
}

function parkingSpacesQuery(db: Database, scope: Scope) {
  return resourcesInScope(db, scope, 'parking_space')
    .innerJoin('parking_space as ps', 'ps.resource_id', 'r.id')
    .innerJoin('parking_lot as pl', 'pl.id', 'ps.lot_id');
}

const parkingSpaceColumns = [
  ...baseColumns,
  'ps.lot_id as lotId',
  'pl.name as lotName',
  'ps.space_type as spaceType',
] as const;

export async function listParkingSpaces(
  db: Database,
  scope: Scope,
  filter: CommonFilter & { lotId?: number; spaceType?: ParkingSpaceTable['space_type'] },
) {
  let query = parkingSpacesQuery(db, scope);
  if (filter.projectId) query = query.where('r.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.lotId) query = query.where('ps.lot_id', '=', filter.lotId);
  if (filter.spaceType) query = query.where('ps.space_type', '=', filter.spaceType);
  if (filter.q) query = query.where(contains('r.code', filter.q));
  if (filter.customFields) query = query.where(customValuesMatch('r.id', filter.customFields));

  const { items, total } = await pageWithTotal(
    query.select(parkingSpaceColumns).orderBy('pl.code').orderBy('r.code'),
    filter,
    () => countRows(query),
  );

  return { items, total };
}

export function findParkingSpace(db: Database, scope: Scope, id: number) {
  return parkingSpacesQuery(db, scope)
    .select(parkingSpaceColumns)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

function adSpacesQuery(db: Database, scope: Scope) {
  return resourcesInScope(db, scope, 'ad_space').innerJoin(
    'ad_space as a',
    'a.resource_id',
    'r.id',
  );
}

const adSpaceColumns = [
  ...baseColumns,
  'a.location',
  'a.size',
  'a.lease_start as leaseStart',
  'a.lease_end as leaseEnd',
] as const;

export async function listAdSpaces(db: Database, scope: Scope, filter: CommonFilter) {
  let query = adSpacesQuery(db, scope);
  if (filter.projectId) query = query.where('r.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([contains('r.code', q), contains('a.location', q)]));
  }
  if (filter.customFields) query = query.where(customValuesMatch('r.id', filter.customFields));

  const { items, total } = await pageWithTotal(
    query.select(adSpaceColumns).orderBy('r.code'),
    filter,
    () => countRows(query),
  );

  return { items, total };
}

export function findAdSpace(db: Database, scope: Scope, id: number) {
  return adSpacesQuery(db, scope).select(adSpaceColumns).where('r.id', '=', id).executeTakeFirst();
}

function storageQuery(db: Database, scope: Scope) {
  return resourcesInScope(db, scope, 'storage').innerJoin(
    'storage_room as sr',
    'sr.resource_id',
    'r.id',
  );
}

const storageColumns = [...baseColumns, 'sr.storage_type as storageType', 'sr.floor'] as const;

export async function listStorage(
  db: Database,
  scope: Scope,
  filter: CommonFilter & { storageType?: StorageRoomTable['storage_type'] },
) {
  let query = storageQuery(db, scope);
  if (filter.projectId) query = query.where('r.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.buildingId) query = query.where('r.building_id', '=', filter.buildingId);
  if (filter.storageType) query = query.where('sr.storage_type', '=', filter.storageType);
  if (filter.q) query = query.where(contains('r.code', filter.q));
  if (filter.customFields) query = query.where(customValuesMatch('r.id', filter.customFields));

  const { items, total } = await pageWithTotal(
    query.select(storageColumns).orderBy('r.code'),
    filter,
    () => countRows(query),
  );

  return { items, total };
}

export function findStorage(db: Database, scope: Scope, id: number) {
  return storageQuery(db, scope).select(storageColumns).where('r.id', '=', id).executeTakeFirst();
}

/** Which kind a resource id is, if the caller may see it. */
export function findResourceKind(db: Database, scope: Scope, id: number) {
  return db
    .selectFrom('resource as r')
    .select(['r.id', 'r.kind', 'r.project_id as projectId'])
    .where('r.id', '=', id)
    .where(inScope(scope, { org: 'r.org_id', project: 'r.project_id', building: 'r.building_id' }))
    .executeTakeFirst();
}

/** Current owners' names per resource, joined with 、 as a list column shows them. */
export async function ownerNames(
  db: Database,
  resourceIds: number[],
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (resourceIds.length === 0) return names;

  const rows = await db
    .selectFrom('resource_person as rp')
    .innerJoin('person', 'person.id', 'rp.person_id')
    .select(['rp.resource_id', 'person.name'])
    .where('rp.resource_id', 'in', resourceIds)
    .where('rp.role', 'in', ['owner', 'co_owner'])
    .where('rp.end_date', 'is', null)
    .orderBy('rp.id')
    .execute();
  for (const row of rows) {
    const current = names.get(row.resource_id);
    names.set(row.resource_id, current ? `${current}、${row.name}` : row.name);
  }

  return names;
}

/** Room counts by building, unit and floor: the resource tree of one project. */
export function roomTreeCounts(db: Database, scope: Scope, projectId: number) {
  return db
    .selectFrom('room as rm')
    .innerJoin('resource as r', 'r.id', 'rm.resource_id')
    .select((eb) => ['rm.building_id', 'rm.unit_id', 'rm.floor', eb.fn.countAll<number>().as('n')])
    .where('r.project_id', '=', projectId)
    .where('r.archived_at', 'is', null)
    .where(inScope(scope, { org: 'r.org_id', project: 'r.project_id', building: 'r.building_id' }))
    .groupBy(['rm.building_id', 'rm.unit_id', 'rm.floor'])
    .execute();
}

export function projectBuildingsAndUnits(db: Database, scope: Scope, projectId: number) {
  return buildingsInScope(db, scope)
    .leftJoin('building_unit as u', 'u.building_id', 'building.id')
    .select([
      'building.id as buildingId',
      'building.code as buildingCode',
      'building.name as buildingName',
      'u.id as unitId',
      'u.code as unitCode',
      'u.name as unitName',
    ])
    .where('building.project_id', '=', projectId)
    .orderBy('building.sort_order')
    .orderBy('building.code')
    .orderBy('u.sort_order')
    .orderBy('u.code')
    .execute();
}

/* ------------------------------------------------------------------ imports */

/** Building ids of a project by code, for matching imported rows. */
export async function buildingIdsByCode(
  db: Database,
  projectId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('building')
    .select(['id', 'code'])
    .where('project_id', '=', projectId)
    .execute();

  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Unit ids of a project by `buildingId:code`. */
export async function unitIdsByCode(db: Database, projectId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('building_unit')
    .select(['id', 'building_id', 'code'])
    .where('project_id', '=', projectId)
    .execute();

  return new Map(rows.map((r) => [`${r.building_id}:${r.code}`, r.id]));
}

/** Every room of a project with the columns an import compares. */
export function roomsForImport(db: Database, projectId: number) {
  return db
    .selectFrom('resource as r')
    .innerJoin('room as rm', 'rm.resource_id', 'r.id')
    .select([
      'r.id',
      'r.code',
      'r.area',
      'r.status',
      'rm.building_id',
      'rm.unit_id',
      'rm.floor',
      'rm.inner_area',
      'rm.layout',
      'rm.decoration',
      'rm.room_use',
      'rm.delivery_date',
      'rm.move_in_date',
    ])
    .where('r.project_id', '=', projectId)
    .where('r.kind', '=', 'room')
    .execute();
}

export type OwnTable = 'shop' | 'parking_space' | 'ad_space' | 'storage_room';

/** Resources of one kind in a project, with their own table's columns, for an import to compare. */
export async function resourcesWithOwnColumns(
  db: Database,
  projectId: number,
  kind: ResourceKind,
  ownTable: OwnTable,
): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`
    select r.id, r.code, r.area, r.status, r.building_id, own.*
    from resource r join ${sql.table(ownTable)} own on own.resource_id = r.id
    where r.project_id = ${projectId} and r.kind = ${kind}`.execute(db);

  return result.rows;
}

export async function insertOwnRows(
  db: Database,
  ownTable: OwnTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto(ownTable)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  }
}

export async function updateOwnRow(
  db: Database,
  ownTable: OwnTable,
  resourceId: number,
  values: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable(ownTable)
    .set(values as never)
    .where('resource_id', '=', resourceId)
    .execute();
}

/** Parking lot ids of a project by code. */
export async function parkingLotIdsByCode(
  db: Database,
  projectId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('parking_lot')
    .select(['id', 'code'])
    .where('project_id', '=', projectId)
    .execute();

  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The project of each of these buildings, if they belong to the company. */
export async function buildingProjects(
  db: Database,
  orgId: number,
  ids: number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('building')
    .select(['id', 'project_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();

  return new Map(rows.map((r) => [r.id, r.project_id]));
}
