import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectToast, openMenu, signIn } from './console';
import { type Harness, startHarness } from './harness';

const GROUP = '资源管理';
const ROOM_CODE = 'CF-0801';

/** Defines a text field on the 自定义字段 page, in the tab that is open. */
async function defineTextField(
  page: Page,
  field: { label: string; key: string; required?: boolean },
): Promise<void> {
  await page.getByRole('button', { name: /新增字段/ }).click();
  const modal = page.locator('.ant-modal', { hasText: '新增字段' });
  await modal.getByLabel('字段名称').fill(field.label);
  await modal.getByLabel('字段标识').fill(field.key);
  if (field.required) await modal.getByLabel('必填').click();

  return saveModal(page, modal);
}

async function saveModal(page: Page, modal: Locator): Promise<void> {
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expectToast(page, '已创建');
  await modal.waitFor({ state: 'hidden' });
}

describe('custom fields', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('custom-fields');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('defines room fields that the room form, list and filters then show', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    // The demo's own 朝向 field is renamed and archived, to make room for the new one.
    await openMenu(page, '自定义字段', GROUP);
    await page.getByRole('tab', { name: '房屋' }).waitFor();
    const demoField = page.locator('.ant-table-row', { hasText: 'orientation' });
    await demoField.getByRole('button', { name: /编\s*辑/ }).click();
    const editor = page.locator('.ant-modal', { hasText: '编辑字段' });
    await editor.getByLabel('字段名称').fill('朝向（旧）');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已保存');
    await editor.waitFor({ state: 'hidden' });
    await demoField.getByText('朝向（旧）').waitFor();
    await demoField.getByRole('button', { name: /归\s*档/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expectToast(page, '已归档');
    await demoField.getByText('已归档').waitFor();

    await page.getByRole('button', { name: /新增字段/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增字段' });
    await modal.getByLabel('字段名称').fill('朝向');
    await modal.getByLabel('字段标识').fill('facing');
    await choose(page, modal, '类型', '单选');
    await modal.getByPlaceholder('选项 1', { exact: true }).fill('南');
    await modal.getByPlaceholder('选项 2', { exact: true }).fill('北');
    await modal.getByRole('button', { name: /添加选项/ }).click();
    await modal.getByPlaceholder('选项 3', { exact: true }).fill('东西');
    await harness.screenshot(page, '01-define-choice-field');
    await saveModal(page, modal);
    await defineTextField(page, { label: '产权证号', key: 'deed_no', required: true });

    const orientation = page.locator('.ant-table-row', { hasText: 'facing' });
    await orientation.getByText('单选').waitFor();
    await orientation.getByText('东西').waitFor();
    const deed = page.locator('.ant-table-row', { hasText: '产权证号' });
    await deed.getByText('deed_no').waitFor();
    expect(await deed.innerText()).toContain('是');
    await harness.screenshot(page, '02-room-fields');

    // The room form shows both fields; the required one is required.
    await choose(page, page.locator('.ant-layout-header'), '当前项目', '爱尚花园');
    await openMenu(page, '房屋', GROUP);
    await page.getByRole('button', { name: /新增房屋/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '新增房屋' });
    await drawer.getByText('自定义字段').waitFor();
    await drawer.getByLabel('朝向', { exact: true }).waitFor();
    await drawer.getByLabel('产权证号', { exact: true }).waitFor();
    await choose(page, drawer, '楼栋', '1栋');
    await drawer.getByLabel('楼层').fill('8');
    await drawer.getByLabel('房号').fill(ROOM_CODE);
    await drawer.getByLabel('建筑面积', { exact: true }).fill('88.50');
    await choose(page, drawer, '朝向', '南');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('请填写产权证号').waitFor();
    await harness.screenshot(page, '03-room-form-required');
    await drawer.getByLabel('产权证号', { exact: true }).fill('沪房地浦字2026第001号');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已创建');

    // The list shows the 朝向 column; filtering by 朝向=南 finds the new room alone.
    await page.locator('.ant-table-thead th', { hasText: '朝向' }).waitFor();
    const filters = page.locator('form#filters');
    await choose(page, filters, '朝向', '南');
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('共 1 条').waitFor();
    const row = page.locator('.ant-table-row', { hasText: ROOM_CODE });
    await row.locator('td', { hasText: /^南$/ }).waitFor();
    await harness.screenshot(page, '04-rooms-filtered');

    // The room's archive lists the values among its attributes.
    await row.getByRole('link', { name: ROOM_CODE }).click();
    await page.getByRole('heading', { name: new RegExp(ROOM_CODE) }).waitFor();
    const orientationItem = page.locator('.ant-descriptions-item', { hasText: '朝向' });
    expect(await orientationItem.locator('.ant-descriptions-item-content').innerText()).toBe('南');
    await page.getByText('沪房地浦字2026第001号').waitFor();
    await harness.screenshot(page, '05-room-detail');
    await page.context().close();
  });

  it('sets an owner field on a person and shows it in the person drawer', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    await openMenu(page, '自定义字段', GROUP);
    await page.getByRole('tab', { name: '业主' }).click();
    await page.getByText('业主字段和租户字段都显示在每个人员的档案里。').waitFor();
    await defineTextField(page, { label: '紧急联系人', key: 'emergency_contact' });
    await page.locator('.ant-table-row', { hasText: 'emergency_contact' }).waitFor();

    await openMenu(page, '业主/住户', '客户管理');
    const first = page.locator('.ant-table-row').first();
    await first.waitFor();
    const name = (await first.locator('td').first().innerText()).trim();
    await first.getByRole('button', { name: /编\s*辑/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '编辑人员' });
    await modal.getByLabel('紧急联系人').fill('王小明 13900001111');
    await harness.screenshot(page, '06-person-form');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已保存');
    await modal.waitFor({ state: 'hidden' });

    await page.locator('.ant-table-thead th', { hasText: '紧急联系人' }).waitFor();
    await page
      .locator('.ant-table-row', { hasText: name })
      .first()
      .getByRole('button', { name: /详\s*情/ })
      .click();
    const drawer = page.locator('.ant-drawer', { hasText: name });
    const item = drawer.locator('.ant-descriptions-item', { hasText: '紧急联系人' });
    await item.getByText('王小明 13900001111').waitFor();
    await harness.screenshot(page, '07-person-drawer');
    await page.context().close();
  });
});
