import type { PermissionGroup } from '../../platform/permissions.js';

/** The view-sensitive code unmasks mobile and ID numbers wherever people are shown. */
export const VIEW_SENSITIVE = 'people.person.view-sensitive';

export const peoplePermissionGroups: PermissionGroup[] = [
  {
    module: 'people.person',
    zh: '业主与住户',
    en: 'Owners and residents',
    permissions: [
      {
        code: 'people.person.view',
        zh: '查看业主、家庭成员、租户',
        en: 'View owners, family members and tenants',
        channels: ['console', 'app'],
      },
      {
        code: 'people.person.manage',
        zh: '登记、编辑人员，关联资源，办理过户',
        en: 'Register and edit people, link them to resources, transfer ownership',
        channels: ['console'],
      },
      {
        code: VIEW_SENSITIVE,
        zh: '查看完整手机号和证件号码',
        en: 'See full mobile and ID numbers',
        channels: ['console', 'app'],
      },
    ],
  },
  {
    module: 'people.vehicle',
    zh: '车辆管理',
    en: 'Vehicles',
    permissions: [
      {
        code: 'people.vehicle.view',
        zh: '查看车辆',
        en: 'View vehicles',
        channels: ['console', 'app'],
      },
      {
        code: 'people.vehicle.manage',
        zh: '登记、编辑车辆',
        en: 'Register and edit vehicles',
        channels: ['console'],
      },
    ],
  },
];
