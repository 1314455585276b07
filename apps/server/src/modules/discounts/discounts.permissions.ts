import type { PermissionGroup } from '../../platform/permissions.js';

export const discountsPermissionGroups: PermissionGroup[] = [
  {
    module: 'discounts',
    zh: '优惠方案',
    en: 'Discount schemes',
    permissions: [
      {
        code: 'discounts.view',
        zh: '查看优惠方案，试算减免',
        en: 'View discount schemes and try out their reductions',
        // The cashier desk in the app proposes reductions too.
        channels: ['console', 'app'],
      },
      {
        code: 'discounts.manage',
        zh: '新增、编辑和归档优惠方案',
        en: 'Create, edit and archive discount schemes',
        channels: ['console'],
      },
    ],
  },
];
