import { FileTextOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroup } from './routes';

const EMPLOYEE = ['employee'] as const;

/**
 * Bills and bill runs, for the 收费管理 group (fee-routes.tsx passes the group in, so that
 * neither file imports the other).
 */
export function billingRoutes(group: MenuGroup): AppRoute[] {
  return [
    {
      path: '/bill-runs',
      labelKey: 'menu.billRuns',
      icon: <ThunderboltOutlined />,
      permission: 'billing.bill-run.create',
      kinds: EMPLOYEE,
      inMenu: true,
      group,
      page: lazy(() => import('./pages/bill-runs/bill-runs-page')),
    },
    {
      path: '/bills',
      labelKey: 'menu.bills',
      icon: <FileTextOutlined />,
      permission: 'billing.bill.view',
      kinds: EMPLOYEE,
      inMenu: true,
      group,
      page: lazy(() => import('./pages/bills/bills-page')),
    },
    {
      // After the list: the menu keeps 账单列表 selected on a bill's page.
      path: '/bills/:id',
      labelKey: 'menu.billDetail',
      icon: <FileTextOutlined />,
      permission: 'billing.bill.view',
      kinds: EMPLOYEE,
      inMenu: false,
      group,
      page: lazy(() => import('./pages/bills/bill-detail-page')),
    },
  ];
}
