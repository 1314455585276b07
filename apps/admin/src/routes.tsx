import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BlockOutlined,
  CarOutlined,
  ClusterOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  NotificationOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, type ReactNode, lazy } from 'react';
import { matchPath } from 'react-router';
import type { Profile } from './api/auth';
import { feeRoutes } from './fee-routes';
import type { MessageKey } from './i18n';
import { noticeRoutes } from './notice-routes';

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
  /** The side menu's sub-menu the entry sits in; absent puts it at the top level. */
  group?: MenuGroup;
  page: LazyExoticComponent<ComponentType>;
}

export interface MenuGroup {
  key: string;
  labelKey: MessageKey;
  icon: ReactNode;
}

const RESOURCES: MenuGroup = {
  key: 'resources',
  labelKey: 'menu.groupResources',
  icon: <DatabaseOutlined />,
};
const CUSTOMERS: MenuGroup = {
  key: 'customers',
  labelKey: 'menu.groupCustomers',
  icon: <ContactsOutlined />,
};

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
    path: '/rooms',
    labelKey: 'menu.rooms',
    icon: <KeyOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/rooms/rooms-page')),
  },
  {
    path: '/buildings',
    labelKey: 'menu.buildings',
    icon: <ClusterOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/buildings/buildings-page')),
  },
  {
    path: '/shops',
    labelKey: 'menu.shops',
    icon: <ShopOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/shops/shops-page')),
  },
  {
    path: '/parking-lots',
    labelKey: 'menu.parkingLots',
    icon: <BlockOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/parking-lots/parking-lots-page')),
  },
  {
    path: '/parking-spaces',
    labelKey: 'menu.parkingSpaces',
    icon: <CarOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/parking-spaces/parking-spaces-page')),
  },
  {
    path: '/ad-spaces',
    labelKey: 'menu.adSpaces',
    icon: <NotificationOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/ad-spaces/ad-spaces-page')),
  },
  {
    path: '/storage-rooms',
    labelKey: 'menu.storageRooms',
    icon: <InboxOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/storage-rooms/storage-rooms-page')),
  },
  {
    path: '/custom-fields',
    labelKey: 'menu.customFields',
    icon: <FormOutlined />,
    permission: 'resources.custom-field.manage',
    kinds: EMPLOYEE,
    inMenu: true,
    group: RESOURCES,
    page: lazy(() => import('./pages/custom-fields/custom-fields-page')),
  },
  {
    path: '/resources/:id',
    labelKey: 'menu.resourceDetail',
    icon: <KeyOutlined />,
    permission: 'resources.view',
    kinds: EMPLOYEE,
    inMenu: false,
    page: lazy(() => import('./pages/resource-detail/resource-detail-page')),
  },
  {
    path: '/people',
    labelKey: 'menu.people',
    icon: <UserOutlined />,
    permission: 'people.person.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: CUSTOMERS,
    page: lazy(() => import('./pages/people/people-page')),
  },
  {
    path: '/vehicles',
    labelKey: 'menu.vehicles',
    icon: <CarOutlined />,
    permission: 'people.vehicle.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: CUSTOMERS,
    page: lazy(() => import('./pages/vehicles/vehicles-page')),
  },
  ...feeRoutes,
  ...noticeRoutes,
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
    (route) => matchPath(route.path, pathname) !== null || pathname.startsWith(`${route.path}/`),
  );
}
