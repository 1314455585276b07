import { Decimal } from 'decimal.js';
import type { Database } from '../../db/database.js';
import type { ResourceKind, ResourceStatus } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { toScale, toScaleOrNull } from '../../platform/decimal.js';
import type { RequestContext } from '../../platform/context.js';
import { alreadyExists, invalidField, notFound } from '../../platform/errors.js';
import { type Scope, requireActor, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type { CustomValueFilter } from '../custom-fields/custom-fields.repository.js';
import type { CustomFieldsInput } from '../custom-fields/custom-fields.schemas.js';
import {
  customFieldFilters,
  customValuesOf,
  saveCustomValues,
  withCustomFields,
} from '../custom-fields/custom-fields.service.js';
import { assertProjectField } from '../org/project.service.js';
import {
  type AdSpaceListQuery,
  type CreateAdSpaceInput,
  type CreateParkingSpaceInput,
  type CreateRoomInput,
  type CreateShopInput,
  type CreateStorageInput,
  type ParkingSpaceListQuery,
  type RoomListQuery,
  STATUSES_BY_KIND,
  type ShopListQuery,
  type StorageListQuery,
  type UpdateAdSpaceInput,
  type UpdateParkingSpaceInput,
  type UpdateRoomInput,
  type UpdateShopInput,
  type UpdateStorageInput,
} from './resources.schemas.js';
import * as repo from './resources.repository.js';

type Tx = Database;

/* ------------------------------------------------------------------ checks */

function assertStatus(kind: ResourceKind, status: ResourceStatus | undefined): void {
  if (status && !(STATUSES_BY_KIND[kind] as readonly string[]).includes(status)) {
    throw invalidField('status', 'validation.status_for_kind', {
      options: STATUSES_BY_KIND[kind].join(', '),
    });
  }
}

function assertLease(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw invalidField('leaseEnd', 'validation.end_before_start');
}

function assertInnerArea(area: string | null | undefined, innerArea: string | null | undefined) {
  if (area && innerArea && new Decimal(innerArea).greaterThan(area)) {
    throw invalidField('innerArea', 'validation.inner_area_too_big');
  }
}

async function assertBuilding(tx: Tx, scope: Scope, projectId: number, buildingId: number) {
  const building = await repo.findBuilding(tx, scope, buildingId);
  if (!building || building.projectId !== projectId) {
    throw invalidField('buildingId', 'validation.unknown_building');
  }
}

async function assertUnit(tx: Tx, buildingId: number, unitId: number | null | undefined) {
  if (unitId && !(await repo.findUnit(tx, buildingId, unitId))) {
    throw invalidField('unitId', 'validation.unknown_unit');
  }
}

async function assertCodeFree(
  tx: Tx,
  resource: { projectId: number; kind: ResourceKind; code: string | undefined; exceptId?: number },
) {
  if (!resource.code) return;
  if (await repo.resourceCodeTaken(tx, { ...resource, code: resource.code })) {
    throw alreadyExists('code');
  }
}

/** Attaches the current owners' names and the custom field values to each row of a page. */
async function withOwnersAndFields<T extends { id: number }>(
  db: Database,
  ctx: RequestContext,
  kind: ResourceKind,
  items: T[],
) {
  const owners = await repo.ownerNames(
    db,
    items.map((item) => item.id),
  );
  const rows = items.map((item) => ({ ...item, owners: owners.get(item.id) ?? null }));

  return withCustomFields(db, scopeOf(ctx).orgId, kind, rows);
}

/** The list query's `cf.<key>` filters of a kind, checked. */
function customFilters(db: Database, ctx: RequestContext, kind: ResourceKind, query: object) {
  return customFieldFilters(db, scopeOf(ctx).orgId, kind, query);
}

/** One insert into `resource` plus one into the kind's own table, audited, in one transaction. */
async function createResource(
  db: Database,
  ctx: RequestContext,
  resource: {
    kind: ResourceKind;
    projectId: number;
    code: string;
    area: string | null | undefined;
    status: ResourceStatus;
    buildingId: number | null | undefined;
    /** The request body, audited as it came; its `customFields` are checked and stored. */
    input: { customFields?: CustomFieldsInput };
    check?: (tx: Tx, scope: Scope) => Promise<void>;
    insertOwn: (tx: Tx, resourceId: number) => Promise<void>;
  },
): Promise<number> {
  const scope = scopeOf(ctx);
  assertStatus(resource.kind, resource.status);
  await assertProjectField(db, ctx, resource.projectId);

  return inTransaction(db, async (tx) => {
    await resource.check?.(tx, scope);
    await assertCodeFree(tx, resource);

    const at = nowInstant();
    const resourceId = await repo.insertResource(tx, {
      org_id: scope.orgId,
      project_id: resource.projectId,
      kind: resource.kind,
      code: resource.code,
      area: toScaleOrNull(resource.area, 2) ?? null,
      status: resource.status,
      building_id: resource.buildingId ?? null,
      created_at: at,
      updated_at: at,
      archived_at: null,
    });
    await resource.insertOwn(tx, resourceId);
    await saveCustomValues(tx, {
      orgId: scope.orgId,
      target: resource.kind,
      entityId: resourceId,
      values: resource.input.customFields,
      creating: true,
    });
    await recordAudit(tx, ctx, {
      action: `${resource.kind}.create`,
      entityType: resource.kind,
      entityId: resourceId,
      projectId: resource.projectId,
      after: resource.input,
    });

    return resourceId;
  });
}

/** Updates the shared identity and the kind's own row, audited with before and after. */
async function updateResource<T extends { projectId: number; code: string }>(
  db: Database,
  ctx: RequestContext,
  resource: {
    kind: ResourceKind;
    id: number;
    find: (tx: Tx, scope: Scope) => Promise<T | undefined>;
    code?: string;
    area?: string | null;
    status?: ResourceStatus;
    buildingId?: number | null;
    customFields?: CustomFieldsInput;
    check?: (tx: Tx, scope: Scope, before: T) => Promise<void>;
    updateOwn: (tx: Tx) => Promise<void>;
  },
): Promise<void> {
  const scope = scopeOf(ctx);
  assertStatus(resource.kind, resource.status);

  await inTransaction(db, async (tx) => {
    const before = await resource.find(tx, scope);
    if (!before) throw notFound('resource');
    const valuesOf = async () =>
      (await customValuesOf(tx, scope.orgId, resource.kind, [resource.id])).get(resource.id);
    const valuesBefore = await valuesOf();
    await resource.check?.(tx, scope, before);
    await assertCodeFree(tx, {
      projectId: before.projectId,
      kind: resource.kind,
      code: resource.code,
      exceptId: resource.id,
    });

    await repo.updateResource(tx, resource.id, {
      code: resource.code,
      area: toScaleOrNull(resource.area, 2),
      status: resource.status,
      building_id: resource.buildingId,
      updated_at: nowInstant(),
    });
    await resource.updateOwn(tx);
    await saveCustomValues(tx, {
      orgId: scope.orgId,
      target: resource.kind,
      entityId: resource.id,
      values: resource.customFields,
      creating: false,
    });
    await recordAudit(tx, ctx, {
      action: `${resource.kind}.update`,
      entityType: resource.kind,
      entityId: resource.id,
      projectId: before.projectId,
      before: { ...before, customFields: valuesBefore },
      after: { ...(await resource.find(tx, scope)), customFields: await valuesOf() },
    });
  });
}

/** A page of one kind of resource, with owners and custom values attached. */
async function listKind<Q extends { page: number; pageSize: number }, T extends { id: number }>(
  db: Database,
  ctx: RequestContext,
  kind: ResourceKind,
  query: Q,
  list: (
    db: Database,
    scope: Scope,
    filter: Q & { customFields: CustomValueFilter[] },
  ) => Promise<{ items: T[]; total: number }>,
) {
  const customFields = await customFilters(db, ctx, kind, query);
  const { items, total } = await list(db, scopeOf(ctx), { ...query, customFields });

  return {
    items: await withOwnersAndFields(db, ctx, kind, items),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One resource of a kind, with owners and custom values; 404 outside the scope. */
async function getKind<T extends { id: number }>(
  db: Database,
  ctx: RequestContext,
  kind: ResourceKind,
  id: number,
  find: (db: Database, scope: Scope, id: number) => Promise<T | undefined>,
) {
  const found = await find(db, scopeOf(ctx), id);
  if (!found) throw notFound('resource');

  return (await withOwnersAndFields(db, ctx, kind, [found]))[0];
}

/* -------------------------------------------------------------------- rooms */

export function listRooms(db: Database, ctx: RequestContext, query: RoomListQuery) {
  const butlerId = query.mine === 'true' ? requireActor(ctx).id : undefined;

  return listKind(db, ctx, 'room', { ...query, butlerId }, repo.listRooms);
}

export function getRoom(db: Database, ctx: RequestContext, id: number) {
  return getKind(db, ctx, 'room', id, repo.findRoom);
}

/** Adds a room (房屋) to a building, optionally in a unit. */
export async function createRoom(db: Database, ctx: RequestContext, input: CreateRoomInput) {
  assertInnerArea(input.area, input.innerArea);
  const id = await createResource(db, ctx, {
    kind: 'room',
    projectId: input.projectId,
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: input.buildingId,
    input,
    check: async (tx, scope) => {
      await assertBuilding(tx, scope, input.projectId, input.buildingId);
      await assertUnit(tx, input.buildingId, input.unitId);
    },
    insertOwn: (tx, resourceId) =>
      repo.insertRoom(tx, {
        resource_id: resourceId,
        building_id: input.buildingId,
        unit_id: input.unitId ?? null,
        floor: input.floor,
        inner_area: toScaleOrNull(input.innerArea, 2) ?? null,
        layout: input.layout ?? null,
        decoration: input.decoration ?? null,
        room_use: input.use,
        fee_coefficient: input.feeCoefficient && toScale(input.feeCoefficient, 4),
        delivery_date: input.deliveryDate ?? null,
        move_in_date: input.moveInDate ?? null,
      }),
  });

  return getRoom(db, ctx, id);
}

export async function updateRoom(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateRoomInput,
) {
  await updateResource(db, ctx, {
    kind: 'room',
    id,
    find: (tx, scope) => repo.findRoom(tx, scope, id),
    code: input.code,
    area: input.area,
    status: input.status,
    customFields: input.customFields,
    check: async (tx, _scope, before) => {
      assertInnerArea(input.area ?? before.area, input.innerArea ?? before.innerArea);
      if (before.buildingId) await assertUnit(tx, before.buildingId, input.unitId);
    },
    updateOwn: (tx) =>
      repo.updateRoom(tx, id, {
        unit_id: input.unitId,
        floor: input.floor,
        inner_area: toScaleOrNull(input.innerArea, 2),
        layout: input.layout,
        decoration: input.decoration,
        room_use: input.use,
        fee_coefficient: input.feeCoefficient && toScale(input.feeCoefficient, 4),
        delivery_date: input.deliveryDate,
        move_in_date: input.moveInDate,
      }),
  });

  return getRoom(db, ctx, id);
}

/* -------------------------------------------------------------------- shops */

export function listShops(db: Database, ctx: RequestContext, query: ShopListQuery) {
  return listKind(db, ctx, 'shop', query, repo.listShops);
}

export function getShop(db: Database, ctx: RequestContext, id: number) {
  return getKind(db, ctx, 'shop', id, repo.findShop);
}

/** Adds a shop (商铺), inside a building or standing alone. */
export async function createShop(db: Database, ctx: RequestContext, input: CreateShopInput) {
  assertLease(input.leaseStart, input.leaseEnd);
  const id = await createResource(db, ctx, {
    kind: 'shop',
    projectId: input.projectId,
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: input.buildingId,
    input,
    check: async (tx, scope) => {
      if (input.buildingId) await assertBuilding(tx, scope, input.projectId, input.buildingId);
    },
    insertOwn: (tx, resourceId) =>
      repo.insertShop(tx, {
        resource_id: resourceId,
        floor: input.floor ?? null,
        lease_start: input.leaseStart ?? null,
        lease_end: input.leaseEnd ?? null,
        business_scope: input.businessScope ?? null,
        rent_standard: toScaleOrNull(input.rentStandard, 4) ?? null,
      }),
  });

  return getShop(db, ctx, id);
}

export async function updateShop(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateShopInput,
) {
  await updateResource(db, ctx, {
    kind: 'shop',
    id,
    find: (tx, scope) => repo.findShop(tx, scope, id),
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: input.buildingId,
    customFields: input.customFields,
    check: async (tx, scope, before) => {
      assertLease(input.leaseStart ?? before.leaseStart, input.leaseEnd ?? before.leaseEnd);
      if (input.buildingId) await assertBuilding(tx, scope, before.projectId, input.buildingId);
    },
    updateOwn: (tx) =>
      repo.updateShop(tx, id, {
        floor: input.floor,
        lease_start: input.leaseStart,
        lease_end: input.leaseEnd,
        business_scope: input.businessScope,
        rent_standard: toScaleOrNull(input.rentStandard, 4),
      }),
  });

  return getShop(db, ctx, id);
}

/* ----------------------------------------------------------- parking spaces */

export function listParkingSpaces(db: Database, ctx: RequestContext, query: ParkingSpaceListQuery) {
  return listKind(db, ctx, 'parking_space', query, repo.listParkingSpaces);
}

export function getParkingSpace(db: Database, ctx: RequestContext, id: number) {
  return getKind(db, ctx, 'parking_space', id, repo.findParkingSpace);
}

async function assertLot(tx: Tx, scope: Scope, projectId: number, lotId: number) {
  const lot = await repo.findParkingLot(tx, scope, lotId);
  if (!lot || lot.projectId !== projectId)
    throw invalidField('lotId', 'validation.unknown_parking_lot');
}

/** Adds a parking space (车位) to a parking lot. */
export async function createParkingSpace(
  db: Database,
  ctx: RequestContext,
  input: CreateParkingSpaceInput,
) {
  const id = await createResource(db, ctx, {
    kind: 'parking_space',
    projectId: input.projectId,
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: null,
    input,
    check: (tx, scope) => assertLot(tx, scope, input.projectId, input.lotId),
    insertOwn: (tx, resourceId) =>
      repo.insertParkingSpace(tx, {
        resource_id: resourceId,
        lot_id: input.lotId,
        space_type: input.spaceType,
      }),
  });

  return getParkingSpace(db, ctx, id);
}

export async function updateParkingSpace(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateParkingSpaceInput,
) {
  await updateResource(db, ctx, {
    kind: 'parking_space',
    id,
    find: (tx, scope) => repo.findParkingSpace(tx, scope, id),
    code: input.code,
    area: input.area,
    status: input.status,
    customFields: input.customFields,
    check: async (tx, scope, before) => {
      if (input.lotId) await assertLot(tx, scope, before.projectId, input.lotId);
    },
    updateOwn: (tx) =>
      repo.updateParkingSpace(tx, id, { lot_id: input.lotId, space_type: input.spaceType }),
  });

  return getParkingSpace(db, ctx, id);
}

/* ---------------------------------------------------------------- ad spaces */

export function listAdSpaces(db: Database, ctx: RequestContext, query: AdSpaceListQuery) {
  return listKind(db, ctx, 'ad_space', query, repo.listAdSpaces);
}

export function getAdSpace(db: Database, ctx: RequestContext, id: number) {
  return getKind(db, ctx, 'ad_space', id, repo.findAdSpace);
}

/** Adds an advertising space (广告位). */
export async function createAdSpace(db: Database, ctx: RequestContext, input: CreateAdSpaceInput) {
  assertLease(input.leaseStart, input.leaseEnd);
  const id = await createResource(db, ctx, {
    kind: 'ad_space',
    projectId: input.projectId,
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: null,
    input,
    insertOwn: (tx, resourceId) =>
      repo.insertAdSpace(tx, {
        resource_id: resourceId,
        location: input.location,
        size: input.size ?? null,
        lease_start: input.leaseStart ?? null,
        lease_end: input.leaseEnd ?? null,
      }),
  });

  return getAdSpace(db, ctx, id);
}

export async function updateAdSpace(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateAdSpaceInput,
) {
  await updateResource(db, ctx, {
    kind: 'ad_space',
    id,
    find: (tx, scope) => repo.findAdSpace(tx, scope, id),
    code: input.code,
    area: input.area,
    status: input.status,
    customFields: input.customFields,
    check: async (_tx, _scope, before) =>
      assertLease(input.leaseStart ?? before.leaseStart, input.leaseEnd ?? before.leaseEnd),
    updateOwn: (tx) =>
      repo.updateAdSpace(tx, id, {
        location: input.location,
        size: input.size,
        lease_start: input.leaseStart,
        lease_end: input.leaseEnd,
      }),
  });

  return getAdSpace(db, ctx, id);
}

/* ------------------------------------------------------------------ storage */

export function listStorage(db: Database, ctx: RequestContext, query: StorageListQuery) {
  return listKind(db, ctx, 'storage', query, repo.listStorage);
}

export function getStorage(db: Database, ctx: RequestContext, id: number) {
  return getKind(db, ctx, 'storage', id, repo.findStorage);
}

/** Adds a basement or storage room (地下室 / 储藏室). */
export async function createStorage(db: Database, ctx: RequestContext, input: CreateStorageInput) {
  const id = await createResource(db, ctx, {
    kind: 'storage',
    projectId: input.projectId,
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: input.buildingId,
    input,
    check: async (tx, scope) => {
      if (input.buildingId) await assertBuilding(tx, scope, input.projectId, input.buildingId);
    },
    insertOwn: (tx, resourceId) =>
      repo.insertStorage(tx, {
        resource_id: resourceId,
        storage_type: input.storageType,
        floor: input.floor ?? null,
      }),
  });

  return getStorage(db, ctx, id);
}

export async function updateStorage(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateStorageInput,
) {
  await updateResource(db, ctx, {
    kind: 'storage',
    id,
    find: (tx, scope) => repo.findStorage(tx, scope, id),
    code: input.code,
    area: input.area,
    status: input.status,
    buildingId: input.buildingId,
    customFields: input.customFields,
    check: async (tx, scope, before) => {
      if (input.buildingId) await assertBuilding(tx, scope, before.projectId, input.buildingId);
    },
    updateOwn: (tx) =>
      repo.updateStorage(tx, id, { storage_type: input.storageType, floor: input.floor }),
  });

  return getStorage(db, ctx, id);
}

/* ---------------------------------------------------------- any resource */

/** A resource of any kind with its kind's attributes: the archive's detail page. */
export async function getResource(db: Database, ctx: RequestContext, id: number) {
  const found = await repo.findResourceKind(db, scopeOf(ctx), id);
  if (!found) throw notFound('resource');

  const loaders = {
    room: getRoom,
    shop: getShop,
    parking_space: getParkingSpace,
    ad_space: getAdSpace,
    storage: getStorage,
  } as const;
  const resource = await loaders[found.kind](db, ctx, id);
  const {
    id: _id,
    projectId,
    projectName,
    kind,
    code,
    area,
    status,
    buildingId,
    buildingName,
    owners,
    createdAt,
    updatedAt,
    customFields,
    ...attributes
  } = resource;

  return {
    id,
    projectId,
    projectName,
    kind,
    code,
    area,
    status,
    buildingId,
    buildingName,
    owners,
    createdAt,
    updatedAt,
    customFields,
    attributes,
  };
}
