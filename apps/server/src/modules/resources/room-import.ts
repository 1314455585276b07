import { Decimal } from 'decimal.js';
import type { Database } from '../../db/database.js';
import type { ResourceStatus, RoomTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { toScale } from '../../platform/decimal.js';
import { PHONE_PATTERN } from '../../platform/http.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type {
  ImportColumn,
  ImportCounts,
  ImportDefinition,
  ImportRow,
  ImportedRecord,
  ImportRunOptions,
  RowProblem,
} from '../imports/import.types.js';
import { linkImportedOwners } from '../people/owner-import.service.js';
import * as repo from './resources.repository.js';

const DECORATION: Record<string, RoomTable['decoration']> = {
  毛坯: 'rough',
  简装: 'simple',
  精装: 'fine',
  rough: 'rough',
  simple: 'simple',
  fine: 'fine',
};
const USE: Record<string, RoomTable['room_use']> = {
  住宅: 'residential',
  商业: 'commercial',
  办公: 'office',
  residential: 'residential',
  commercial: 'commercial',
  office: 'office',
};
const STATUS: Record<string, ResourceStatus> = {
  未售: 'unsold',
  空置: 'vacant',
  已入住: 'occupied',
  装修中: 'renovating',
  已出租: 'rented',
  unsold: 'unsold',
  vacant: 'vacant',
  occupied: 'occupied',
  renovating: 'renovating',
  rented: 'rented',
};

const columns: ImportColumn[] = [
  {
    key: 'building',
    zh: '楼栋编号',
    en: 'Building code',
    required: true,
    example: '1',
    hint: { zh: '须是本项目已有的楼栋编号', en: 'An existing building code of the project' },
  },
  {
    key: 'unit',
    zh: '单元编号',
    en: 'Unit code',
    example: '2',
    hint: { zh: '不存在时自动新建', en: 'Created when missing' },
  },
  {
    key: 'floor',
    zh: '楼层',
    en: 'Floor',
    required: true,
    example: '15',
    hint: { zh: '整数，地下层用负数', en: 'Whole number; basements are negative' },
  },
  {
    key: 'code',
    zh: '房屋编号',
    en: 'Room code',
    required: true,
    example: '1-2-1501',
    hint: {
      zh: '项目内唯一；已存在则更新该房屋',
      en: 'Unique in the project; an existing code updates that room',
    },
  },
  {
    key: 'area',
    zh: '建筑面积',
    en: 'Building area',
    required: true,
    example: '89.37',
    hint: { zh: '平方米，最多两位小数', en: 'm², at most two decimals' },
  },
  { key: 'innerArea', zh: '套内面积', en: 'Inner area', example: '72.15' },
  { key: 'layout', zh: '户型', en: 'Layout', example: '3室2厅2卫' },
  {
    key: 'decoration',
    zh: '装修',
    en: 'Decoration',
    example: '精装',
    hint: { zh: '毛坯 / 简装 / 精装', en: 'rough / simple / fine' },
  },
  {
    key: 'use',
    zh: '用途',
    en: 'Use',
    example: '住宅',
    hint: { zh: '住宅 / 商业 / 办公，默认住宅', en: 'residential / commercial / office' },
  },
  {
    key: 'status',
    zh: '状态',
    en: 'Status',
    example: '已入住',
    hint: {
      zh: '未售 / 空置 / 已入住 / 装修中 / 已出租，默认空置',
      en: 'unsold / vacant / occupied / renovating / rented',
    },
  },
  {
    key: 'deliveryDate',
    zh: '交房日期',
    en: 'Delivery date',
    example: '2020-06-30',
    hint: { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' },
  },
  { key: 'moveInDate', zh: '入住日期', en: 'Move-in date', example: '2020-10-01' },
  { key: 'ownerName', zh: '业主姓名', en: 'Owner name', example: '张三' },
  {
    key: 'ownerMobile',
    zh: '业主手机',
    en: 'Owner mobile',
    example: '13800138000',
    hint: { zh: '11 位手机号', en: '11-digit mobile number' },
  },
];

export interface RoomImportRow {
  line: number;
  buildingCode: string;
  unitCode: string | null;
  floor: number;
  code: string;
  area: string;
  innerArea: string | null;
  layout: string | null;
  decoration: RoomTable['decoration'];
  use: RoomTable['room_use'];
  status: ResourceStatus;
  deliveryDate: string | null;
  moveInDate: string | null;
  ownerName: string | null;
  ownerMobile: string | null;
}

const DECIMAL_2 = /^\d{1,10}(\.\d{1,2})?$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

function parseDate(text: string): string | null | undefined {
  if (!text) return null;
  const match = DATE.exec(text);
  if (!match) return undefined;
  const value = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;

  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

function choose<T>(map: Record<string, T>, text: string, fallback: T): T | undefined {
  if (!text) return fallback;

  return map[text] ?? map[text.toLowerCase()];
}

/** Checks one row on its own; problems go into `problems`, a good row comes back. */
export function parseRoomRow(row: ImportRow, problems: RowProblem[]): RoomImportRow | null {
  const f = row.fields;
  const problem = (column: string, message: string, params?: Record<string, string | number>) =>
    problems.push({ line: row.line, column, message, params });
  const before = problems.length;

  for (const column of columns) {
    if (column.required && !f[column.key]) problem(column.key, 'validation.required');
  }
  const floor = Number(f.floor);
  if (f.floor && (!/^-?\d+$/.test(f.floor) || floor < -10 || floor > 200)) {
    problem('floor', 'validation.invalid_type', { expected: 'type.int' });
  }
  if (f.area && !(DECIMAL_2.test(f.area) && new Decimal(f.area).greaterThan(0))) {
    problem('area', 'validation.decimal', { scale: 2 });
  }
  if (f.innerArea && !DECIMAL_2.test(f.innerArea))
    problem('innerArea', 'validation.decimal', { scale: 2 });
  if (f.area && f.innerArea && DECIMAL_2.test(f.area) && DECIMAL_2.test(f.innerArea)) {
    if (new Decimal(f.innerArea).greaterThan(f.area))
      problem('innerArea', 'validation.inner_area_too_big');
  }
  const decoration = choose(DECORATION, f.decoration ?? '', null);
  if (decoration === undefined)
    problem('decoration', 'validation.invalid_value', { options: '毛坯, 简装, 精装' });
  const use = choose(USE, f.use ?? '', 'residential');
  if (use === undefined)
    problem('use', 'validation.invalid_value', { options: '住宅, 商业, 办公' });
  const status = choose(STATUS, f.status ?? '', 'vacant');
  if (status === undefined) {
    problem('status', 'validation.invalid_value', {
      options: '未售, 空置, 已入住, 装修中, 已出租',
    });
  }
  const deliveryDate = parseDate(f.deliveryDate ?? '');
  if (deliveryDate === undefined) problem('deliveryDate', 'validation.date');
  const moveInDate = parseDate(f.moveInDate ?? '');
  if (moveInDate === undefined) problem('moveInDate', 'validation.date');
  if (f.ownerMobile && !PHONE_PATTERN.test(f.ownerMobile))
    problem('ownerMobile', 'validation.phone');
  if (f.ownerMobile && !f.ownerName) problem('ownerName', 'validation.required');
  if (problems.length > before) return null;

  return {
    line: row.line,
    buildingCode: f.building,
    unitCode: f.unit || null,
    floor,
    code: f.code,
    area: toScale(f.area, 2),
    innerArea: f.innerArea ? toScale(f.innerArea, 2) : null,
    layout: f.layout || null,
    decoration: decoration ?? null,
    use: use ?? 'residential',
    status: status ?? 'vacant',
    deliveryDate: deliveryDate ?? null,
    moveInDate: moveInDate ?? null,
    ownerName: f.ownerName || null,
    ownerMobile: f.ownerMobile || null,
  };
}

type ExistingRoom = Awaited<ReturnType<typeof repo.roomsForImport>>[number];

function differs(
  existing: ExistingRoom,
  row: RoomImportRow,
  buildingId: number,
  unitId: number | null,
) {
  return (
    existing.building_id !== buildingId ||
    existing.unit_id !== unitId ||
    existing.floor !== row.floor ||
    existing.area !== row.area ||
    existing.inner_area !== row.innerArea ||
    existing.layout !== row.layout ||
    existing.decoration !== row.decoration ||
    existing.room_use !== row.use ||
    existing.status !== row.status ||
    existing.delivery_date !== row.deliveryDate ||
    existing.move_in_date !== row.moveInDate
  );
}

const BATCH = 500;

/**
 * Imports rooms: unknown buildings, codes repeated in the file and malformed values are
 * reported per row and skipped; a known code updates its room when something changed;
 * importing the same file again creates nothing.
 */
async function runRoomImport(
  db: Database,
  ctx: RequestContext,
  options: ImportRunOptions,
): Promise<ImportCounts> {
  const scope = scopeOf(ctx);
  const problems: RowProblem[] = [];
  const buildings = await repo.buildingIdsByCode(db, options.projectId);
  const existing = new Map(
    (await repo.roomsForImport(db, options.projectId)).map((r) => [r.code, r]),
  );

  const seen = new Set<string>();
  const good: RoomImportRow[] = [];
  for (const raw of options.rows) {
    const row = parseRoomRow(raw, problems);
    if (!row) continue;
    if (!buildings.has(row.buildingCode)) {
      problems.push({ line: row.line, column: 'building', message: 'validation.unknown_building' });
      continue;
    }
    if (seen.has(row.code)) {
      problems.push({ line: row.line, column: 'code', message: 'validation.duplicate_in_file' });
      continue;
    }
    seen.add(row.code);
    good.push(row);
  }

  const units = await repo.unitIdsByCode(db, options.projectId);
  const missingUnits = new Set<string>();
  const creates: RoomImportRow[] = [];
  const updates: { row: RoomImportRow; id: number }[] = [];
  let unchanged = 0;
  const outcomes = new Map<string, ImportedRecord['outcome']>();
  for (const row of good) {
    const buildingId = buildings.get(row.buildingCode)!;
    const unitKey = row.unitCode === null ? null : `${buildingId}:${row.unitCode}`;
    if (unitKey && !units.has(unitKey)) missingUnits.add(unitKey);
    const current = existing.get(row.code);
    if (!current) {
      creates.push(row);
      outcomes.set(row.code, 'created');
    } else if (
      (unitKey && !units.has(unitKey)) ||
      differs(current, row, buildingId, unitKey ? units.get(unitKey)! : null)
    ) {
      updates.push({ row, id: current.id });
      outcomes.set(row.code, 'updated');
    } else {
      unchanged += 1;
      outcomes.set(row.code, 'unchanged');
    }
  }

  const counts = {
    total: options.rows.length,
    created: creates.length,
    updated: updates.length,
    unchanged,
    problems,
  };
  const roomIds = new Map([...existing.values()].map((r) => [r.code, r.id]));
  const records = (): ImportedRecord[] =>
    good.map((row) => ({
      line: row.line,
      id: roomIds.get(row.code) ?? null,
      outcome: outcomes.get(row.code)!,
    }));
  if (!options.apply) {
    await options.progress(options.rows.length, options.rows.length);
    return { ...counts, records: records() };
  }

  // Each chunk commits on its own and progress is reported between chunks (SQLite has one
  // connection, so a report inside the transaction would wait for it). A crash part-way leaves
  // whole chunks; running the same file again skips what exists and finishes the rest.
  const at = nowInstant();
  await inTransaction(db, async (tx) => {
    for (const key of missingUnits) {
      const [buildingId, code] = key.split(':');
      const id = await repo.insertUnit(tx, {
        orgId: scope.orgId,
        projectId: options.projectId,
        buildingId: Number(buildingId),
        code,
        name: `${code}单元`,
        sortOrder: Number(code) || 0,
        at,
      });
      units.set(key, id);
    }
  });
  const unitIdOf = (row: RoomImportRow) =>
    row.unitCode === null
      ? null
      : (units.get(`${buildings.get(row.buildingCode)}:${row.unitCode}`) ?? null);
  const work = creates.length + updates.length;

  for (let i = 0; i < creates.length; i += BATCH) {
    const chunk = creates.slice(i, i + BATCH);
    await inTransaction(db, async (tx) => {
      const ids = await repo.insertResources(
        tx,
        chunk.map((row) => ({
          org_id: scope.orgId,
          project_id: options.projectId,
          kind: 'room' as const,
          code: row.code,
          area: row.area,
          status: row.status,
          building_id: buildings.get(row.buildingCode)!,
          created_at: at,
          updated_at: at,
          archived_at: null,
        })),
      );
      for (const [code, id] of ids) roomIds.set(code, id);
      await repo.insertRooms(
        tx,
        chunk.map((row) => ({
          resource_id: ids.get(row.code)!,
          building_id: buildings.get(row.buildingCode)!,
          unit_id: unitIdOf(row),
          floor: row.floor,
          inner_area: row.innerArea,
          layout: row.layout,
          decoration: row.decoration,
          room_use: row.use,
          delivery_date: row.deliveryDate,
          move_in_date: row.moveInDate,
        })),
      );
    });
    await options.progress(i + chunk.length, work);
  }

  for (let i = 0; i < updates.length; i += BATCH) {
    const chunk = updates.slice(i, i + BATCH);
    await inTransaction(db, async (tx) => {
      for (const { row, id } of chunk) {
        await repo.updateResource(tx, id, {
          area: row.area,
          status: row.status,
          building_id: buildings.get(row.buildingCode)!,
          updated_at: at,
        });
        await repo.updateRoom(tx, id, {
          building_id: buildings.get(row.buildingCode)!,
          unit_id: unitIdOf(row),
          floor: row.floor,
          inner_area: row.innerArea,
          layout: row.layout,
          decoration: row.decoration,
          room_use: row.use,
          delivery_date: row.deliveryDate,
          move_in_date: row.moveInDate,
        });
      }
    });
    await options.progress(creates.length + i + chunk.length, work);
  }

  const owned = good.filter((row) => row.ownerName !== null);
  const linked = await linkImportedOwners(db, ctx, {
    projectId: options.projectId,
    owners: owned.map((row) => ({
      resourceId: roomIds.get(row.code)!,
      name: row.ownerName!,
      mobile: row.ownerMobile,
      since: row.moveInDate ?? row.deliveryDate,
    })),
  });

  await inTransaction(db, (tx) =>
    recordAudit(tx, ctx, {
      action: 'room.import',
      entityType: 'project',
      entityId: options.projectId,
      projectId: options.projectId,
      after: {
        created: creates.length,
        updated: updates.length,
        unchanged,
        rejected: problems.length,
        ...linked,
      },
    }),
  );
  await options.progress(options.rows.length, options.rows.length);

  return { ...counts, records: records() };
}

export const roomImport: ImportDefinition = {
  kind: 'rooms',
  permission: 'resources.import',
  sheet: { zh: '房屋导入', en: 'Room import' },
  columns,
  customFieldEntity: 'room',
  run: runRoomImport,
};
