import type { ResourceStatus } from '../../db/schema.js';
import { PHONE_PATTERN } from '../../platform/http.js';
import { RowReader } from '../imports/cells.js';
import type { ImportColumn, ImportDefinition } from '../imports/import.types.js';
import { type KindImportSpec, type KindRow, runKindImport } from './kind-import.js';
import * as repo from './resources.repository.js';

const OWNER_COLUMNS: ImportColumn[] = [
  { key: 'ownerName', zh: '业主姓名', en: 'Owner name', example: '张三' },
  {
    key: 'ownerMobile',
    zh: '业主手机',
    en: 'Owner mobile',
    example: '13800138000',
    hint: { zh: '11 位手机号', en: '11-digit mobile number' },
  },
];

function readOwner(reader: RowReader): KindRow['owner'] {
  const name = reader.text('ownerName');
  const mobile = reader.matching('ownerMobile', PHONE_PATTERN, 'validation.phone');
  if (mobile && !name) reader.problem('ownerName', 'validation.required');

  return name ? { name, mobile: mobile ?? null } : null;
}

const STATUS: Record<string, ResourceStatus> = {
  空置: 'vacant',
  自用: 'occupied',
  已入住: 'occupied',
  已出租: 'rented',
  已售: 'sold',
  vacant: 'vacant',
  occupied: 'occupied',
  rented: 'rented',
  sold: 'sold',
};

/* -------------------------------------------------------------------- shops */

const shopColumns: ImportColumn[] = [
  {
    key: 'code',
    zh: '商铺编号',
    en: 'Shop code',
    required: true,
    example: 'S-101',
    hint: {
      zh: '项目内唯一；已存在则更新',
      en: 'Unique in the project; an existing code updates it',
    },
  },
  {
    key: 'building',
    zh: '楼栋编号',
    en: 'Building code',
    example: '',
    hint: { zh: '独立商铺留空', en: 'Empty for a stand-alone shop' },
  },
  { key: 'floor', zh: '楼层', en: 'Floor', example: '1' },
  { key: 'area', zh: '面积', en: 'Area', required: true, example: '120.50' },
  {
    key: 'status',
    zh: '状态',
    en: 'Status',
    example: '已出租',
    hint: { zh: '空置 / 自用 / 已出租 / 已售，默认空置', en: 'vacant / occupied / rented / sold' },
  },
  { key: 'leaseStart', zh: '租期开始', en: 'Lease start', example: '2026-01-01' },
  { key: 'leaseEnd', zh: '租期结束', en: 'Lease end', example: '2028-12-31' },
  { key: 'businessScope', zh: '经营范围', en: 'Business scope', example: '餐饮' },
  {
    key: 'rentStandard',
    zh: '租金标准',
    en: 'Rent standard',
    example: '85.0000',
    hint: { zh: '元/㎡/月，最多 4 位小数', en: '¥/m²/month, at most 4 decimals' },
  },
  ...OWNER_COLUMNS,
];

const shopSpec: KindImportSpec = {
  kind: 'shop',
  ownTable: 'shop',
  lookups: async (db, projectId) => ({ buildings: await repo.buildingIdsByCode(db, projectId) }),
  parse: (row, problems, lookups) => {
    const reader = new RowReader(row, problems, shopColumns);
    const buildingCode = reader.text('building');
    const buildingId = buildingCode ? lookups.buildings.get(buildingCode) : null;
    if (buildingCode && buildingId === undefined)
      reader.problem('building', 'validation.unknown_building');
    const floor = reader.integer('floor', { min: -10, max: 200 });
    const area = reader.decimal('area', 2, { positive: true });
    const status = reader.choice('status', STATUS, 'vacant' as ResourceStatus);
    const leaseStart = reader.date('leaseStart');
    const leaseEnd = reader.date('leaseEnd');
    if (leaseStart && leaseEnd && leaseEnd < leaseStart)
      reader.problem('leaseEnd', 'validation.end_before_start');
    const rentStandard = reader.decimal('rentStandard', 4);
    const owner = readOwner(reader);
    if (reader.bad) return null;

    return {
      line: reader.line,
      code: reader.text('code')!,
      area: area ?? null,
      status: status!,
      buildingId: buildingId ?? null,
      own: {
        floor: floor ?? null,
        lease_start: leaseStart ?? null,
        lease_end: leaseEnd ?? null,
        business_scope: reader.text('businessScope'),
        rent_standard: rentStandard ?? null,
      },
      owner,
    };
  },
};

export const shopImport: ImportDefinition = {
  kind: 'shops',
  permission: 'resources.import',
  sheet: { zh: '商铺导入', en: 'Shop import' },
  columns: shopColumns,
  customFieldEntity: 'shop',
  run: (db, ctx, options) => runKindImport(shopSpec, db, ctx, options),
};

/* ----------------------------------------------------------- parking spaces */

const SPACE_TYPE = {
  标准车位: 'standard',
  大车位: 'large',
  充电车位: 'charging',
  子母车位: 'mother_child',
  standard: 'standard',
  large: 'large',
  charging: 'charging',
  mother_child: 'mother_child',
} as const;

const parkingColumns: ImportColumn[] = [
  {
    key: 'lot',
    zh: '停车场编号',
    en: 'Parking lot code',
    required: true,
    example: 'B1',
    hint: { zh: '须是本项目已有的停车场编号', en: 'An existing parking lot code of the project' },
  },
  { key: 'code', zh: '车位编号', en: 'Space code', required: true, example: 'B1-001' },
  {
    key: 'spaceType',
    zh: '车位类型',
    en: 'Space type',
    example: '标准车位',
    hint: {
      zh: '标准车位 / 大车位 / 充电车位 / 子母车位',
      en: 'standard / large / charging / mother_child',
    },
  },
  { key: 'area', zh: '面积', en: 'Area', example: '12.50' },
  {
    key: 'status',
    zh: '状态',
    en: 'Status',
    example: '已售',
    hint: { zh: '空置 / 已出租 / 已售，默认空置', en: 'vacant / rented / sold' },
  },
  ...OWNER_COLUMNS,
];

const PARKING_STATUS: Record<string, ResourceStatus> = {
  空置: 'vacant',
  已出租: 'rented',
  已售: 'sold',
  vacant: 'vacant',
  rented: 'rented',
  sold: 'sold',
};

const parkingSpec: KindImportSpec = {
  kind: 'parking_space',
  ownTable: 'parking_space',
  lookups: async (db, projectId) => ({ lots: await repo.parkingLotIdsByCode(db, projectId) }),
  parse: (row, problems, lookups) => {
    const reader = new RowReader(row, problems, parkingColumns);
    const lotCode = reader.text('lot');
    const lotId = lotCode ? lookups.lots.get(lotCode) : undefined;
    if (lotCode && lotId === undefined) reader.problem('lot', 'validation.unknown_parking_lot');
    const spaceType = reader.choice('spaceType', SPACE_TYPE, 'standard');
    const area = reader.decimal('area', 2, { positive: true });
    const status = reader.choice('status', PARKING_STATUS, 'vacant' as ResourceStatus);
    const owner = readOwner(reader);
    if (reader.bad) return null;

    return {
      line: reader.line,
      code: reader.text('code')!,
      area: area ?? null,
      status: status!,
      buildingId: null,
      own: { lot_id: lotId!, space_type: spaceType! },
      owner,
    };
  },
};

export const parkingSpaceImport: ImportDefinition = {
  kind: 'parking-spaces',
  permission: 'resources.import',
  sheet: { zh: '车位导入', en: 'Parking space import' },
  columns: parkingColumns,
  customFieldEntity: 'parking_space',
  run: (db, ctx, options) => runKindImport(parkingSpec, db, ctx, options),
};
