import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, type ReactNode, lazy } from 'react';
import type { Profile } from './api/auth';
import type { MessageKey } from './i18n';

export interface AppRoute {
  path: string;
  /** Menu and page title. */
  labelKey: MessageKey;
  icon: ReactNode;
  /** Permission code the user must hold; absent means anyone of the allowed kinds. */
  permission?: string;
  /** Which kinds of account may open it. */
  kinds: readonly Profile['kind'][];
  inMenu: boolean;
  page: LazyExoticComponent<ComponentType>;
}

const EMPLOYEE = ['employee'] as const;
const PLATFORM = ['platform'] as const;

/** Every page of the console; the side menu and the router are both built from this table. */
export const appRoutes: AppRoute[] = [
  {
    path: '/dashboard',
    labelKey: 'menu.dashboard',
    icon: <DashboardOutlined />,
    kinds: EMPLOYEE,
    inMenu: true,
    page: lazy(() => import('./pages/dashboard/dashboard-page')),
  },
  {
    path: '/companies',
    labelKey: 'menu.companies',
    icon: <BankOutlined />,
    permission: 'platform.company.manage',
    kinds: PLATFORM,
    inMenu: true,
    page: lazy(() => import('./pages/companies/companies-page')),
  },
  {
    path: '/projects',
    labelKey: 'menu.projects',
    icon: <HomeOutlined />,
    permission: 'org.project.view',
    kinds: EMPLOYEE,
    inMenu: true,
    page: lazy(() => import('./pages/projects/projects-page')),
  },
  {
    path: '/departments',
    labelKey: 'menu.departments',
    icon: <ApartmentOutlined />,
    permission: 'org.department.view',
    kinds: EMPLOYEE,
    inMenu: true,
    page: lazy(() => import('./pages/departments/departments-page')),
  },
  {
    path: '/employees',
    labelKey: 'menu.employees',
    icon: <TeamOutlined />,
    permission: 'org.employee.view',
    kinds: EMPLOYEE,
    inMenu: true,
    page: lazy(() => import('./pages/employees/employees-page')),
  },
  {
    path: '/audit-logs',
    labelKey: 'menu.auditLogs',
    icon: <AuditOutlined />,
    permission: 'audit.log.view',
    kinds: EMPLOYEE,
    inMenu: true,
    page: lazy(() => import('./pages/audit-logs/audit-logs-page')),
  },
  {
    path: '/account',
    labelKey: 'menu.account',
    icon: <UserOutlined />,
    kinds: ['employee', 'platform'],
    inMenu: false,
    page: lazy(() => import('./pages/account/account-page')),
  },
];

export function canOpen(route: AppRoute, me: Profile): boolean {
  if (!route.kinds.includes(me.kind)) return false;

  return !route.permission || me.permissions.includes(route.permission);
}

export function menuRoutes(me: Profile): AppRoute[] {
  return appRoutes.filter((route) => route.inMenu && canOpen(route, me));
}

/** Where a user lands after signing in: the first menu entry they may open. */
export function homePath(me: Profile): string {
  return menuRoutes(me)[0]?.path ?? '/account';
}

export function routeOf(pathname: string): AppRoute | undefined {
  return appRoutes.find(
    (route) => pathname === route.path || pathname.startsWith(`${route.path}/`),
  );
}
