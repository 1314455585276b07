import { MailOutlined, MessageOutlined, MobileOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { DeliveryStatus, NoticeChannel, NoticeKind } from '../../api/notices';
import { type Locale, useT } from '../../i18n';

export const CHANNELS: NoticeChannel[] = ['in_app', 'sms', 'email'];
export const STATUSES: DeliveryStatus[] = ['queued', 'sending', 'sent', 'failed', 'skipped'];

const CHANNEL_ICONS: Record<NoticeChannel, ReactNode> = {
  in_app: <MessageOutlined />,
  sms: <MobileOutlined />,
  email: <MailOutlined />,
};

const STATUS_COLORS: Record<DeliveryStatus, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
  skipped: 'default',
};

export function ChannelLabel({ channel }: { channel: NoticeChannel }) {
  const t = useT();

  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {CHANNEL_ICONS[channel]} {t(`notice.channel.${channel}`)}
    </span>
  );
}

/** 已发送 green, 失败 red, 已跳过 grey, 排队中 blue. */
export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const t = useT();

  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`notice.status.${status}`)}
    </Tag>
  );
}

/** A kind's name in the chosen language, or its code when the console does not know it. */
export function kindName(kinds: NoticeKind[] | undefined, kind: string, locale: Locale): string {
  const known = kinds?.find((k) => k.kind === kind);
  if (!known) return kind;

  return locale === 'en-US' ? known.en : known.zh;
}
