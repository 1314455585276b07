import {
  AccountBookOutlined,
  GiftOutlined,
  LinkOutlined,
  ProfileOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { billingRoutes } from './billing-routes';
import type { AppRoute, MenuGroup } from './routes';

/** 收费管理: the side menu's sub-menu for charging. */
export const FEES_GROUP: MenuGroup = {
  key: 'fees',
  labelKey: 'menu.groupFees',
  icon: <AccountBookOutlined />,
};

const EMPLOYEE = ['employee'] as const;

/**
 * The pages of the 收费管理 group, in menu order. A new charging page (bills, bill runs,
 * discounts, notices) is one more entry here; routes.tsx takes the list as it is.
 */
export const feeRoutes: AppRoute[] = [
  {
    path: '/fee-items',
    labelKey: 'menu.feeItems',
    icon: <TagsOutlined />,
    permission: 'fees.item.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/fee-items/fee-items-page')),
  },
  {
    path: '/fee-standards',
    labelKey: 'menu.feeStandards',
    icon: <ProfileOutlined />,
    permission: 'fees.item.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/fee-standards/fee-standards-page')),
  },
  {
    // After the list: the menu keeps 收费标准 selected on a standard's page.
    path: '/fee-standards/:id',
    labelKey: 'standard.detail',
    icon: <ProfileOutlined />,
    permission: 'fees.item.view',
    kinds: EMPLOYEE,
    inMenu: false,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/fee-standards/fee-standard-detail-page')),
  },
  {
    path: '/fee-bindings',
    labelKey: 'menu.feeBindings',
    icon: <LinkOutlined />,
    permission: 'fees.item.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/fee-bindings/fee-bindings-page')),
  },
  ...billingRoutes(FEES_GROUP),
  {
    path: '/discounts',
    labelKey: 'menu.discounts',
    icon: <GiftOutlined />,
    permission: 'discounts.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/discounts/discounts-page')),
  },
];
