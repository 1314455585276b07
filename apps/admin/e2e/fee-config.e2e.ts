import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectToast, menuGroups, openMenu, signIn } from './console';
import { type Harness, startHarness } from './harness';

const GROUP = '收费管理';
const ITEM = '测试物业费';
const STANDARD = '测试住宅物业费';
const ROOM = '1-1-101';
/** Building 1栋 of the demo: 2 units × 26 floors × 4 rooms. */
const ROOMS_IN_BUILDING_1 = 2 * 26 * 4;

async function save(page: Page, modal: Locator, toast: string): Promise<void> {
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expectToast(page, toast);
  await modal.waitFor({ state: 'hidden' });
}

/** Types a date into an antd date picker and confirms it. */
async function fillDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

/** A row of the price matrix whose scope cell reads exactly `label`. */
function matrixRow(page: Page, label: string): Locator {
  return page.locator('.ant-table-row', { has: page.getByText(label, { exact: true }) }).first();
}

async function setPrice(page: Page, opener: Locator, price: string): Promise<void> {
  await opener.click();
  const modal = page.locator('.ant-modal', { hasText: '价格只增不改' });
  await modal.getByLabel('单价').fill(price);
  await fillDate(modal.getByLabel('生效日期'), '2026-01-01');
  await save(page, modal, '已创建');
}

describe('fee configuration', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('fee-config');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('configures a fee from item to bound room: item, standard, prices, bulk binding', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    expect(await menuGroups(page)).toContain(GROUP);
    await choose(page, page.locator('.ant-layout-header'), '当前项目', '爱尚花园');

    // A fee item: a late fee needs the contract clause it rests on.
    await openMenu(page, '收费项目', GROUP);
    await page.locator('.ant-table-row', { hasText: 'WYF' }).first().waitFor();
    await harness.screenshot(page, '01-fee-items');
    await page.getByRole('button', { name: /新增收费项目/ }).click();
    const itemModal = page.locator('.ant-modal', { hasText: '新增收费项目' });
    await itemModal.getByLabel('项目编码').fill('E2EWY');
    await itemModal.getByLabel('项目名称').fill(ITEM);
    await itemModal.getByLabel('启用滞纳金').click();
    await itemModal.getByLabel('日费率').fill('0.5');
    await itemModal.getByRole('button', { name: /保\s*存/ }).click();
    await itemModal.getByText('请填写合同条款依据').waitFor();
    await harness.screenshot(page, '02-fee-item-late-fee');
    await itemModal.getByLabel('合同条款依据').fill('《物业服务合同》第十二条');
    await save(page, itemModal, '已创建');
    const itemRow = page.locator('.ant-table-row', { hasText: 'E2EWY' });
    await itemRow.getByText('日 0.5‰，宽限 0 天').waitFor();

    // A standard: the parameter form follows the method; a bad formula is refused on its field.
    await openMenu(page, '收费标准', GROUP);
    await harness.screenshot(page, '03-fee-standards');
    await page.getByRole('button', { name: /新增收费标准/ }).click();
    const standardModal = page.locator('.ant-modal', { hasText: '新增收费标准' });
    await choose(page, standardModal, '收费项目', ITEM);
    await standardModal.getByLabel('标准名称').fill(STANDARD);
    await choose(page, standardModal, '计费方式', '自定义公式');
    await standardModal.getByLabel('计费公式').fill('area * price * rate');
    await standardModal.getByRole('button', { name: /保\s*存/ }).click();
    await standardModal
      .getByText(/公式有误/)
      .first()
      .waitFor();
    await harness.screenshot(page, '04-standard-formula-refused');
    await choose(page, standardModal, '计费方式', '临时停车');
    await standardModal.getByRole('button', { name: /添加时段/ }).click();
    await harness.screenshot(page, '05-standard-temporary-parking');
    await choose(page, standardModal, '计费方式', '停车月租');
    await harness.screenshot(page, '06-standard-monthly-parking');
    await choose(page, standardModal, '计费方式', '楼层系数');
    await harness.screenshot(page, '07-standard-floor-bands');
    await choose(page, standardModal, '计费方式', '面积×单价');
    await save(page, standardModal, '已创建');

    // Its price matrix: a project price, then a dearer one for 1栋 that the others don't take.
    await page
      .locator('.ant-table-row', { hasText: STANDARD })
      .getByRole('link', { name: STANDARD })
      .click();
    await page.waitForURL(/\/fee-standards\/\d+$/);
    await page.getByRole('heading', { name: new RegExp(STANDARD) }).waitFor();
    await matrixRow(page, '全项目').getByText('未定价').waitFor();
    await setPrice(
      page,
      page.locator('.ant-card-extra').getByRole('button', { name: /设置价格/ }),
      '2.35',
    );
    await matrixRow(page, '全项目').getByText('2.35 元/㎡/月').waitFor();
    await setPrice(page, matrixRow(page, '1栋').getByRole('button', { name: /设置价格/ }), '2.50');
    await matrixRow(page, '1栋').getByText('2.50 元/㎡/月').waitFor();
    await matrixRow(page, '2栋').getByText('沿用上级 2.35 元/㎡/月').waitFor();
    await matrixRow(page, '1栋').locator('.ant-table-row-expand-icon').click();

    // 试算: a room of 1栋 pays the building's price.
    const trial = page.locator('.ant-card', { hasText: '试算' });
    await trial.getByLabel('资源').fill(ROOM);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ROOM })
      .first()
      .click();
    await trial.getByRole('button', { name: /试算单价/ }).click();
    const answer = trial.getByTestId('price-trial-answer');
    await answer.getByText('2.50 元/㎡/月').waitFor();
    await answer.getByText(/楼栋价格「1栋」/).waitFor();
    expect(
      await page.locator('.ant-card', { hasText: '价格历史' }).locator('.ant-table-row').count(),
    ).toBe(2);
    await harness.screenshot(page, '08-price-matrix');

    // Bulk binding to 1栋: the preview counts its rooms before anything is written.
    await openMenu(page, '收费绑定', GROUP);
    await page.getByRole('button', { name: /批量绑定/ }).click();
    const wizard = page.locator('.ant-modal', { hasText: '批量绑定收费标准' });
    await choose(page, wizard, '收费标准', STANDARD);
    await choose(page, wizard, '楼栋', '1栋');
    await harness.screenshot(page, '09-binding-wizard');
    await wizard.getByRole('button', { name: /预\s*览/ }).click();
    const counts = wizard.locator('.ant-statistic-content-value');
    await counts.first().waitFor();
    const total = String(ROOMS_IN_BUILDING_1);
    expect(await counts.allInnerTexts()).toEqual([total, '0', total]);
    await harness.screenshot(page, '10-binding-preview');
    await wizard.getByRole('button', { name: new RegExp(`确认绑定 ${total} 个`) }).click();
    await wizard.getByText(`已绑定 ${total} 个资源`).waitFor();
    await wizard.getByRole('button', { name: /完\s*成/ }).click();

    await page.getByPlaceholder('资源编号').fill(ROOM);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // Once the search has answered, the room's row of the new standard is there.
    const bound = page
      .locator('.ant-table-row', { hasText: STANDARD })
      .filter({ has: page.getByRole('link', { name: ROOM, exact: true }) });
    await bound.waitFor();
    await harness.screenshot(page, '11-bindings');

    // The room's archive lists the new fee in its 收费项目 tab.
    await bound.getByRole('link', { name: ROOM, exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(ROOM) }).waitFor();
    await page.getByRole('tab', { name: '收费项目' }).click();
    const fees = page.locator('.ant-tabs-tabpane-active');
    await fees.locator('.ant-table-row', { hasText: STANDARD }).getByText('生效中').waitFor();
    await fees.locator('.ant-table-row', { hasText: '住宅物业费（按建筑面积）' }).waitFor();
    await harness.screenshot(page, '12-room-fees');
    await page.context().close();
  });
});
