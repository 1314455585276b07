import type { PermissionGroup } from '../../platform/permissions.js';

/** Unmasks staff phone numbers in the employee list, details and export. */
export const EMPLOYEE_VIEW_SENSITIVE = 'org.employee.view-sensitive';

export const orgPermissionGroups: PermissionGroup[] = [
  {
    module: 'org.project',
    zh: '项目管理',
    en: 'Projects',
    permissions: [
      {
        code: 'org.project.view',
        zh: '查看项目',
        en: 'View projects',
        channels: ['console', 'app'],
      },
      {
        code: 'org.project.manage',
        zh: '新增、编辑项目',
        en: 'Create and edit projects',
        channels: ['console'],
      },
    ],
  },
  {
    module: 'org.department',
    zh: '部门与权限',
    en: 'Departments and permissions',
    permissions: [
      {
        code: 'org.department.view',
        zh: '查看部门',
        en: 'View departments',
        channels: ['console'],
      },
      {
        code: 'org.department.manage',
        zh: '新增、编辑部门及授权',
        en: 'Manage departments and grant permissions',
        channels: ['console'],
      },
    ],
  },
  {
    module: 'org.employee',
    zh: '员工管理',
    en: 'Employees',
    permissions: [
      {
        code: 'org.employee.view',
        zh: '查看员工',
        en: 'View employees',
        channels: ['console', 'app'],
      },
      {
        code: EMPLOYEE_VIEW_SENSITIVE,
        zh: '查看员工完整手机号',
        en: "See employees' full phone numbers",
        channels: ['console'],
      },
      {
        code: 'org.employee.manage',
        zh: '新增、编辑员工，重置密码，分配项目与管家',
        en: 'Manage employees, reset passwords, assign projects and butlers',
        channels: ['console'],
      },
    ],
  },
];
