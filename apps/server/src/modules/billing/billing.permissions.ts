import type { PermissionGroup } from '../../platform/permissions.js';

const both = ['console', 'app'] as const;
const consoleOnly = ['console'] as const;

export const billingPermissionGroups: PermissionGroup[] = [
  {
    module: 'billing',
    zh: '账单管理',
    en: 'Bills',
    permissions: [
      {
        code: 'billing.bill.view',
        zh: '查看账单、账单明细和生成批次',
        en: 'View bills, their entries and bill runs',
        channels: both,
      },
      {
        code: 'billing.bill-run.create',
        zh: '批量生成账单（预览、生成、取消）',
        en: 'Run bill generation (preview, run, cancel)',
        channels: consoleOnly,
      },
      {
        code: 'billing.bill.create-temporary',
        zh: '新增临时账单',
        en: 'Add temporary bills',
        channels: both,
      },
      {
        code: 'billing.bill.void',
        zh: '作废账单',
        en: 'Void bills',
        channels: consoleOnly,
      },
    ],
  },
];
