import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { toScale, toScaleOrNull } from '../../platform/decimal.js';
import type { RequestContext } from '../../platform/context.js';
import { invalidField } from '../../platform/errors.js';
import { type Scope, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { assertProjectField } from '../org/project.service.js';
import type { RoomBatchInput } from './resources.schemas.js';
import * as repo from './resources.repository.js';

/** Larger batches belong in an Excel import. */
export const ROOM_BATCH_LIMIT = 20_000;
const SAMPLE_SIZE = 50;
const TOKEN = /\{(building|unit|floor|room)(?::(\d))?\}/g;

export interface PlannedRoom {
  buildingId: number;
  buildingCode: string;
  unitCode: string | null;
  floor: number;
  code: string;
}

/** Fills a code template such as `{building}-{unit}-{floor}{room:2}`. */
export function renderRoomCode(
  template: string,
  values: { building: string; unit: string | null; floor: number; room: number },
): string {
  return template.replace(TOKEN, (_whole, token: keyof typeof values, width?: string) => {
    const value = values[token];
    const text = value === null ? '' : String(value);
    if (!width) return text;

    const negative = text.startsWith('-');
    const digits = negative ? text.slice(1) : text;
    return (negative ? '-' : '') + digits.padStart(Number(width), '0');
  });
}

/** Floors from `from` to `to`; Chinese buildings have no floor 0 (B1 is -1, then 1). */
export function floorsBetween(from: number, to: number): number[] {
  const floors: number[] = [];
  for (let floor = from; floor <= to; floor += 1) if (floor !== 0) floors.push(floor);

  return floors;
}

function unitCodes(count: number): (string | null)[] {
  return count === 0 ? [null] : Array.from({ length: count }, (_, i) => String(i + 1));
}

/** Every room the pattern describes, in building, unit, floor, room order. */
export function planRooms(
  input: RoomBatchInput,
  buildings: { id: number; code: string }[],
): PlannedRoom[] {
  if (input.floorTo < input.floorFrom) throw invalidField('floorTo', 'validation.end_before_start');
  if (input.unitCount === 0 && input.codeTemplate.includes('{unit')) {
    throw invalidField('codeTemplate', 'validation.template_unit_without_units');
  }
  if (!input.codeTemplate.includes('{room')) {
    throw invalidField('codeTemplate', 'validation.template_needs_room');
  }

  const floors = floorsBetween(input.floorFrom, input.floorTo);
  const total =
    buildings.length * Math.max(1, input.unitCount) * floors.length * input.roomsPerFloor;
  if (total > ROOM_BATCH_LIMIT) {
    throw invalidField('roomsPerFloor', 'validation.batch_too_large', {
      maximum: ROOM_BATCH_LIMIT,
    });
  }

  const rooms: PlannedRoom[] = [];
  for (const building of buildings) {
    for (const unit of unitCodes(input.unitCount)) {
      for (const floor of floors) {
        for (let room = 1; room <= input.roomsPerFloor; room += 1) {
          const code = renderRoomCode(input.codeTemplate, {
            building: building.code,
            unit,
            floor,
            room,
          });
          rooms.push({
            buildingId: building.id,
            buildingCode: building.code,
            unitCode: unit,
            floor,
            code,
          });
        }
      }
    }
  }
  if (new Set(rooms.map((r) => r.code)).size !== rooms.length) {
    throw invalidField('codeTemplate', 'validation.template_not_unique');
  }

  return rooms;
}

async function loadPlan(db: Database, ctx: RequestContext, scope: Scope, input: RoomBatchInput) {
  await assertProjectField(db, ctx, input.projectId);
  const buildings = await repo.buildingsByIds(db, scope, [...new Set(input.buildingIds)]);
  const unknown = input.buildingIds.findIndex(
    (id) => !buildings.some((b) => b.id === id && b.projectId === input.projectId),
  );
  if (unknown >= 0) throw invalidField(`buildingIds.${unknown}`, 'validation.unknown_building');

  const ordered = input.buildingIds
    .map((id) => buildings.find((b) => b.id === id)!)
    .filter((b, i, all) => all.indexOf(b) === i);
  const rooms = planRooms(input, ordered);
  const existing = await repo.existingCodes(db, {
    projectId: input.projectId,
    kind: 'room',
    codes: rooms.map((r) => r.code),
  });

  return { rooms, existing };
}

/** What a batch would create, without writing anything. */
export async function previewRoomBatch(db: Database, ctx: RequestContext, input: RoomBatchInput) {
  const { rooms, existing } = await loadPlan(db, ctx, scopeOf(ctx), input);

  return {
    total: rooms.length,
    toCreate: rooms.length - existing.size,
    existing: existing.size,
    sample: rooms.slice(0, SAMPLE_SIZE).map((r) => ({
      buildingCode: r.buildingCode,
      unitCode: r.unitCode,
      floor: r.floor,
      code: r.code,
      exists: existing.has(r.code),
    })),
  };
}

/**
 * Creates the rooms of a pattern (buildings × units × floors × rooms per floor) and any missing
 * units, in one transaction; rooms whose code already exists are skipped, never duplicated.
 */
export async function createRoomBatch(db: Database, ctx: RequestContext, input: RoomBatchInput) {
  const scope = scopeOf(ctx);

  return inTransaction(db, async (tx) => {
    const { rooms, existing } = await loadPlan(tx, ctx, scope, input);
    const at = nowInstant();

    let unitsCreated = 0;
    const unitIds = new Map<string, number>();
    for (const buildingId of new Set(rooms.map((r) => r.buildingId))) {
      const units = await repo.listUnits(tx, buildingId);
      for (const code of unitCodes(input.unitCount)) {
        if (code === null) continue;
        let unitId = units.find((u) => u.code === code)?.id;
        if (unitId === undefined) {
          unitId = await repo.insertUnit(tx, {
            orgId: scope.orgId,
            projectId: input.projectId,
            buildingId,
            code,
            name: `${code}单元`,
            sortOrder: Number(code),
            at,
          });
          unitsCreated += 1;
        }
        unitIds.set(`${buildingId}:${code}`, unitId);
      }
    }

    const fresh = rooms.filter((r) => !existing.has(r.code));
    const ids = await repo.insertResources(
      tx,
      fresh.map((r) => ({
        org_id: scope.orgId,
        project_id: input.projectId,
        kind: 'room' as const,
        code: r.code,
        area: toScale(input.area, 2),
        status: input.status,
        building_id: r.buildingId,
        created_at: at,
        updated_at: at,
        archived_at: null,
      })),
    );
    await repo.insertRooms(
      tx,
      fresh.map((r) => ({
        resource_id: ids.get(r.code)!,
        building_id: r.buildingId,
        unit_id:
          r.unitCode === null ? null : (unitIds.get(`${r.buildingId}:${r.unitCode}`) ?? null),
        floor: r.floor,
        inner_area: toScaleOrNull(input.innerArea, 2) ?? null,
        layout: input.layout ?? null,
        decoration: input.decoration ?? null,
        room_use: input.use,
      })),
    );

    const result = { created: fresh.length, skipped: existing.size, unitsCreated };
    await recordAudit(tx, ctx, {
      action: 'room.batch-create',
      entityType: 'project',
      entityId: input.projectId,
      projectId: input.projectId,
      after: { ...input, ...result },
    });

    return result;
  });
}
