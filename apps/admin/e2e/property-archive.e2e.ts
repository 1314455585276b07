import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectToast, menuGroups, openMenu, signIn } from './console';
import { type Harness, startHarness } from './harness';

const GROUP = '资源管理';

/** A room import file: two good rows and one whose floor and area are wrong. */
async function roomWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('房屋');
  sheet.addRow(['楼栋编号', '单元编号', '楼层', '房屋编号', '建筑面积', '户型', '装修', '状态']);
  sheet.addRow(['E1', '1', '4', 'E1-1-401', '95.50', '3室2厅', '精装', '已入住']);
  sheet.addRow(['E1', '2', '4', 'E1-2-401', '95.50', '3室2厅', '精装', '空置']);
  sheet.addRow(['E1', '2', '四楼', 'E1-2-402', '-3', '', '', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-import-')), 'rooms.xlsx');
  await workbook.xlsx.writeFile(file);

  return file;
}

describe('the property archive', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('archive');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('creates a building and its rooms through the bulk wizard, then shows them', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    expect(await menuGroups(page)).toEqual(['资源管理', '客户管理', '收费管理']);

    await openMenu(page, '楼栋', GROUP);
    await page.getByRole('button', { name: /新增楼栋/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增楼栋' });
    await modal.getByLabel('楼栋编号').fill('E1');
    await modal.getByLabel('楼栋名称').fill('E栋');
    await modal.getByLabel('地上层数').fill('3');
    await harness.screenshot(page, '01-new-building');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');
    await page.locator('.ant-table-row', { hasText: 'E栋' }).waitFor();

    // Bulk creation: 2 units × floors 1–3 × 2 rooms = 12 rooms, previewed first.
    await page.getByRole('button', { name: /批量生成房屋/ }).click();
    const wizard = page.locator('.ant-modal', { hasText: '批量生成房屋' });
    await choose(page, wizard, '楼栋', 'E栋');
    await wizard.getByLabel('结束楼层').fill('3');
    await wizard.getByLabel('建筑面积').fill('89.50');
    await expect(wizard.getByLabel('房号模板').inputValue()).resolves.toBe(
      '{building}-{unit}-{floor}{room:2}',
    );
    await harness.screenshot(page, '02-batch-settings');
    await wizard.getByRole('button', { name: /预\s*览/ }).click();
    await wizard.getByText('房号示例（12 条）').waitFor();
    await wizard.getByText('E1-1-101').waitFor();
    const counts = await wizard.locator('.ant-statistic-content-value').allInnerTexts();
    expect(counts).toEqual(['12', '12', '0']);
    await harness.screenshot(page, '03-batch-preview');
    await wizard.getByRole('button', { name: /生\s*成/ }).click();
    await wizard.getByText('已生成 12 套房屋').waitFor();
    await harness.screenshot(page, '04-batch-done');
    await wizard.getByRole('button', { name: /完\s*成/ }).click();
    await page.locator('.ant-table-row', { hasText: 'E栋' }).getByText('12').waitFor();

    // The room list: the tree counts the building's rooms; clicking it filters the table.
    await openMenu(page, '房屋', GROUP);
    const node = page.locator('.ant-tree-treenode', { hasText: 'E栋' });
    await node.getByText('(12)').waitFor();
    await node.locator('.ant-tree-node-content-wrapper').click();
    await page.getByText('共 12 条').waitFor();
    await page.locator('.ant-table-row', { hasText: 'E1-1-101' }).waitFor();
    await harness.screenshot(page, '05-rooms-of-building');
    await page.context().close();
  });

  it('imports rooms from Excel: a dry run reports the bad row, the import adds the rest', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await openMenu(page, '房屋', GROUP);

    await page.getByRole('button', { name: /导\s*入/ }).click();
    const dialog = page.locator('.ant-modal', { hasText: '导入房屋' });
    await dialog.locator('input[type=file]').setInputFiles(await roomWorkbook());
    await dialog.getByRole('button', { name: /试导入/ }).click();

    const errors = dialog.locator('.ant-table-row');
    await errors.first().waitFor();
    const rows = await errors.allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((row) => row.startsWith('4'))).toBe(true);
    expect(rows.some((row) => row.includes('楼层'))).toBe(true);
    expect(rows.some((row) => row.includes('建筑面积'))).toBe(true);
    await dialog.getByText('有 1 行存在错误').waitFor();
    await harness.screenshot(page, '06-import-dry-run');

    await dialog.getByRole('button', { name: /确认导入/ }).click();
    await dialog.getByText('导入完成：新增 2 条，更新 0 条。').waitFor();
    await harness.screenshot(page, '07-import-done');
    await dialog.getByRole('button', { name: /完\s*成/ }).click();

    await page.getByPlaceholder('房号', { exact: true }).fill('E1-2-4');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('共 1 条').waitFor();
    await page.locator('.ant-table-row', { hasText: 'E1-2-401' }).waitFor();
    await page.context().close();
  });

  it('opens a room from the header search and links an owner to it', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    const search = page.getByPlaceholder('搜索房号、姓名、手机、车牌');
    await search.fill('E1-1-101');
    await page.locator('.ant-select-item-option', { hasText: 'E1-1-101' }).waitFor();
    await harness.screenshot(page, '08-header-search');
    await search.press('Enter');
    await page.getByRole('heading', { name: /E1-1-101/ }).waitFor();
    await page.getByText('暂无关联人员').waitFor();

    await page.getByRole('button', { name: /添加人员/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '添加人员' });
    await modal.getByText('登记新人员').click();
    await modal.getByLabel('姓名').fill('陈业主');
    await modal.getByLabel('手机号').fill('13912345678');
    await harness.screenshot(page, '09-link-owner');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');

    const link = page.locator('.ant-table-row', { hasText: '陈业主' });
    await link.getByText('业主', { exact: true }).waitFor();
    await page.locator('.ant-descriptions-item', { hasText: '陈业主' }).waitFor();
    await harness.screenshot(page, '10-room-detail');

    // The new owner is in the people list with the role tag.
    await openMenu(page, '业主/住户', '客户管理');
    await page.getByPlaceholder('姓名或手机号').fill('陈业主');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('共 1 条').waitFor();
    const person = page.locator('.ant-table-row', { hasText: '陈业主' });
    await person.getByText('业主', { exact: true }).waitFor();
    await harness.screenshot(page, '11-people');
    await page.context().close();
  });
});
