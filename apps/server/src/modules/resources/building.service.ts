import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { alreadyExists, notFound } from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import { requireActor, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { assertProjectField } from '../org/project.service.js';
import type {
  BuildingListQuery,
  CreateBuildingInput,
  CreateUnitInput,
  UpdateBuildingInput,
} from './resources.schemas.js';
import * as repo from './resources.repository.js';

export type Building = Awaited<ReturnType<typeof repo.listBuildings>>['items'][number];
export type Unit = Awaited<ReturnType<typeof repo.listUnits>>[number];

/** Buildings in scope; `mine` keeps those the caller is butler of. */
export async function listBuildings(
  db: Database,
  ctx: RequestContext,
  query: BuildingListQuery,
): Promise<Page<Building>> {
  const butlerId = query.mine === 'true' ? requireActor(ctx).id : undefined;
  const page = await repo.listBuildings(db, scopeOf(ctx), { ...query, butlerId });

  return { ...page, page: query.page, pageSize: query.pageSize };
}

export async function getBuilding(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<Building> {
  const { items } = await repo.listBuildings(db, scopeOf(ctx), { id, page: 1, pageSize: 1 });
  if (items.length === 0) throw notFound('building');

  return items[0];
}

/** Adds a building (楼栋) to a project; its code is unique within the project. */
export async function createBuilding(
  db: Database,
  ctx: RequestContext,
  input: CreateBuildingInput,
): Promise<Building> {
  const scope = scopeOf(ctx);
  await assertProjectField(db, ctx, input.projectId);

  const id = await inTransaction(db, async (tx) => {
    if (
      await repo.codeTakenInProject(tx, 'building', {
        projectId: input.projectId,
        code: input.code,
      })
    )
      throw alreadyExists('code');

    const at = nowInstant();
    const buildingId = await repo.insertBuilding(tx, {
      org_id: scope.orgId,
      project_id: input.projectId,
      code: input.code,
      name: input.name,
      floors_above: input.floorsAbove ?? null,
      floors_below: input.floorsBelow ?? null,
      sort_order: input.sortOrder ?? 0,
      note: input.note ?? null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'building.create',
      entityType: 'building',
      entityId: buildingId,
      projectId: input.projectId,
      after: input,
    });

    return buildingId;
  });

  return getBuilding(db, ctx, id);
}

export async function updateBuilding(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateBuildingInput,
): Promise<Building> {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findBuilding(tx, scope, id);
    if (!before) throw notFound('building');
    if (
      input.code &&
      (await repo.codeTakenInProject(tx, 'building', {
        projectId: before.projectId,
        code: input.code,
        exceptId: id,
      }))
    ) {
      throw alreadyExists('code');
    }

    await repo.updateBuilding(tx, id, {
      code: input.code,
      name: input.name,
      floors_above: input.floorsAbove,
      floors_below: input.floorsBelow,
      sort_order: input.sortOrder,
      note: input.note,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'building.update',
      entityType: 'building',
      entityId: id,
      projectId: before.projectId,
      before,
      after: await repo.findBuilding(tx, scope, id),
    });
  });

  return getBuilding(db, ctx, id);
}

export async function listUnits(
  db: Database,
  ctx: RequestContext,
  buildingId: number,
): Promise<Unit[]> {
  if (!(await repo.findBuilding(db, scopeOf(ctx), buildingId))) throw notFound('building');

  return repo.listUnits(db, buildingId);
}

/** Adds a unit (单元) to a building; its code is unique within the building. */
export async function createUnit(
  db: Database,
  ctx: RequestContext,
  buildingId: number,
  input: CreateUnitInput,
): Promise<Unit> {
  const scope = scopeOf(ctx);

  const unitId = await inTransaction(db, async (tx) => {
    const building = await repo.findBuilding(tx, scope, buildingId);
    if (!building) throw notFound('building');
    const units = await repo.listUnits(tx, buildingId);
    if (units.some((u) => u.code === input.code)) throw alreadyExists('code');

    const id = await repo.insertUnit(tx, {
      orgId: scope.orgId,
      projectId: building.projectId,
      buildingId,
      code: input.code,
      name: input.name,
      sortOrder: input.sortOrder ?? units.length,
      at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'unit.create',
      entityType: 'building_unit',
      entityId: id,
      projectId: building.projectId,
      after: { buildingId, ...input },
    });

    return id;
  });

  const units = await repo.listUnits(db, buildingId);

  return units.find((u) => u.id === unitId)!;
}

/** Which project each building belongs to; ids of other companies are simply missing. */
export function projectsOfBuildings(db: Database, orgId: number, ids: number[]) {
  return repo.buildingProjects(db, orgId, ids);
}
