import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { effectivePrice } from '../modules/fees/price.service.js';
import { companyContext } from '../test/factories.js';
import { setupTestDatabase } from '../test/harness.js';
import { seedDemo } from './demo.js';

const database = setupTestDatabase();

async function count(query: ReturnType<typeof sql<{ n: number | string }>>): Promise<number> {
  const result = await query.execute(database.db);

  return Number(result.rows[0].n);
}

describe('the demo fee configuration', () => {
  it('seedDemo charges the demo rooms, shops and sold spaces, with building 7 at 2.50 and the rest at 2.35', async () => {
    await seedDemo(database.db);
    const company = await database.db
      .selectFrom('company')
      .select('id')
      .where('code', '=', 'aishang')
      .executeTakeFirstOrThrow();
    const projects = await database.db
      .selectFrom('project')
      .select(['id', 'code'])
      .where('org_id', '=', company.id)
      .execute();
    const projectId = (code: string) => projects.find((p) => p.code === code)?.id ?? 0;
    const ctx = companyContext(company.id);

    const boundTo = (itemCode: string, projectCode: string) =>
      count(sql`select count(*) as n from fee_binding b join fee_item i on i.id = b.fee_item_id
        where i.code = ${itemCode} and b.project_id = ${projectId(projectCode)}`);
    const soldSpaces = await count(
      sql`select count(*) as n from resource where kind = 'parking_space' and status = 'sold'`,
    );
    const rentedShops = await count(
      sql`select count(*) as n from resource where kind = 'shop' and status = 'rented'`,
    );
    // 8 buildings × 2 units × 26 floors × 4 rooms of 爱尚花园; 100 shops of 爱尚商业广场.
    expect(await boundTo('WYF', 'ASHY')).toBe(1664);
    expect(await boundTo('LJF', 'ASHY')).toBe(1664);
    expect(await boundTo('CWGLF', 'ASHY')).toBe(soldSpaces);
    expect(await boundTo('WYF', 'ASGC')).toBe(100);
    expect(await boundTo('ZJ', 'ASGC')).toBe(rentedShops);
    expect(rentedShops).toBeGreaterThan(0);

    const standard = await database.db
      .selectFrom('fee_standard')
      .select('id')
      .where('name', '=', '住宅物业费（按建筑面积）')
      .executeTakeFirstOrThrow();
    const roomId = async (code: string) =>
      (
        await database.db
          .selectFrom('resource')
          .select('id')
          .where('code', '=', code)
          .where('project_id', '=', projectId('ASHY'))
          .executeTakeFirstOrThrow()
      ).id;
    const priceOf = async (code: string) =>
      (
        await effectivePrice(database.db, ctx, standard.id, {
          resourceId: await roomId(code),
          date: '2026-03-01',
        })
      ).price;

    expect(await priceOf('7-1-1501')).toBe('2.5000');
    expect(await priceOf('3-2-1402')).toBe('2.3500');
  });

  it('seedDemo bills twelve months of 2026 through bill runs, most of them paid and every balance exact', async () => {
    const months = await count(
      sql`select count(distinct period_key) as n from bill where kind = 'periodic'`,
    );
    expect(months).toBe(12);
    // One 物业费 and one 垃圾清运费 bill per home and month.
    expect(
      await count(sql`select count(*) as n from bill b join fee_item i on i.id = b.fee_item_id
        where i.code = 'LJF'`),
    ).toBe(1664 * 12);
    const byStatus = await database.db
      .selectFrom('bill')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const status = Object.fromEntries(byStatus.map((row) => [row.status, Number(row.n)]));
    expect(status.paid).toBeGreaterThan(status.unpaid);
    expect(status.partially_paid).toBeGreaterThan(0);
    expect(
      await count(sql`select count(*) as n from bill where outstanding_fen
        <> charged_fen - paid_fen - reduced_fen - offset_fen`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from bill b where paid_fen <>
        (select coalesce(sum(amount_fen), 0) from bill_entry e
          where e.bill_id = b.id and e.kind = 'payment')`),
    ).toBe(0);
    // December is not paid yet.
    expect(
      await count(
        sql`select count(*) as n from bill where period_key = '2026-12' and paid_fen > 0`,
      ),
    ).toBe(0);
  });
});
