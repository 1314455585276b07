import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { alreadyExists, invalidField, notFound } from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import { type Scope, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type { CreateVehicleInput, UpdateVehicleInput, VehicleListQuery } from './people.schemas.js';
import { assertProjectField, personForField } from './person.service.js';
import * as repo from './people.repository.js';

type VehicleRow = NonNullable<Awaited<ReturnType<typeof repo.findVehicle>>>;

export type VehicleType = 'small_car' | 'large_car' | 'new_energy' | 'motorcycle' | 'other';
export type Vehicle = Omit<VehicleRow, 'vehicleType'> & { vehicleType: VehicleType };

function toVehicle(row: VehicleRow): Vehicle {
  return { ...row, vehicleType: row.vehicleType as VehicleType };
}

/** The vehicles the caller may see; `q` finds a plate or the owner's name. */
export async function listVehicles(
  db: Database,
  ctx: RequestContext,
  query: VehicleListQuery,
): Promise<Page<Vehicle>> {
  const page = await repo.listVehicles(db, scopeOf(ctx), query);

  return { ...page, items: page.items.map(toVehicle) };
}

async function loadVehicle(db: Database, scope: Scope, id: number): Promise<Vehicle> {
  const row = await repo.findVehicle(db, scope, id);
  if (!row) throw notFound('vehicle');

  return toVehicle(row);
}

export function getVehicle(db: Database, ctx: RequestContext, id: number): Promise<Vehicle> {
  return loadVehicle(db, scopeOf(ctx), id);
}

/** The person and parking space a vehicle refers to must be the caller's to see. */
async function checkReferences(
  db: Database,
  scope: Scope,
  refs: { projectId: number; personId?: number | null; parkingSpaceId?: number | null },
): Promise<void> {
  if (refs.personId) await personForField(db, scope, refs.personId, 'personId');
  if (!refs.parkingSpaceId) return;

  const space = await repo.findResourceInScope(db, scope, refs.parkingSpaceId);
  if (!space || space.kind !== 'parking_space' || space.projectId !== refs.projectId) {
    throw invalidField('parkingSpaceId', 'validation.unknown_parking_space');
  }
}

/** Registers a vehicle by its plate; a plate is unique within the company. */
export async function createVehicle(
  db: Database,
  ctx: RequestContext,
  input: CreateVehicleInput,
): Promise<Vehicle> {
  const scope = scopeOf(ctx);
  await assertProjectField(db, ctx, input.projectId);
  await checkReferences(db, scope, input);

  const id = await inTransaction(db, async (tx) => {
    if (await repo.plateTaken(tx, { orgId: scope.orgId, plate: input.plate })) {
      throw alreadyExists('plate');
    }

    const at = nowInstant();
    const vehicleId = await repo.insertVehicle(tx, {
      org_id: scope.orgId,
      project_id: input.projectId,
      plate: input.plate,
      vehicle_type: input.vehicleType,
      colour: input.colour ?? null,
      person_id: input.personId ?? null,
      parking_space_id: input.parkingSpaceId ?? null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'vehicle.create',
      entityType: 'vehicle',
      entityId: vehicleId,
      projectId: input.projectId,
      after: input,
    });

    return vehicleId;
  });

  return loadVehicle(db, scope, id);
}

/** Edits a vehicle: plate, type, colour, owner, parking space. */
export async function updateVehicle(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateVehicleInput,
): Promise<Vehicle> {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findVehicle(tx, scope, id);
    if (!before) throw notFound('vehicle');
    await checkReferences(tx, scope, { ...input, projectId: before.projectId });
    const plate = input.plate;
    if (plate !== undefined && plate !== before.plate) {
      const taken = await repo.plateTaken(tx, { orgId: scope.orgId, plate, exceptId: id });
      if (taken) throw alreadyExists('plate');
    }

    await repo.updateVehicle(tx, id, {
      plate: input.plate,
      vehicle_type: input.vehicleType,
      colour: input.colour,
      person_id: input.personId,
      parking_space_id: input.parkingSpaceId,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'vehicle.update',
      entityType: 'vehicle',
      entityId: id,
      projectId: before.projectId,
      before,
      after: await repo.findVehicle(tx, scope, id),
    });
  });

  return loadVehicle(db, scope, id);
}
