import type { PermissionGroup } from '../../platform/permissions.js';

const both = ['console', 'app'] as const;
const consoleOnly = ['console'] as const;

export const resourcesPermissionGroups: PermissionGroup[] = [
  {
    module: 'resources',
    zh: '资源管理',
    en: 'Property archive',
    permissions: [
      {
        code: 'resources.view',
        zh: '查看楼栋、房屋、商铺、车位、广告位、储藏室',
        en: 'View buildings, rooms, shops, parking, ad spaces, storage',
        channels: both,
      },
      {
        code: 'resources.manage',
        zh: '新增、编辑资源（含批量生成房屋）',
        en: 'Create and edit resources (incl. bulk room creation)',
        channels: consoleOnly,
      },
      {
        code: 'resources.import',
        zh: '导入资源',
        en: 'Import resources from Excel',
        channels: consoleOnly,
      },
    ],
  },
];
