import type { Database } from '../db/database.js';
import type { RequestContext } from '../platform/context.js';
import { createBindingBatch } from '../modules/fees/binding.service.js';
import { createFeeItem } from '../modules/fees/fee-item.service.js';
import type { CreateFeeItemInput, CreateFeeStandardInput } from '../modules/fees/fees.schemas.js';
import { setFeePrices } from '../modules/fees/price.service.js';
import { createFeeStandard } from '../modules/fees/standard.service.js';
import { listBuildings } from '../modules/resources/building.service.js';

/** Every demo price and binding runs from the first day of 2026. */
const FROM = '2026-01-01';

type DemoItem = Omit<CreateFeeItemInput, 'projectId'>;

const monthlyPrepaid = {
  cycle: 'monthly',
  billingMode: 'prepaid',
  dueRule: 'days_after_period_start',
  dueValue: 15,
  taxRate: '0.06',
} as const;

async function itemWithStandard(
  db: Database,
  ctx: RequestContext,
  projectId: number,
  item: DemoItem,
  standard: Omit<CreateFeeStandardInput, 'feeItemId'>,
) {
  const created = await createFeeItem(db, ctx, { projectId, ...item });

  return createFeeStandard(db, ctx, { feeItemId: created.id, ...standard });
}

async function buildingId(db: Database, ctx: RequestContext, projectId: number, code: string) {
  const { items } = await listBuildings(db, ctx, { projectId, page: 1, pageSize: 200 });
  const building = items.find((b) => b.code === code);
  if (!building) throw new Error(`demo building ${code} missing`);

  return building.id;
}

/** 爱尚花园: 物业费 by building area (building 7 dearer), parking management, garbage fee. */
async function seedGarden(db: Database, ctx: RequestContext, garden: number): Promise<void> {
  const propertyFee = await itemWithStandard(
    db,
    ctx,
    garden,
    { code: 'WYF', name: '物业费', category: 'property_fee', ...monthlyPrepaid },
    {
      name: '住宅物业费（按建筑面积）',
      method: 'area_price',
      parameters: { areaBasis: 'building' },
      resourceKinds: ['room'],
      roomUse: 'residential',
    },
  );
  await setFeePrices(db, ctx, propertyFee.id, {
    effectiveFrom: FROM,
    prices: [
      { scope: 'project', price: '2.35' },
      { scope: 'building', buildingId: await buildingId(db, ctx, garden, '7'), price: '2.50' },
    ],
  });
  await createBindingBatch(db, ctx, { standardId: propertyFee.id, target: {}, startDate: FROM });

  // Sold spaces pay a management fee, not rent (DOMAIN §3.2).
  const parking = await itemWithStandard(
    db,
    ctx,
    garden,
    { code: 'CWGLF', name: '车位管理费', category: 'parking', ...monthlyPrepaid },
    {
      name: '产权车位管理费',
      method: 'parking_monthly',
      parameters: {
        prices: [
          { vehicleType: 'small_car', spaceType: 'standard', price: '80' },
          { vehicleType: 'small_car', spaceType: 'mother_child', price: '120' },
          { vehicleType: 'new_energy', spaceType: 'standard', price: '80' },
          { vehicleType: 'new_energy', spaceType: 'charging', price: '100' },
        ],
      },
      resourceKinds: ['parking_space'],
    },
  );
  await createBindingBatch(db, ctx, {
    standardId: parking.id,
    target: { status: 'sold' },
    startDate: FROM,
  });

  const garbage = await itemWithStandard(
    db,
    ctx,
    garden,
    { code: 'LJF', name: '垃圾清运费', category: 'other', ...monthlyPrepaid },
    {
      name: '生活垃圾清运费（每户）',
      method: 'fixed',
      parameters: {},
      resourceKinds: ['room'],
      roomUse: 'residential',
    },
  );
  await setFeePrices(db, ctx, garbage.id, {
    effectiveFrom: FROM,
    prices: [{ scope: 'project', price: '10' }],
  });
  await createBindingBatch(db, ctx, { standardId: garbage.id, target: {}, startDate: FROM });
}

/** 爱尚商业广场: shop 物业费 by building area (shops keep no inner area), and rent rising 3 % a year from each July. */
async function seedPlaza(db: Database, ctx: RequestContext, plaza: number): Promise<void> {
  const propertyFee = await itemWithStandard(
    db,
    ctx,
    plaza,
    { code: 'WYF', name: '物业费', category: 'property_fee', ...monthlyPrepaid },
    {
      name: '商铺物业费（按建筑面积）',
      method: 'area_price',
      parameters: { areaBasis: 'building' },
      resourceKinds: ['shop'],
    },
  );
  await setFeePrices(db, ctx, propertyFee.id, {
    effectiveFrom: FROM,
    prices: [{ scope: 'project', price: '6.80' }],
  });
  await createBindingBatch(db, ctx, { standardId: propertyFee.id, target: {}, startDate: FROM });

  const rent = await itemWithStandard(
    db,
    ctx,
    plaza,
    { code: 'ZJ', name: '租金', category: 'rent', ...monthlyPrepaid, taxRate: '0.09' },
    {
      name: '商铺租金（每年 7 月递增 3%）',
      method: 'rent_escalation',
      parameters: {
        basePrice: '100',
        areaBasis: 'building',
        escalationPercent: '3',
        anniversaryMonth: 7,
      },
      resourceKinds: ['shop'],
    },
  );
  await createBindingBatch(db, ctx, {
    standardId: rent.id,
    target: { status: 'rented' },
    startDate: FROM,
  });
}

/**
 * The demo fee configuration: items, standards, prices and bindings for the demo archive's
 * rooms, shops and parking spaces, all through the services people use. Run after the archive.
 */
export async function seedDemoFees(
  db: Database,
  ctx: RequestContext,
  projects: { garden: number; plaza: number },
): Promise<void> {
  await seedGarden(db, ctx, projects.garden);
  await seedPlaza(db, ctx, projects.plaza);
}
