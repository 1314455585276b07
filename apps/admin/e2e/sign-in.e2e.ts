import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menuLabels, signIn } from './console';
import { type Harness, startHarness } from './harness';

describe('signing in to the console', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('sign-in');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the server’s refusal when the password is wrong', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    await page.getByPlaceholder('用户名或手机号').waitFor();
    await harness.screenshot(page, '01-sign-in-page');

    await page.getByPlaceholder('用户名或手机号').fill('admin');
    await page.getByPlaceholder('密码').fill('wrong-password1');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    await expect(page.getByRole('alert').innerText()).resolves.toContain('用户名或密码错误');
    await harness.screenshot(page, '02-wrong-password');
    await page.context().close();
  });

  it('tells a user whose account is locked after five wrong passwords', async () => {
    const page = await harness.newPage();
    await page.goto('/login');
    await page.getByPlaceholder('用户名或手机号').fill('zhixu');
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await page.getByPlaceholder('密码').fill(`wrong-${attempt}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await answered;
    }

    await expect(alert.innerText()).resolves.toContain('账号已锁定');
    await harness.screenshot(page, '02b-locked');
    await page.context().close();
  });

  it('gives the company administrator the whole menu', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    expect(await menuLabels(page)).toEqual([
      '工作台',
      '项目管理',
      '部门管理',
      '员工管理',
      '操作日志',
    ]);
    await expect(page.getByText('您好，系统管理员').isVisible()).resolves.toBe(true);
    await page.getByText('爱尚物业服务有限公司').first().waitFor();
    await harness.screenshot(page, '03-admin-dashboard');
    await page.context().close();
  });

  it('shows 客服部 only projects and employees', async () => {
    const page = await harness.newPage();
    await signIn(page, 'kefu', 'admin123');

    const labels = await menuLabels(page);
    expect(labels).toEqual(['工作台', '项目管理', '员工管理']);
    expect(labels).not.toContain('部门管理');
    expect(labels).not.toContain('操作日志');
    await harness.screenshot(page, '04-kefu-menu');

    await page.goto('/departments');
    await page.getByText('没有访问此页面的权限').waitFor();
    await harness.screenshot(page, '05-kefu-forbidden');
    await page.context().close();
  });

  it('shows the platform administrator the companies page only', async () => {
    const page = await harness.newPage();
    await signIn(page, 'platform', 'platform123');

    expect(await menuLabels(page)).toEqual(['公司管理']);
    await page.locator('.ant-table-row', { hasText: '爱尚物业服务有限公司' }).waitFor();
    await harness.screenshot(page, '06-platform-companies');
    await page.context().close();
  });

  it('switches to English: menu, page text and server messages', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    await page.getByRole('button', { name: /简体中文/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: 'Projects' }).waitFor();
    expect(await menuLabels(page)).toEqual([
      'Dashboard',
      'Projects',
      'Departments',
      'Employees',
      'Audit log',
    ]);
    await page.getByText('Hello, 系统管理员').waitFor();
    await harness.screenshot(page, '07-english-dashboard');

    // The server answers in the chosen language too.
    await page.getByTestId('user-menu').hover();
    await page.getByText('My account').click();
    await page.getByLabel('Current password').fill('not-my-password1');
    await page.getByLabel('New password', { exact: true }).fill('Another2026');
    await page.getByLabel('Repeat new password').fill('Another2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .locator('.ant-message-notice', { hasText: 'The current password is wrong' })
      .waitFor();
    await harness.screenshot(page, '08-english-server-message');

    // The choice survives a reload.
    await page.reload();
    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: 'Employees' }).waitFor();
    await page.context().close();
  });
});
