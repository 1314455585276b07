import type { PermissionGroup } from '../../platform/permissions.js';

export const auditPermissionGroups: PermissionGroup[] = [
  {
    module: 'audit',
    zh: '操作日志',
    en: 'Audit log',
    permissions: [
      {
        code: 'audit.log.view',
        zh: '查看操作日志',
        en: 'View the audit log',
        channels: ['console'],
      },
    ],
  },
];
