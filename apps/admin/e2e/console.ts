import type { Page } from 'playwright-core';

/** What a user does and reads in the console, in the words the screen shows. */

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByPlaceholder('用户名或手机号').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('.ant-layout-sider .ant-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await page.getByPlaceholder('用户名或手机号').waitFor();
}

/** The side menu's entries, top to bottom, as shown. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('.ant-layout-sider .ant-menu-item');
  await items.first().waitFor();

  return (await items.allInnerTexts()).map((text) => text.trim());
}

/** Opens a page from the side menu; `group` names the sub-menu it sits in, opened if closed. */
export async function openMenu(page: Page, label: string, group?: string): Promise<void> {
  const item = page.locator('.ant-layout-sider .ant-menu-item', { hasText: label });
  if (group && !(await item.isVisible())) {
    await page.locator('.ant-layout-sider .ant-menu-submenu-title', { hasText: group }).click();
    // A click while the sub-menu still unfolds can land on another entry: wait until it is open.
    await page.locator('.ant-layout-sider .ant-menu-submenu-open', { hasText: group }).waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.ant-layout-sider .ant-motion-collapse'),
    );
  }
  await item.click();
  await page.getByRole('heading', { name: label, exact: true }).waitFor();
}

/** The side menu's sub-menu titles, top to bottom. */
export async function menuGroups(page: Page): Promise<string[]> {
  const titles = page.locator('.ant-layout-sider .ant-menu-submenu-title');

  return (await titles.allInnerTexts()).map((text) => text.trim());
}

/** Picks an option of the antd Select labelled `label` inside `scope`. */
export async function choose(
  page: Page,
  scope: ReturnType<Page['locator']>,
  label: string,
  option: string,
): Promise<void> {
  // The box, not its input: a chosen value's text lies over the input and takes the click.
  await scope
    .getByLabel(label, { exact: true })
    .locator('xpath=ancestor::div[contains(@class, "ant-select-selector")]')
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** Waits for an antd message toast with this text. */
export async function expectToast(page: Page, text: string): Promise<void> {
  // The newest one: an earlier toast with the same text may still be fading out.
  await page.locator('.ant-message-notice', { hasText: text }).last().waitFor();
}
