import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectToast, openMenu, signIn } from './console';
import { type Harness, startHarness } from './harness';

describe('projects, audit log and my account', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('projects');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('marks the field the server refused, creates a project, filters and exports', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await openMenu(page, '项目管理');
    await page.locator('.ant-table-row', { hasText: '爱尚花园' }).waitFor();
    await expect(page.getByText('共 2 条').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: /新增项目/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增项目' });
    await modal.getByLabel('项目名称').fill('爱尚三期');
    await modal.getByLabel('项目编码').fill('ASH 3!');
    await modal.getByLabel('面积（㎡）').fill('32000.5');
    await modal.getByRole('button', { name: /保\s*存/ }).click();

    // The server names the field; the form shows its message under it.
    const codeError = modal.locator('#project_code_help');
    await codeError.getByText('只能包含字母、数字、- 和 _').waitFor();
    await harness.screenshot(page, '01-field-error');

    await modal.getByLabel('项目编码').fill('ASH3');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');
    await page.locator('.ant-table-row', { hasText: '爱尚三期' }).waitFor();
    await expect(page.getByText('共 3 条').isVisible()).resolves.toBe(true);

    await page.getByPlaceholder('项目名称或编码').fill('三期');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('共 1 条').waitFor();
    await harness.screenshot(page, '02-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('项目列表.xlsx');
    const file = await download.path();
    // An .xlsx file is a zip archive: it starts with "PK".
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  });

  it('shows the audit log with the record before and after a change', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await openMenu(page, '操作日志');

    const row = page.locator('.ant-table-row', { hasText: '新增项目' }).first();
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('.json-block', { hasText: '爱尚三期' }).waitFor();
    await harness.screenshot(page, '03-audit-log');
    await page.context().close();
  });

  it('lists my sessions with the current one marked', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await page.getByTestId('user-menu').hover();
    await page.getByText('我的账号', { exact: true }).click();
    await page.getByRole('heading', { name: '我的账号' }).waitFor();

    await page.locator('.ant-table-row', { hasText: '当前设备' }).first().waitFor();
    await harness.screenshot(page, '04-my-account');
    await page.context().close();
  });
});
