import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { FeeBindingTable, ResourceKind } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, type FieldIssue, invalidField, notFound } from '../../platform/errors.js';
import { type Scope, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type {
  CreateBindingBatchInput,
  CreateFeeBindingsInput,
  EndFeeBindingInput,
  FeeBindingListQuery,
} from './fees.schemas.js';
import * as repo from './fees.repository.js';

export async function listFeeBindings(
  db: Database,
  ctx: RequestContext,
  query: FeeBindingListQuery,
) {
  const { items, total } = await repo.listFeeBindings(db, scopeOf(ctx), query);

  return { items, total, page: query.page, pageSize: query.pageSize };
}

export type FeeBinding = repo.FeeBindingRow;

export async function getFeeBinding(db: Database, ctx: RequestContext, id: number) {
  const binding = await repo.findFeeBinding(db, scopeOf(ctx), id);
  if (!binding) throw notFound('fee_binding');

  return binding;
}

/** The fee items a resource is charged, through which standards and from when. */
export async function resourceFeeBindings(db: Database, ctx: RequestContext, resourceId: number) {
  const scope = scopeOf(ctx);
  const [resource] = await repo.resourcesByIds(db, scope, [resourceId]);
  if (!resource) throw notFound('resource');

  const { items } = await repo.listFeeBindings(db, scope, { resourceId, page: 1, pageSize: 200 });

  return { items };
}

/** The standard to bind, active and with an active item, or a refusal naming `standardId`. */
async function bindableStandard(db: Database, scope: Scope, standardId: number) {
  const standard = await repo.findFeeStandard(db, scope, standardId);
  if (!standard) throw invalidField('standardId', 'validation.unknown_fee_standard');
  if (standard.status !== 'active' || standard.item_status !== 'active') {
    throw invalidField('standardId', 'validation.standard_archived');
  }

  return {
    ...standard,
    kinds: JSON.parse(standard.resource_kinds) as ResourceKind[],
  };
}

function assertDates(startDate: string, endDate: string | null | undefined) {
  if (endDate && endDate < startDate) throw invalidField('endDate', 'validation.end_before_start');
}

function overlapError(fields: string[], count: number): AppError {
  return new AppError('FEE_BINDING_OVERLAP', {
    params: { count },
    details: fields.slice(0, 50).map((field) => ({ field, message: 'validation.binding_overlap' })),
  });
}

type BindableStandard = Awaited<ReturnType<typeof bindableStandard>>;

function bindingRows(
  scope: Scope,
  ctx: RequestContext,
  standard: BindableStandard,
  resourceIds: number[],
  input: { startDate: string; endDate?: string | null; note?: string | null },
): Insertable<FeeBindingTable>[] {
  const now = nowInstant();

  return resourceIds.map((resourceId) => ({
    org_id: scope.orgId,
    project_id: standard.project_id,
    fee_item_id: standard.fee_item_id,
    standard_id: standard.id,
    resource_id: resourceId,
    start_date: input.startDate,
    end_date: input.endDate ?? null,
    note: input.note ?? null,
    created_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
  }));
}

/** Checks each listed resource: in the standard's project, of a kind (and use) it applies to. */
async function listedResourceIssues(
  db: Database,
  scope: Scope,
  standard: BindableStandard,
  resourceIds: number[],
): Promise<FieldIssue[]> {
  const found = new Map((await repo.resourcesByIds(db, scope, resourceIds)).map((r) => [r.id, r]));

  return resourceIds.flatMap((id, i): FieldIssue[] => {
    const field = `resourceIds.${i}`;
    const resource = found.get(id);
    if (resourceIds.indexOf(id) !== i) return [{ field, message: 'validation.duplicate' }];
    if (!resource || resource.projectId !== standard.project_id) {
      return [{ field, message: 'validation.unknown_resource_id' }];
    }
    if (!standard.kinds.includes(resource.kind)) {
      return [{ field, message: 'validation.kind_not_applicable' }];
    }
    if (resource.kind === 'room' && standard.room_use && resource.roomUse !== standard.room_use) {
      return [{ field, message: 'validation.room_use_not_applicable' }];
    }
    return [];
  });
}

/**
 * Charges a standard on the listed resources from a date. Refused (409, naming each resource)
 * when one of them already carries the same fee item on an overlapping day.
 */
export async function createFeeBindings(
  db: Database,
  ctx: RequestContext,
  input: CreateFeeBindingsInput,
) {
  const scope = scopeOf(ctx);
  const standard = await bindableStandard(db, scope, input.standardId);
  assertDates(input.startDate, input.endDate);
  const issues = await listedResourceIssues(db, scope, standard, input.resourceIds);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  const ids = await inTransaction(db, async (tx) => {
    await repo.lockFeeItem(tx, standard.fee_item_id);
    const overlapping = await repo.overlappingResourceIds(tx, {
      feeItemId: standard.fee_item_id,
      resourceIds: input.resourceIds,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
    });
    if (overlapping.size > 0) {
      const fields = input.resourceIds.flatMap((id, i) =>
        overlapping.has(id) ? [`resourceIds.${i}`] : [],
      );
      throw overlapError(fields, overlapping.size);
    }

    const bindingIds = await repo.insertFeeBindings(
      tx,
      bindingRows(scope, ctx, standard, input.resourceIds, input),
    );
    await recordAudit(tx, ctx, {
      action: 'fee-binding.create',
      entityType: 'fee_standard',
      entityId: standard.id,
      projectId: standard.project_id,
      after: { ...input, bindingIds },
    });

    return bindingIds;
  });

  return { created: ids.length, items: await repo.bindingsByIds(db, scope, ids) };
}

/** The resources of the standard's project that a bulk binding's target selects. */
async function targetResourceIds(
  db: Database,
  scope: Scope,
  standard: BindableStandard,
  target: CreateBindingBatchInput['target'],
): Promise<number[]> {
  const projectId = standard.project_id;
  if (target.resourceKind && !standard.kinds.includes(target.resourceKind)) {
    throw invalidField('target.resourceKind', 'validation.kind_not_applicable');
  }
  if (target.roomUse && standard.room_use && target.roomUse !== standard.room_use) {
    throw invalidField('target.roomUse', 'validation.room_use_not_applicable');
  }
  if (
    target.buildingId &&
    !(await repo.findBuildingOfProject(db, scope, projectId, target.buildingId))
  ) {
    throw invalidField('target.buildingId', 'validation.unknown_building');
  }
  if (target.unitId && !(await repo.findUnitOfProject(db, scope, projectId, target.unitId))) {
    throw invalidField('target.unitId', 'validation.unknown_unit');
  }
  if (
    target.floorFrom !== undefined &&
    target.floorTo !== undefined &&
    target.floorTo < target.floorFrom
  ) {
    throw invalidField('target.floorTo', 'validation.end_before_start');
  }

  const ids = await repo.matchingResourceIds(db, scope, {
    ...target,
    projectId,
    kinds: target.resourceKind ? [target.resourceKind] : standard.kinds,
    roomUse: target.roomUse ?? standard.room_use,
  });

  return ids;
}

/** What a bulk binding would do, without doing it: how many resources match, how many overlap. */
export async function previewBindingBatch(
  db: Database,
  ctx: RequestContext,
  input: CreateBindingBatchInput,
) {
  const scope = scopeOf(ctx);
  const standard = await bindableStandard(db, scope, input.standardId);
  assertDates(input.startDate, input.endDate);
  const matched = await targetResourceIds(db, scope, standard, input.target);
  const overlapping = await repo.overlappingResourceIds(db, {
    feeItemId: standard.fee_item_id,
    resourceIds: matched,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
  });

  return { matched: matched.length, overlapping: overlapping.size };
}

/**
 * Binds a standard in bulk to every applicable resource of a building, unit, kind or filtered
 * room list: batched inserts and one audit entry, however many rooms. Resources that already
 * carry the item on an overlapping day refuse the whole batch, or are skipped when asked.
 */
export async function createBindingBatch(
  db: Database,
  ctx: RequestContext,
  input: CreateBindingBatchInput,
) {
  const scope = scopeOf(ctx);
  const standard = await bindableStandard(db, scope, input.standardId);
  assertDates(input.startDate, input.endDate);
  const matched = await targetResourceIds(db, scope, standard, input.target);
  if (matched.length === 0) throw invalidField('target', 'validation.no_matching_resources');

  return inTransaction(db, async (tx) => {
    await repo.lockFeeItem(tx, standard.fee_item_id);
    const overlapping = await repo.overlappingResourceIds(tx, {
      feeItemId: standard.fee_item_id,
      resourceIds: matched,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
    });
    if (overlapping.size > 0 && (input.onOverlap ?? 'refuse') === 'refuse') {
      throw overlapError(['startDate'], overlapping.size);
    }

    const toBind = matched.filter((id) => !overlapping.has(id));
    await repo.insertFeeBindings(tx, bindingRows(scope, ctx, standard, toBind, input));
    const result = { matched: matched.length, created: toBind.length, skipped: overlapping.size };
    await recordAudit(tx, ctx, {
      action: 'fee-binding.bulk-create',
      entityType: 'fee_standard',
      entityId: standard.id,
      projectId: standard.project_id,
      after: { ...input, ...result },
    });

    return result;
  });
}

/**
 * Ends a binding on a date (the last day charged). Bindings are ended, not deleted, so the
 * bills that came from them keep their source.
 */
export async function endFeeBinding(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: EndFeeBindingInput,
) {
  const before = await getFeeBinding(db, ctx, id);
  if (input.endDate < before.startDate) {
    throw invalidField('endDate', 'validation.end_before_start');
  }

  await inTransaction(db, async (tx) => {
    const lengthened = before.endDate !== null && input.endDate > before.endDate;
    if (lengthened) {
      await repo.lockFeeItem(tx, before.feeItemId);
      const overlapping = await repo.overlappingResourceIds(tx, {
        feeItemId: before.feeItemId,
        resourceIds: [before.resourceId],
        startDate: before.startDate,
        endDate: input.endDate,
        exceptBindingId: id,
      });
      if (overlapping.size > 0) throw overlapError(['endDate'], 1);
    }

    await repo.updateFeeBinding(tx, id, {
      end_date: input.endDate,
      end_reason: input.reason ?? null,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'fee-binding.end',
      entityType: 'fee_binding',
      entityId: id,
      projectId: before.projectId,
      before,
      after: input,
    });
  });

  return getFeeBinding(db, ctx, id);
}
