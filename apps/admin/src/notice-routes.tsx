import { MailOutlined, MessageOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { FEES_GROUP } from './fee-routes';
import type { AppRoute } from './routes';

const EMPLOYEE = ['employee'] as const;

/** Notices to payers, at the end of the 收费管理 group: their wording and what was sent. */
export const noticeRoutes: AppRoute[] = [
  {
    path: '/notice-templates',
    labelKey: 'menu.noticeTemplates',
    icon: <MessageOutlined />,
    permission: 'notices.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/notices/notice-templates-page')),
  },
  {
    path: '/notice-deliveries',
    labelKey: 'menu.noticeDeliveries',
    icon: <MailOutlined />,
    permission: 'notices.view',
    kinds: EMPLOYEE,
    inMenu: true,
    group: FEES_GROUP,
    page: lazy(() => import('./pages/notices/notice-deliveries-page')),
  },
];
