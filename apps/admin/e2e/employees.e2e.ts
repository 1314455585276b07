import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectToast, menuLabels, openMenu, signIn, signOut } from './console';
import { type Harness, startHarness } from './harness';

/** Opens the select of a form field, picks an option and waits until the list has gone. */
async function choose(page: Page, fieldId: string, option: string, multiple = false) {
  await page.locator('.ant-select', { has: page.locator(`#${fieldId}`) }).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.locator('.ant-select-item-option', { hasText: option }).click();
  // A multiple select stays open after a pick; click elsewhere to close it.
  if (multiple) await page.locator('.ant-drawer-title').click();
  await dropdown.waitFor({ state: 'hidden' });
}

describe('employees and companies', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('employees');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('sets an employee’s data scope, butler duties and password', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');
    await openMenu(page, '员工管理');

    const row = page.locator('.ant-table-row', { hasText: 'kefu' });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('数据范围').first().waitFor();

    await choose(page, 'scope_projectIds', '爱尚商业广场', true);
    await drawer.getByRole('button', { name: /保存数据范围/ }).click();
    await expectToast(page, '已保存');

    // Two assignments to the same building: the server names the second row's field.
    for (let i = 0; i < 2; i += 1) {
      await drawer.getByRole('button', { name: /添加管家分配/ }).click();
      await choose(page, `butler_assignments_${i}_projectId`, '爱尚花园');
      await drawer.locator(`#butler_assignments_${i}_resourceId`).fill('101');
    }
    await drawer.getByRole('button', { name: /保存管家分配/ }).click();
    await drawer
      .locator('#butler_assignments_1_resourceId_help', { hasText: '已被使用' })
      .waitFor();
    await harness.screenshot(page, '01-butler-duplicate');

    await drawer.locator('#butler_assignments_1_resourceId').fill('102');
    await drawer.getByRole('button', { name: /保存管家分配/ }).click();
    await expectToast(page, '已保存');
    await harness.screenshot(page, '02-employee-edited');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await drawer.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: /重置密码/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '重置密码' });
    await modal.getByLabel('新密码').fill('Kefu2026new');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await expectToast(page, '密码已重置');

    await signOut(page);
    await signIn(page, 'kefu', 'Kefu2026new');
    await page.getByText('您好，李客服').waitFor();
    await page.getByText('数据范围：2 个项目').waitFor();
    await page.context().close();
  });

  it('lets the platform administrator open a company whose administrator can sign in', async () => {
    const page = await harness.newPage();
    await signIn(page, 'platform', 'platform123');
    await page.getByRole('button', { name: /新增公司/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增公司' });
    await modal.getByLabel('公司名称').fill('安居物业有限公司');
    await modal.getByLabel('公司编码').fill('anju');
    await modal.getByLabel('联系电话').fill('12345');
    await modal.getByLabel('管理员用户名').fill('anju-admin');
    await modal.getByLabel('管理员姓名').fill('安管理');
    await modal.getByLabel('管理员密码').fill('Anju2026pw');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.locator('#company_contactPhone_help', { hasText: '手机号格式不正确' }).waitFor();
    await harness.screenshot(page, '03-company-field-error');

    await modal.getByLabel('联系电话').fill('13911112222');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');
    await page.locator('.ant-table-row', { hasText: '安居物业有限公司' }).waitFor();
    await harness.screenshot(page, '04-companies');

    await signOut(page);
    await signIn(page, 'anju-admin', 'Anju2026pw');
    expect(await menuLabels(page)).toContain('部门管理');
    await page.getByText('安居物业有限公司').first().waitFor();
    await page.context().close();
  });
});
