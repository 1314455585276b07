import type { PermissionGroup } from '../../platform/permissions.js';

const both = ['console', 'app'] as const;
const consoleOnly = ['console'] as const;

export const feesPermissionGroups: PermissionGroup[] = [
  {
    module: 'fees',
    zh: '收费设置',
    en: 'Fee configuration',
    permissions: [
      {
        code: 'fees.item.view',
        zh: '查看收费项目、收费标准、单价和收费绑定',
        en: 'View fee items, charging standards, prices and bindings',
        channels: both,
      },
      {
        code: 'fees.item.manage',
        zh: '新增、编辑收费项目和收费标准，设置单价',
        en: 'Create and edit fee items and charging standards; set prices',
        channels: consoleOnly,
      },
      {
        code: 'fees.binding.manage',
        zh: '绑定、批量绑定和结束收费标准',
        en: 'Bind charging standards to resources (one by one or in bulk) and end bindings',
        channels: consoleOnly,
      },
    ],
  },
];
