import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectToast, openMenu, signIn } from './console';
import { type Harness, startHarness } from './harness';

const GROUP = '收费管理';

describe('notices', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('notices');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('edits an SMS template with a live preview, then restores the default', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    await openMenu(page, '通知模板', GROUP);
    await page.getByRole('heading', { name: '账单生成通知' }).waitFor();
    const smsRow = page.locator('.ant-table-row', { hasText: '短信' });
    await smsRow.getByText('【爱尚物业】{{payerName}}您好').waitFor();
    await smsRow.getByText('系统默认').waitFor();
    await harness.screenshot(page, '01-templates');

    await smsRow.getByRole('button', { name: /编\s*辑/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '编辑模板' });
    const preview = modal.getByTestId('notice-preview');
    // The default, rendered with the sample payer 张伟 and room 1-1-101.
    await preview.getByText('【爱尚物业】张伟您好，您的1-1-101（2026年3月）账单已生成').waitFor();

    const body = modal.getByLabel('内容');
    await body.fill('【花园物业】尊敬的业主，');
    await modal.getByText('{{payerName}}').click();
    await body.press('End');
    await body.pressSequentially('：本期应缴');
    await modal.getByText('{{amount}}').click();
    await preview.getByText('【花园物业】尊敬的业主，张伟：本期应缴¥210.02').waitFor();
    await harness.screenshot(page, '02-template-editor');

    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expectToast(page, '已保存');
    await modal.waitFor({ state: 'hidden' });
    await smsRow.getByText('项目自定义').waitFor();
    expect(await smsRow.innerText()).toContain(
      '【花园物业】尊敬的业主，{{payerName}}：本期应缴{{amount}}',
    );

    await smsRow.getByRole('button', { name: /恢复默认/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expectToast(page, '已恢复默认');
    await smsRow.getByText('系统默认').waitFor();
  });

  it('shows the delivery log with its filters and export', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', 'admin123');

    await openMenu(page, '通知记录', GROUP);
    for (const header of ['收件人', '渠道', '号码/邮箱', '状态', '原因', '发送时间']) {
      await page.locator('.ant-table-thead th', { hasText: header }).first().waitFor();
    }
    await page.getByRole('button', { name: /导出 Excel/ }).waitFor();
    await page.locator('.ant-select', { hasText: '状态' }).click();
    for (const status of ['排队中', '已发送', '失败', '已跳过']) {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: status })
        .waitFor();
    }
    await page.keyboard.press('Escape');
    await harness.screenshot(page, '03-delivery-log');
  });
});
