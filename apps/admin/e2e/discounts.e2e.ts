import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectToast, signIn } from './console';
import { type Harness, startHarness } from './harness';

describe('discount schemes', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('discounts');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('creates 预交12个月赠送1个月 and the 试算 of 13 months at ¥210.02 takes ¥210.02 off', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await page.goto('/discounts');
    await page.getByRole('heading', { name: '优惠方案', exact: true }).waitFor();

    await page.getByRole('button', { name: /新增优惠方案/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增优惠方案' });
    await modal.getByLabel('编码').fill('ZS-12-1');
    await modal.getByLabel('名称').fill('预交12个月赠送1个月');
    // The fields follow the kind: a rate scheme asks for the share paid and an arrears limit.
    await choose(page, modal, '优惠类型', '折扣');
    await modal.getByLabel('收费比例').waitFor();
    await modal.getByLabel('欠费不超过（月）').waitFor();
    await choose(page, modal, '优惠类型', '赠送月份');
    expect(await modal.getByLabel('预交月数').inputValue()).toBe('12');
    expect(await modal.getByLabel('赠送月数').inputValue()).toBe('1');
    await harness.screenshot(page, 'form');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');
    await modal.waitFor({ state: 'hidden' });

    const row = page.locator('.ant-table-row', { hasText: 'ZS-12-1' });
    await row.getByText('全部收费项目').waitFor();
    expect(await row.innerText()).toContain('赠送月份');
    await harness.screenshot(page, 'list');

    await page.getByRole('button', { name: /试\s*算/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '优惠试算' });
    await choose(page, drawer, '收费项目', '物业费');
    await drawer.getByLabel('每月应收').fill('210.02');
    await drawer.getByLabel('预交月数').fill('13');
    await drawer.getByRole('button', { name: /开始试算/ }).click();

    const totals = drawer.locator('.ant-descriptions');
    await totals.waitFor();
    const text = await totals.innerText();
    expect(text).toMatch(/应收\s*¥2,730\.26/);
    expect(text).toMatch(/减免\s*¥210\.02/);
    expect(text).toMatch(/实收\s*¥2,520\.24/);
    await drawer.locator('.ant-tag', { hasText: '预交12个月赠送1个月' }).waitFor();
    // The free month is the 13th: its line nets to nothing.
    expect(await drawer.locator('.ant-table-row').last().innerText()).toMatch(
      /¥210\.02\s+¥210\.02\s+¥0\.00/,
    );
    await harness.screenshot(page, 'trial');
  });
});
