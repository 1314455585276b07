import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { alreadyExists, notFound } from '../../platform/errors.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { assertProjectField } from '../org/project.service.js';
import type {
  CreateParkingLotInput,
  ParkingLotListQuery,
  UpdateParkingLotInput,
} from './resources.schemas.js';
import * as repo from './resources.repository.js';

export async function listParkingLots(
  db: Database,
  ctx: RequestContext,
  query: ParkingLotListQuery,
) {
  const page = await repo.listParkingLots(db, scopeOf(ctx), query);

  return { ...page, page: query.page, pageSize: query.pageSize };
}

export async function getParkingLot(db: Database, ctx: RequestContext, id: number) {
  const { items } = await repo.listParkingLots(db, scopeOf(ctx), { id, page: 1, pageSize: 1 });
  if (items.length === 0) throw notFound('parking_lot');

  return items[0];
}

/** Adds a parking lot (停车场), above ground or underground. */
export async function createParkingLot(
  db: Database,
  ctx: RequestContext,
  input: CreateParkingLotInput,
) {
  const scope = scopeOf(ctx);
  await assertProjectField(db, ctx, input.projectId);

  const id = await inTransaction(db, async (tx) => {
    if (
      await repo.codeTakenInProject(tx, 'parking_lot', {
        projectId: input.projectId,
        code: input.code,
      })
    )
      throw alreadyExists('code');

    const at = nowInstant();
    const lotId = await repo.insertParkingLot(tx, {
      org_id: scope.orgId,
      project_id: input.projectId,
      code: input.code,
      name: input.name,
      lot_type: input.lotType,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'parking-lot.create',
      entityType: 'parking_lot',
      entityId: lotId,
      projectId: input.projectId,
      after: input,
    });

    return lotId;
  });

  return getParkingLot(db, ctx, id);
}

export async function updateParkingLot(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateParkingLotInput,
) {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findParkingLot(tx, scope, id);
    if (!before) throw notFound('parking_lot');
    if (
      input.code &&
      (await repo.codeTakenInProject(tx, 'parking_lot', {
        projectId: before.projectId,
        code: input.code,
        exceptId: id,
      }))
    ) {
      throw alreadyExists('code');
    }

    await repo.updateParkingLot(tx, id, {
      code: input.code,
      name: input.name,
      lot_type: input.lotType,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'parking-lot.update',
      entityType: 'parking_lot',
      entityId: id,
      projectId: before.projectId,
      before,
      after: await repo.findParkingLot(tx, scope, id),
    });
  });

  return getParkingLot(db, ctx, id);
}
