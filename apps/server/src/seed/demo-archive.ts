import type { Database } from '../db/database.js';
import type { RequestContext } from '../platform/context.js';
import type { ImportDefinition, ImportRow } from '../modules/imports/import.types.js';
import { peopleImport, vehicleImport } from '../modules/people/people-import.js';
import { createBuilding } from '../modules/resources/building.service.js';
import { parkingSpaceImport, shopImport } from '../modules/resources/kind-imports.js';
import { createParkingLot } from '../modules/resources/parking-lot.service.js';
import { createCustomField } from '../modules/custom-fields/custom-fields.service.js';
import {
  createAdSpace,
  createStorage,
  listRooms,
  updateRoom,
} from '../modules/resources/resource.service.js';
import { createRoomBatch } from '../modules/resources/room-batch.service.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '慧',
  '建国',
  '志强',
  '晓东',
  '海燕',
  '文博',
  '子涵',
  '欣怡',
  '浩然',
  '梓萱',
  '一鸣',
];
const PROVINCE_PLATES = ['沪A', '沪B', '沪C', '苏E', '浙A'];

/** A deterministic name for the n-th demo person: 王伟, 李芳, … */
export function demoName(n: number): string {
  return SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
}

function demoMobile(n: number): string {
  return `139${String(10_000_000 + n * 7919).slice(-8)}`;
}

function rows(lines: Record<string, string>[]): ImportRow[] {
  return lines.map((fields, index) => ({ line: index + 2, fields }));
}

async function importRows(
  db: Database,
  ctx: RequestContext,
  definition: ImportDefinition,
  projectId: number,
  lines: Record<string, string>[],
): Promise<void> {
  const counts = await definition.run(db, ctx, {
    projectId,
    rows: rows(lines),
    apply: true,
    progress: async () => undefined,
  });
  if (counts.problems.length > 0) {
    throw new Error(`demo ${definition.kind}: ${JSON.stringify(counts.problems.slice(0, 3))}`);
  }
}

/**
 * The demo property archive: about 2,000 rooms in nine buildings, 100 shops, 500 parking
 * spaces, ad spaces and storage, owners with their families, tenants, and vehicles. Everything
 * goes through the same services and imports that people use.
 */
export async function seedDemoArchive(
  db: Database,
  ctx: RequestContext,
  projects: { garden: number; plaza: number },
): Promise<void> {
  await createCustomField(db, ctx, {
    entity: 'room',
    key: 'orientation',
    label: '朝向',
    type: 'single',
    options: ['南北通透', '朝南', '朝北', '东西向'],
  });
  await createCustomField(db, ctx, {
    entity: 'shop',
    key: 'brand_level',
    label: '品牌等级',
    type: 'single',
    options: ['A类', 'B类', 'C类'],
  });
  await createCustomField(db, ctx, {
    entity: 'parking_space',
    key: 'charger',
    label: '充电桩',
    type: 'boolean',
  });
  await createCustomField(db, ctx, {
    entity: 'owner',
    key: 'service_needs',
    label: '特殊服务需求',
    type: 'text',
  });

  const gardenBuildings = [];
  for (let b = 1; b <= 8; b += 1) {
    gardenBuildings.push(
      await createBuilding(db, ctx, {
        projectId: projects.garden,
        code: String(b),
        name: `${b}栋`,
        floorsAbove: 26,
        floorsBelow: 1,
      }),
    );
  }
  await createRoomBatch(db, ctx, {
    projectId: projects.garden,
    buildingIds: gardenBuildings.map((b) => b.id),
    unitCount: 2,
    floorFrom: 1,
    floorTo: 26,
    roomsPerFloor: 4,
    codeTemplate: '{building}-{unit}-{floor}{room:2}',
    area: '89.37',
    innerArea: '72.15',
    layout: '3室2厅1卫',
    decoration: 'fine',
    use: 'residential',
    status: 'occupied',
  });

  const firstFloors = await listRooms(db, ctx, {
    projectId: projects.garden,
    buildingId: gardenBuildings[0].id,
    floor: 1,
    page: 1,
    pageSize: 20,
  });
  for (const [index, room] of firstFloors.items.entries()) {
    await updateRoom(db, ctx, room.id, {
      customFields: { orientation: index % 2 ? '朝南' : '南北通透' },
    });
  }

  const plazaTower = await createBuilding(db, ctx, {
    projectId: projects.plaza,
    code: 'A',
    name: 'A座写字楼',
    floorsAbove: 24,
  });
  await createRoomBatch(db, ctx, {
    projectId: projects.plaza,
    buildingIds: [plazaTower.id],
    unitCount: 0,
    floorFrom: 5,
    floorTo: 24,
    roomsPerFloor: 16,
    codeTemplate: 'A-{floor}{room:2}',
    area: '126.40',
    use: 'office',
    status: 'rented',
  });

  await importRows(
    db,
    ctx,
    shopImport,
    projects.plaza,
    Array.from({ length: 100 }, (_, i) => ({
      code: `S-${i < 50 ? 1 : 2}${String((i % 50) + 1).padStart(2, '0')}`,
      building: 'A',
      floor: i < 50 ? '1' : '2',
      area: (45 + (i % 7) * 12.5).toFixed(2),
      status: i % 5 === 0 ? '空置' : '已出租',
      businessScope: ['餐饮', '零售', '教育培训', '美容美发', '便利店'][i % 5],
      rentStandard: (80 + (i % 4) * 15).toFixed(4),
      ownerName:
        i % 5 === 0
          ? ''
          : `${demoName(i + 3000)}（${['餐饮', '零售', '教育', '美业', '便利'][i % 5]}）`,
      ownerMobile: i % 5 === 0 ? '' : demoMobile(i + 3000),
    })),
  );

  const lots = [
    await createParkingLot(db, ctx, {
      projectId: projects.garden,
      code: 'B1',
      name: '地下停车场',
      lotType: 'underground',
    }),
    await createParkingLot(db, ctx, {
      projectId: projects.garden,
      code: 'G',
      name: '地面停车场',
      lotType: 'above_ground',
    }),
  ];
  await importRows(
    db,
    ctx,
    parkingSpaceImport,
    projects.garden,
    Array.from({ length: 500 }, (_, i) => {
      const lot = i < 400 ? lots[0] : lots[1];
      const sold = i % 3 !== 2;
      return {
        lot: lot.code,
        code: `${lot.code}-${String((i % 400) + 1).padStart(3, '0')}`,
        spaceType: i % 25 === 0 ? '充电车位' : i % 40 === 1 ? '子母车位' : '标准车位',
        area: '12.50',
        status: sold ? '已售' : i % 2 ? '已出租' : '空置',
        ownerName: sold ? demoName(i) : '',
        ownerMobile: sold ? demoMobile(i) : '',
      };
    }),
  );

  for (let i = 1; i <= 6; i += 1) {
    await createAdSpace(db, ctx, {
      projectId: projects.garden,
      code: `AD-${String(i).padStart(2, '0')}`,
      location: `${i}栋电梯厅`,
      size: '0.6m×0.9m',
      status: i % 2 ? 'rented' : 'vacant',
    });
  }
  for (let i = 1; i <= 30; i += 1) {
    await createStorage(db, ctx, {
      projectId: projects.garden,
      code: `D-${String(i).padStart(3, '0')}`,
      storageType: 'basement',
      area: '8.00',
      status: i % 4 ? 'sold' : 'vacant',
    });
  }

  const people: Record<string, string>[] = [];
  let n = 0;
  for (let b = 1; b <= 8; b += 1) {
    for (let u = 1; u <= 2; u += 1) {
      for (let f = 1; f <= 26; f += 1) {
        for (let r = 1; r <= 4; r += 1) {
          n += 1;
          const room = `${b}-${u}-${f}${String(r).padStart(2, '0')}`;
          if (n % 10 === 0) continue;
          people.push({
            name: demoName(n),
            mobile: demoMobile(n),
            room,
            role: '业主',
            startDate: '2021-06-30',
          });
          if (n % 3 === 0)
            people.push({
              name: demoName(n + 500),
              mobile: demoMobile(n + 500),
              room,
              role: '家庭成员',
              relation: n % 2 ? '配偶' : '子女',
            });
          if (n % 17 === 0)
            people.push({
              name: demoName(n + 1000),
              mobile: demoMobile(n + 1000),
              room,
              role: '租户',
              startDate: '2026-03-01',
            });
        }
      }
    }
  }
  await importRows(db, ctx, peopleImport, projects.garden, people);

  await importRows(
    db,
    ctx,
    vehicleImport,
    projects.garden,
    Array.from({ length: 150 }, (_, i) => ({
      plate: `${PROVINCE_PLATES[i % PROVINCE_PLATES.length]}${i % 6 === 0 ? 'D' : ''}${String(10_000 + i * 37).slice(-5)}`,
      vehicleType: i % 6 === 0 ? '新能源' : '小型车',
      colour: ['白色', '黑色', '银色', '红色', '蓝色'][i % 5],
      ownerName: demoName(i),
      ownerMobile: demoMobile(i),
      space: `B1-${String(i + 1).padStart(3, '0')}`,
    })),
  );
}

/** 8 buildings × 2 units × 26 floors × 4 rooms, and 20 office floors × 16. */
export const seedDemoArchiveCountsForTest = { rooms: 8 * 2 * 26 * 4 + 20 * 16 };
