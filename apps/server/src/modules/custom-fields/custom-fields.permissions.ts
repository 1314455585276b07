import type { PermissionGroup } from '../../platform/permissions.js';

export const MANAGE_CUSTOM_FIELDS = 'resources.custom-field.manage';

export const customFieldPermissionGroups: PermissionGroup[] = [
  {
    module: 'resources.custom-field',
    zh: '自定义字段',
    en: 'Custom fields',
    permissions: [
      {
        code: MANAGE_CUSTOM_FIELDS,
        zh: '定义资源和业主、租户的自定义字段',
        en: 'Define custom fields of resources, owners and tenants',
        channels: ['console'],
      },
    ],
  },
];
