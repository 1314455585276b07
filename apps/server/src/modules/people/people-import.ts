import type { Database } from '../../db/database.js';
import type { PersonRole, VehicleTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { scopeOf } from '../../platform/scope.js';
import { businessDate, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import {
  type IdType,
  MOBILE_PATTERN,
  isLicencePlate,
  isValidIdNumber,
  normaliseIdNumber,
  normalisePlate,
  residentIdFacts,
} from '../../platform/validators.js';
import { RowReader } from '../imports/cells.js';
import type {
  ImportColumn,
  ImportCounts,
  ImportDefinition,
  ImportRunOptions,
  ImportedRecord,
  RowProblem,
} from '../imports/import.types.js';
import * as repo from './people.repository.js';

const ID_TYPE: Record<string, IdType> = {
  身份证: 'resident_id',
  护照: 'passport',
  港澳通行证: 'hk_macau_permit',
  台胞证: 'taiwan_permit',
  其他: 'other',
  resident_id: 'resident_id',
  passport: 'passport',
  hk_macau_permit: 'hk_macau_permit',
  taiwan_permit: 'taiwan_permit',
  other: 'other',
};
const GENDER = { 男: 'male', 女: 'female', male: 'male', female: 'female' } as const;
const ROLE: Record<string, PersonRole> = {
  业主: 'owner',
  共有人: 'co_owner',
  家庭成员: 'family',
  租户: 'tenant',
  owner: 'owner',
  co_owner: 'co_owner',
  family: 'family',
  tenant: 'tenant',
};
const RELATION = {
  配偶: 'spouse',
  子女: 'child',
  父母: 'parent',
  兄弟姐妹: 'sibling',
  其他: 'other',
  spouse: 'spouse',
  child: 'child',
  parent: 'parent',
  sibling: 'sibling',
  other: 'other',
} as const;

const peopleColumns: ImportColumn[] = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
  {
    key: 'mobile',
    zh: '手机',
    en: 'Mobile',
    example: '13800138000',
    hint: {
      zh: '11 位手机号；姓名与手机相同视为同一人',
      en: 'Same name and mobile means the same person',
    },
  },
  {
    key: 'idType',
    zh: '证件类型',
    en: 'ID type',
    example: '身份证',
    hint: {
      zh: '身份证 / 护照 / 港澳通行证 / 台胞证 / 其他',
      en: 'resident_id / passport / hk_macau_permit / taiwan_permit / other',
    },
  },
  { key: 'idNumber', zh: '证件号码', en: 'ID number', example: '' },
  { key: 'gender', zh: '性别', en: 'Gender', example: '男' },
  { key: 'birthday', zh: '出生日期', en: 'Birthday', example: '1980-05-01' },
  {
    key: 'room',
    zh: '房屋编号',
    en: 'Room code',
    example: '1-2-1501',
    hint: {
      zh: '关联的房屋；留空则只登记人员',
      en: 'The room to link; empty registers the person only',
    },
  },
  {
    key: 'role',
    zh: '身份',
    en: 'Role',
    example: '业主',
    hint: {
      zh: '业主 / 共有人 / 家庭成员 / 租户，默认业主',
      en: 'owner / co_owner / family / tenant',
    },
  },
  {
    key: 'relation',
    zh: '与业主关系',
    en: 'Relation',
    example: '',
    hint: {
      zh: '家庭成员填写：配偶 / 子女 / 父母 / 兄弟姐妹 / 其他',
      en: 'For family: spouse / child / parent / sibling / other',
    },
  },
  { key: 'startDate', zh: '开始日期', en: 'Start date', example: '2020-10-01' },
];

interface PersonImportRow {
  line: number;
  name: string;
  mobile: string | null;
  idType: IdType | null;
  idNumber: string | null;
  gender: 'male' | 'female' | null;
  birthday: string | null;
  link: { resourceId: number; role: PersonRole; relation: string | null; startDate: string } | null;
}

const BATCH = 500;

async function runPeopleImport(
  db: Database,
  ctx: RequestContext,
  options: ImportRunOptions,
): Promise<ImportCounts> {
  const { orgId } = scopeOf(ctx);
  const problems: RowProblem[] = [];
  const resources = await repo.resourceIdsByCode(db, options.projectId);
  const people = await repo.peopleForImport(db, options.projectId);
  const links = await repo.openLinkKeys(db, options.projectId);
  const today = businessDate();

  const rows: PersonImportRow[] = [];
  const seen = new Set<string>();
  for (const raw of options.rows) {
    const reader = new RowReader(raw, problems, peopleColumns);
    const mobile = reader.matching('mobile', MOBILE_PATTERN, 'validation.phone');
    const idType = reader.choice('idType', ID_TYPE, null);
    const idText = reader.text('idNumber');
    const idNumber = idText ? normaliseIdNumber(idText) : null;
    if (idNumber && !isValidIdNumber(idType ?? 'resident_id', idNumber))
      reader.problem('idNumber', 'validation.id_number');
    const gender = reader.choice('gender', GENDER, null);
    const birthday = reader.date('birthday');
    const roomCode = reader.text('room');
    const resourceId = roomCode ? resources.get(`room:${roomCode}`) : undefined;
    if (roomCode && resourceId === undefined) reader.problem('room', 'validation.unknown_resource');
    const role = reader.choice('role', ROLE, 'owner');
    const relation = reader.choice('relation', RELATION, null);
    if (role === 'family' && !relation) reader.problem('relation', 'validation.required');
    const startDate = reader.date('startDate');
    if (reader.bad) continue;

    const name = reader.text('name')!;
    const key = `${name}|${mobile ?? ''}|${roomCode ?? ''}`;
    if (seen.has(key)) {
      reader.problem('name', 'validation.duplicate_in_file');
      continue;
    }
    seen.add(key);
    const facts =
      (idType ?? 'resident_id') === 'resident_id' && idNumber
        ? residentIdFacts(idNumber)
        : undefined;
    rows.push({
      line: reader.line,
      name,
      mobile: mobile ?? null,
      idType: idNumber ? (idType ?? 'resident_id') : null,
      idNumber,
      gender: gender ?? facts?.gender ?? null,
      birthday: birthday ?? facts?.birthday ?? null,
      link: resourceId
        ? {
            resourceId,
            role: role!,
            relation: role === 'family' ? relation! : null,
            startDate: startDate ?? today,
          }
        : null,
    });
  }

  const creates = new Map<string, PersonImportRow>();
  const updates = new Map<number, PersonImportRow>();
  let unchanged = 0;
  for (const row of rows) {
    const key = `${row.name}|${row.mobile ?? ''}`;
    const current = people.get(key);
    if (!current) {
      if (!creates.has(key)) creates.set(key, row);
      continue;
    }
    const changed =
      (row.idNumber !== null &&
        (current.id_number !== row.idNumber || current.id_type !== row.idType)) ||
      (row.gender !== null && current.gender !== row.gender) ||
      (row.birthday !== null && current.birthday !== row.birthday);
    if (changed) updates.set(current.id, row);
    else if (!updates.has(current.id)) unchanged += 1;
  }

  const counts = {
    total: options.rows.length,
    created: creates.size,
    updated: updates.size,
    unchanged,
    problems,
  };
  const keyOf = (row: PersonImportRow) => `${row.name}|${row.mobile ?? ''}`;
  const outcomeOf = (row: PersonImportRow): ImportedRecord['outcome'] => {
    if (creates.get(keyOf(row)) === row) return 'created';
    const current = people.get(keyOf(row));
    return current && updates.has(current.id) ? 'updated' : 'unchanged';
  };
  const personIds = new Map([...people.entries()].map(([key, p]) => [key, p.id]));
  const records = (): ImportedRecord[] =>
    rows.map((row) => ({
      line: row.line,
      id: personIds.get(keyOf(row)) ?? null,
      outcome: outcomeOf(row),
    }));
  if (!options.apply) {
    await options.progress(options.rows.length, options.rows.length);
    return { ...counts, records: records() };
  }

  const at = nowInstant();
  const ids = new Map([...people.entries()].map(([key, p]) => [key, p.id]));
  const fresh = [...creates.values()];
  for (let i = 0; i < fresh.length; i += BATCH) {
    await inTransaction(db, async (tx) => {
      const created = await repo.insertPeople(
        tx,
        fresh.slice(i, i + BATCH).map((row) => ({
          org_id: orgId,
          project_id: options.projectId,
          name: row.name,
          mobile: row.mobile,
          id_type: row.idType,
          id_number: row.idNumber,
          gender: row.gender,
          birthday: row.birthday,
          tags: '[]',
          note: null,
          created_at: at,
          updated_at: at,
        })),
      );
      for (const [key, id] of created) {
        ids.set(key, id);
        personIds.set(key, id);
      }
    });
    await options.progress(i, rows.length);
  }
  await inTransaction(db, async (tx) => {
    for (const [id, row] of updates) {
      await repo.updatePerson(tx, id, {
        id_type: row.idNumber ? row.idType : undefined,
        id_number: row.idNumber ?? undefined,
        gender: row.gender ?? undefined,
        birthday: row.birthday ?? undefined,
        updated_at: at,
      });
    }
  });

  const newLinks: Parameters<typeof repo.insertLinks>[1] = [];
  for (const row of rows) {
    if (!row.link) continue;
    const personId = ids.get(`${row.name}|${row.mobile ?? ''}`)!;
    const key = `${row.link.resourceId}:${personId}:${row.link.role}`;
    if (links.has(key)) continue;
    links.add(key);
    newLinks.push({
      org_id: orgId,
      project_id: options.projectId,
      resource_id: row.link.resourceId,
      person_id: personId,
      role: row.link.role,
      relation: row.link.relation,
      start_date: row.link.startDate,
      end_date: null,
      end_reason: null,
      created_at: at,
    });
  }
  await inTransaction(db, async (tx) => {
    await repo.insertLinks(tx, newLinks);
    await recordAudit(tx, ctx, {
      action: 'person.import',
      entityType: 'project',
      entityId: options.projectId,
      projectId: options.projectId,
      after: {
        created: creates.size,
        updated: updates.size,
        unchanged,
        linksCreated: newLinks.length,
        rejected: problems.length,
      },
    });
  });
  await options.progress(options.rows.length, options.rows.length);

  return { ...counts, records: records() };
}

export const peopleImport: ImportDefinition = {
  kind: 'people',
  permission: 'people.person.manage',
  sheet: { zh: '业主住户导入', en: 'People import' },
  columns: peopleColumns,
  customFieldEntity: 'person',
  run: runPeopleImport,
};

/* ----------------------------------------------------------------- vehicles */

const VEHICLE_TYPE: Record<string, VehicleTable['vehicle_type']> = {
  小型车: 'small_car',
  大型车: 'large_car',
  新能源: 'new_energy',
  摩托车: 'motorcycle',
  其他: 'other',
  small_car: 'small_car',
  large_car: 'large_car',
  new_energy: 'new_energy',
  motorcycle: 'motorcycle',
  other: 'other',
};

const vehicleColumns: ImportColumn[] = [
  {
    key: 'plate',
    zh: '车牌号',
    en: 'Plate',
    required: true,
    example: '沪A12345',
    hint: {
      zh: '公司内唯一；已存在则更新',
      en: 'Unique in the company; an existing plate updates it',
    },
  },
  {
    key: 'vehicleType',
    zh: '车辆类型',
    en: 'Vehicle type',
    example: '小型车',
    hint: {
      zh: '小型车 / 大型车 / 新能源 / 摩托车 / 其他',
      en: 'small_car / large_car / new_energy / motorcycle / other',
    },
  },
  { key: 'colour', zh: '颜色', en: 'Colour', example: '白色' },
  {
    key: 'ownerName',
    zh: '车主姓名',
    en: 'Owner name',
    example: '张三',
    hint: {
      zh: '本项目已登记的人员；不存在时新建',
      en: 'A person of the project; created when missing',
    },
  },
  { key: 'ownerMobile', zh: '车主手机', en: 'Owner mobile', example: '13800138000' },
  { key: 'space', zh: '车位编号', en: 'Parking space code', example: 'B1-001' },
];

async function runVehicleImport(
  db: Database,
  ctx: RequestContext,
  options: ImportRunOptions,
): Promise<ImportCounts> {
  const { orgId } = scopeOf(ctx);
  const problems: RowProblem[] = [];
  const resources = await repo.resourceIdsByCode(db, options.projectId);
  const people = await repo.peopleByNameAndMobile(db, options.projectId);
  const vehicles = await repo.vehiclesByPlate(db, orgId);

  type Row = {
    line: number;
    plate: string;
    type: VehicleTable['vehicle_type'];
    colour: string | null;
    owner: { name: string; mobile: string | null } | null;
    spaceId: number | null;
  };
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const raw of options.rows) {
    const reader = new RowReader(raw, problems, vehicleColumns);
    const plateText = reader.text('plate');
    const plate = plateText ? normalisePlate(plateText) : null;
    if (plate && !isLicencePlate(plate)) reader.problem('plate', 'validation.plate');
    const type = reader.choice('vehicleType', VEHICLE_TYPE, 'small_car');
    const ownerName = reader.text('ownerName');
    const ownerMobile = reader.matching('ownerMobile', MOBILE_PATTERN, 'validation.phone');
    if (ownerMobile && !ownerName) reader.problem('ownerName', 'validation.required');
    const spaceCode = reader.text('space');
    const spaceId = spaceCode ? resources.get(`parking_space:${spaceCode}`) : null;
    if (spaceCode && spaceId === undefined) reader.problem('space', 'validation.unknown_resource');
    const current = plate ? vehicles.get(plate) : undefined;
    if (current && current.project_id !== options.projectId)
      reader.problem('plate', 'validation.taken');
    if (reader.bad || !plate) continue;
    if (seen.has(plate)) {
      reader.problem('plate', 'validation.duplicate_in_file');
      continue;
    }
    seen.add(plate);
    rows.push({
      line: reader.line,
      plate,
      type: type!,
      colour: reader.text('colour'),
      owner: ownerName ? { name: ownerName, mobile: ownerMobile ?? null } : null,
      spaceId: spaceId ?? null,
    });
  }

  const ownerId = (row: Row) =>
    row.owner ? people.get(`${row.owner.name}|${row.owner.mobile ?? ''}`) : null;
  const missingOwners = new Map<string, { name: string; mobile: string | null }>();
  for (const row of rows) {
    if (row.owner && ownerId(row) === undefined)
      missingOwners.set(`${row.owner.name}|${row.owner.mobile ?? ''}`, row.owner);
  }
  const creates: Row[] = [];
  const updates: { row: Row; id: number }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const current = vehicles.get(row.plate);
    if (!current) {
      creates.push(row);
      continue;
    }
    const owner = ownerId(row);
    const changed =
      current.vehicle_type !== row.type ||
      (current.colour ?? null) !== row.colour ||
      (row.owner !== null && (owner === undefined || current.person_id !== owner)) ||
      (row.spaceId !== null && current.parking_space_id !== row.spaceId);
    if (changed) updates.push({ row, id: current.id });
    else unchanged += 1;
  }

  const counts = {
    total: options.rows.length,
    created: creates.length,
    updated: updates.length,
    unchanged,
    problems,
  };
  if (!options.apply) {
    await options.progress(options.rows.length, options.rows.length);
    return counts;
  }

  const at = nowInstant();
  await inTransaction(db, async (tx) => {
    const created = await repo.insertPeople(
      tx,
      [...missingOwners.values()].map((owner) => ({
        org_id: orgId,
        project_id: options.projectId,
        name: owner.name,
        mobile: owner.mobile,
        id_type: null,
        id_number: null,
        gender: null,
        birthday: null,
        tags: '[]',
        note: null,
        created_at: at,
        updated_at: at,
      })),
    );
    for (const [key, id] of created) people.set(key, id);

    await repo.insertVehicles(
      tx,
      creates.map((row) => ({
        org_id: orgId,
        project_id: options.projectId,
        plate: row.plate,
        vehicle_type: row.type,
        colour: row.colour,
        person_id: ownerId(row) ?? null,
        parking_space_id: row.spaceId,
        created_at: at,
        updated_at: at,
      })),
    );
    for (const { row, id } of updates) {
      await repo.updateVehicle(tx, id, {
        vehicle_type: row.type,
        colour: row.colour,
        person_id: row.owner ? ownerId(row) : undefined,
        parking_space_id: row.spaceId ?? undefined,
        updated_at: at,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'vehicle.import',
      entityType: 'project',
      entityId: options.projectId,
      projectId: options.projectId,
      after: {
        created: creates.length,
        updated: updates.length,
        unchanged,
        peopleCreated: created.size,
        rejected: problems.length,
      },
    });
  });
  await options.progress(options.rows.length, options.rows.length);

  return counts;
}

export const vehicleImport: ImportDefinition = {
  kind: 'vehicles',
  permission: 'people.vehicle.manage',
  sheet: { zh: '车辆导入', en: 'Vehicle import' },
  columns: vehicleColumns,
  run: runVehicleImport,
};
