import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectToast, menuLabels, openMenu, signIn, signOut } from './console';
import { type Harness, startHarness } from './harness';

describe('granting a new department its permissions', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('department');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('lets an employee of that department see exactly the granted menu entries', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    // Create the department.
    await openMenu(page, '部门管理');
    await page.getByRole('button', { name: /新增部门/ }).click();
    const departmentModal = page.locator('.ant-modal', { hasText: '新增部门' });
    await departmentModal.getByLabel('部门名称').fill('物业服务中心');
    await harness.screenshot(page, '01-new-department');
    await departmentModal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');

    // The new department is selected; tick two console permissions and save.
    await page.locator('.ant-card-head-title', { hasText: '物业服务中心' }).waitFor();
    const consoleTab = page.locator('.ant-tabs-tabpane-active');
    await consoleTab.getByText('查看项目', { exact: true }).click();
    await consoleTab.getByText('查看员工', { exact: true }).click();
    await expect(consoleTab.getByText('已选 2 项').isVisible()).resolves.toBe(true);
    await harness.screenshot(page, '02-permissions-ticked');
    await page.getByRole('button', { name: /保存权限/ }).click();
    await expectToast(page, '权限已保存');

    // The APP tab shows only permissions that apply in the staff app.
    await page.getByRole('tab', { name: 'APP 端' }).click();
    const appTab = page.locator('.ant-tabs-tabpane-active');
    await appTab.getByText('查看项目', { exact: true }).waitFor();
    expect(await appTab.getByText('查看部门', { exact: true }).count()).toBe(0);
    await harness.screenshot(page, '03-app-permissions');

    // Create an employee in it.
    await openMenu(page, '员工管理');
    await page.getByRole('button', { name: /新增员工/ }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByLabel('姓名').fill('周服务');
    await drawer.getByLabel('手机号').fill('13900000009');
    await drawer.getByLabel('用户名').fill('zhoufuwu');
    await drawer.getByLabel('初始密码').fill('Service2026');
    await drawer.getByLabel('部门').click();
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: '物业服务中心' })
      .click();
    await harness.screenshot(page, '04-new-employee');
    await drawer
      .getByRole('button', { name: /保\s*存/ })
      .first()
      .click();
    await expectToast(page, '已创建');
    await drawer.getByText('数据范围').first().waitFor();
    await harness.screenshot(page, '05-employee-created');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row', { hasText: 'zhoufuwu' }).waitFor();
    await harness.screenshot(page, '06-employee-list');

    // Sign out, sign in as the new employee.
    await signOut(page);
    await signIn(page, 'zhoufuwu', 'Service2026');

    expect(await menuLabels(page)).toEqual(['工作台', '项目管理', '员工管理']);
    await page.getByText('您好，周服务').waitFor();
    await harness.screenshot(page, '07-employee-dashboard');

    await openMenu(page, '员工管理');
    expect(await page.getByRole('button', { name: /新增员工/ }).count()).toBe(0);
    await harness.screenshot(page, '08-employee-read-only');
    await page.context().close();
  });
});
