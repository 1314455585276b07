import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectToast, openMenu, signIn } from './console';
import { type Harness, startHarness } from './harness';

const GROUP = '收费管理';
const PROJECT = '爱尚花园';
const BUILDING = 'E2E账单楼';
const ITEM = '公共能耗费';
const STANDARD = '公共能耗费（按建筑面积）';
const MONTH = '2026-11';

/** The building the test bills: 1 unit × floors 1–2 × 2 rooms of 89.37 ㎡, no owners yet. */
const ROOMS = 1 * 2 * 2;
const AREA = '89.37';
const PRICE = '2.35';
/** 89.37 × 2.35 = 210.0195 → ¥210.02 a room for a whole month (rounded once, half-up). */
const ROOM_FEN = 21002;
const TOTAL_FEN = ROOMS * ROOM_FEN;

function yuan(fen: number): string {
  return `¥${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
}

/** Calls the API with the page's session, as the console would. */
async function call<T>(page: Page, method: 'GET' | 'POST', url: string, data?: object) {
  const response = await page.request.fetch(url, { method, data });
  if (!response.ok())
    throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);

  return (await response.json()) as T;
}

/** The building of rooms to bill, through the API: the property archive has its own test. */
async function createBuilding(page: Page): Promise<void> {
  const projects = await call<{ items: { id: number; name: string }[] }>(
    page,
    'GET',
    '/api/v1/projects?pageSize=200',
  );
  const projectId = projects.items.find((p) => p.name === PROJECT)?.id;
  const building = await call<{ id: number }>(page, 'POST', '/api/v1/buildings', {
    projectId,
    code: 'E2E',
    name: BUILDING,
    floorsAbove: 2,
  });
  await call(page, 'POST', '/api/v1/room-batches', {
    projectId,
    buildingIds: [building.id],
    unitCount: 1,
    floorFrom: 1,
    floorTo: 2,
    roomsPerFloor: 2,
    codeTemplate: '{building}-{unit}-{floor}{room:2}',
    area: AREA,
    status: 'vacant',
  });
}

/** Types a date into an antd date picker and confirms it. */
async function fillDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

async function save(page: Page, modal: Locator, toast: string): Promise<void> {
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expectToast(page, toast);
  await modal.waitFor({ state: 'hidden' });
}

/** A fee item, an area × price standard with a project price, bound to the building: the UI. */
async function configureFee(page: Page): Promise<void> {
  await openMenu(page, '收费项目', GROUP);
  await page.getByRole('button', { name: /新增收费项目/ }).click();
  const itemModal = page.locator('.ant-modal', { hasText: '新增收费项目' });
  await itemModal.getByLabel('项目编码').fill('E2EGN');
  await itemModal.getByLabel('项目名称').fill(ITEM);
  await save(page, itemModal, '已创建');

  await openMenu(page, '收费标准', GROUP);
  await page.getByRole('button', { name: /新增收费标准/ }).click();
  const standardModal = page.locator('.ant-modal', { hasText: '新增收费标准' });
  await choose(page, standardModal, '收费项目', ITEM);
  await standardModal.getByLabel('标准名称').fill(STANDARD);
  await save(page, standardModal, '已创建');

  await page.getByRole('link', { name: STANDARD }).click();
  await page.getByRole('heading', { name: new RegExp(STANDARD) }).waitFor();
  await page
    .locator('.ant-card-extra')
    .getByRole('button', { name: /设置价格/ })
    .click();
  const priceModal = page.locator('.ant-modal', { hasText: '价格只增不改' });
  await priceModal.getByLabel('单价').fill(PRICE);
  await fillDate(priceModal.getByLabel('生效日期'), '2026-01-01');
  await save(page, priceModal, '已创建');

  await openMenu(page, '收费绑定', GROUP);
  await page.getByRole('button', { name: /批量绑定/ }).click();
  const wizard = page.locator('.ant-modal', { hasText: '批量绑定收费标准' });
  await choose(page, wizard, '收费标准', STANDARD);
  await choose(page, wizard, '楼栋', BUILDING);
  await fillDate(wizard.getByLabel('计费开始'), '2026-01-01');
  await wizard.getByRole('button', { name: /预\s*览/ }).click();
  await wizard.getByRole('button', { name: new RegExp(`确认绑定 ${ROOMS} 个`) }).click();
  await wizard.getByText(`已绑定 ${ROOMS} 个资源`).waitFor();
  await wizard.getByRole('button', { name: /完\s*成/ }).click();
}

/** Types a month into both ends of the month range picker labelled `label`. */
async function chooseMonths(scope: Locator, label: string, from: string, to: string) {
  const inputs = scope
    .getByLabel(label, { exact: true })
    .locator('xpath=ancestor::div[contains(@class, "ant-picker-range")]')
    .locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
}

async function figures(scope: Locator): Promise<string[]> {
  const values = scope.locator('.ant-statistic-content');
  await values.first().waitFor();

  return values.allInnerTexts();
}

describe('bills and bill runs', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('bills');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('bills a building for a month: preview, run with progress, list and calculation', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await choose(page, page.locator('.ant-layout-header'), '当前项目', PROJECT);
    await createBuilding(page);
    await configureFee(page);

    // ① the scope: one month, the new item, the new building.
    await openMenu(page, '批量生成账单', GROUP);
    const wizard = page.locator('.ant-tabs-tabpane-active');
    await chooseMonths(wizard, '计费月份', MONTH, MONTH);
    // Both are multiple selects: their lists stay open until Escape.
    await choose(page, wizard, '收费项目', ITEM);
    await page.keyboard.press('Escape');
    await choose(page, wizard, '楼栋', BUILDING);
    await page.keyboard.press('Escape');
    await harness.screenshot(page, '01-run-settings');

    // ② the preview counts and totals before anything is written; the rooms have no owner.
    await wizard.getByRole('button', { name: /预\s*览/ }).click();
    await wizard.getByText('按收费项目').waitFor();
    expect(await figures(wizard)).toEqual([String(ROOMS), yuan(TOTAL_FEN), '0', String(ROOMS)]);
    await wizard.getByText(`无缴费人（未登记业主或租户）：${ROOMS} 条`).waitFor();
    const sample = wizard.locator('.ant-table-row', { hasText: 'E2E-1-101' });
    expect(await sample.innerText()).toContain(`× 单价 ${PRICE}`);
    expect(await sample.innerText()).toContain(yuan(ROOM_FEN));
    await harness.screenshot(page, '02-run-preview');

    // ③ the run: a job whose progress the page polls, then ④ its result.
    await wizard.getByRole('button', { name: /开始生成/ }).click();
    await wizard.locator('.ant-progress, .ant-result').first().waitFor();
    await harness.screenshot(page, '03-run-progress');
    await wizard.getByText('账单生成完成').waitFor({ timeout: 60_000 });
    await wizard
      .getByText(`新增账单 ${ROOMS} 条，合计 ${yuan(TOTAL_FEN)}；跳过已存在的 0 条。`)
      .waitFor();
    await harness.screenshot(page, '04-run-result');

    // Running it again would create nothing: every bill exists.
    await wizard.getByRole('button', { name: /再次生成/ }).click();
    await wizard.getByRole('button', { name: /预\s*览/ }).click();
    await wizard.getByText('所选范围内没有可生成的新账单。').waitFor();
    expect(await figures(wizard)).toEqual(['0', yuan(0), String(ROOMS), String(ROOMS)]);
    await expect(wizard.getByRole('button', { name: /开始生成/ }).isDisabled()).resolves.toBe(true);

    // 生成记录 lists the run with what it made.
    await page.getByRole('tab', { name: '生成记录' }).click();
    const record = page.locator('.ant-tabs-tabpane-active .ant-table-row', { hasText: ITEM });
    await record.getByText('已完成').waitFor();
    expect(await record.innerText()).toContain(yuan(TOTAL_FEN));
    await harness.screenshot(page, '05-run-history');

    // The run's bills, with the totals over all of them.
    await record.getByRole('button', { name: '查看账单' }).click();
    await page.getByRole('heading', { name: '账单列表', exact: true }).waitFor();
    await page.getByText(/生成批次 #\d+/).waitFor();
    await page.getByText(`共 ${ROOMS} 条`).waitFor();
    const totals = page.locator('.ant-table-summary', { hasText: `合计（全部 ${ROOMS} 条）` });
    expect(await totals.innerText()).toContain(yuan(TOTAL_FEN));
    await harness.screenshot(page, '06-bill-list');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // A bill's 计费说明 says how its amount came about.
    await page.locator('.ant-table-row', { hasText: 'E2E-1-101' }).click();
    await page.getByRole('heading', { name: /账单 #\d+/ }).waitFor();
    const calculation = await page.getByTestId('calculation-text').innerText();
    expect(calculation).toContain(`建筑面积 ${AREA}㎡ × 单价 ${PRICE}`);
    expect(calculation).toContain(`${(ROOM_FEN / 100).toFixed(2)}元`);
    await harness.screenshot(page, '07-bill-detail');

    // 作废 needs a reason; the bill keeps its entries and shows the void.
    await page.getByRole('button', { name: /作\s*废/ }).click();
    const voidModal = page.locator('.ant-modal', { hasText: '作废账单' });
    await voidModal.getByRole('button', { name: /作\s*废/ }).click();
    await voidModal.getByText('请填写 2–200 字的作废原因').waitFor();
    await harness.screenshot(page, '08-void-reason');
    await voidModal.getByLabel('作废原因').fill('房号录入错误，重新出账');
    await voidModal.getByRole('button', { name: /作\s*废/ }).click();
    await expectToast(page, '账单已作废');
    await page
      .getByRole('heading', { name: /账单 #\d+/ })
      .getByText('已作废')
      .waitFor();
    await page.locator('.ant-table-row', { hasText: '房号录入错误，重新出账' }).waitFor();
    await page.getByText(`原账单金额 ${yuan(ROOM_FEN)}`).waitFor();
    await harness.screenshot(page, '09-bill-void');
    await page.context().close();
  });

  it('adds a temporary bill whose amount in yuan becomes exact fen', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await choose(page, page.locator('.ant-layout-header'), '当前项目', PROJECT);
    await openMenu(page, '账单列表', GROUP);

    await page.getByRole('button', { name: /新增临时账单/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增临时账单' });
    await modal.getByLabel('资源', { exact: true }).fill('1-1-101');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '1-1-101' })
      .first()
      .click();
    await choose(page, modal, '收费项目', '物业费');
    // Through floats 19.99 × 100 is 1998.9999…; parsed as text it is 1999 fen.
    await modal.getByLabel('金额').fill('19.99');
    await modal.getByLabel('收费说明').fill('维修费：更换水龙头');
    await fillDate(modal.getByLabel('应缴日期'), '2026-12-31');
    await harness.screenshot(page, '10-temporary-bill');
    await save(page, modal, '已创建');

    await page.getByPlaceholder('资源编号、缴费人、收费项目').fill('1-1-101');
    await page.locator('.ant-select', { hasText: '账单类型' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '临时账单' })
      .click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('.ant-table-row', { hasText: '1-1-101' });
    await page.getByText('共 1 条').waitFor();
    expect(await row.innerText()).toContain('¥19.99');
    await row.click();
    await page.getByText('维修费：更换水龙头').first().waitFor();
    await harness.screenshot(page, '11-temporary-bill-detail');

    // The room's own page lists its bills, the temporary one among them.
    await page.getByRole('link', { name: '1-1-101' }).first().click();
    await page.getByRole('tab', { name: /账单/ }).click();
    const roomBill = page.locator('.ant-tabs-tabpane-active .ant-table-row', {
      hasText: '¥19.99',
    });
    await roomBill.waitFor();
    await harness.screenshot(page, '12-resource-bills');
    await page.context().close();
  });
});
