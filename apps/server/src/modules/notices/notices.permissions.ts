import type { PermissionGroup } from '../../platform/permissions.js';

export const NOTICES_VIEW = 'notices.view';
export const NOTICES_TEMPLATE_MANAGE = 'notices.template.manage';
export const NOTICES_DELIVERY_RESEND = 'notices.delivery.resend';

export const noticesPermissionGroups: PermissionGroup[] = [
  {
    module: 'notices',
    zh: '通知',
    en: 'Notices',
    permissions: [
      {
        code: NOTICES_VIEW,
        zh: '查看通知模板、通知记录和站内消息',
        en: 'View notice templates, the delivery log and in-app messages',
        channels: ['console'],
      },
      {
        code: NOTICES_TEMPLATE_MANAGE,
        zh: '编辑项目的通知模板',
        en: "Edit a project's notice templates",
        channels: ['console'],
      },
      {
        code: NOTICES_DELIVERY_RESEND,
        zh: '重发发送失败的通知',
        en: 'Send failed notices again',
        channels: ['console'],
      },
    ],
  },
];
