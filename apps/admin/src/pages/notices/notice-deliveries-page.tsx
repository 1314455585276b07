import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import {
  type DeliveryQuery,
  type NoticeDelivery,
  useExportNoticeDeliveries,
  useNoticeDeliveries,
  useNoticeKinds,
  useResendDelivery,
} from '../../api/notices';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useI18n, useT } from '../../i18n';
import { useCurrentProject } from '../../layout/project-context';
import { formatInstant } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { useListState } from '../../lib/use-list-state';
import { CHANNELS, ChannelLabel, DeliveryStatusTag, STATUSES, kindName } from './notice-labels';

type Filters = Pick<DeliveryQuery, 'q' | 'channel' | 'status' | 'from' | 'to'>;

interface FilterForm {
  q?: string;
  channel?: DeliveryQuery['channel'];
  status?: DeliveryQuery['status'];
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(form: FilterForm): Filters {
  return {
    q: form.q,
    channel: form.channel,
    status: form.status,
    from: form.dates?.[0]?.format('YYYY-MM-DD'),
    to: form.dates?.[1]?.format('YYYY-MM-DD'),
  };
}

function ResendButton({ delivery }: { delivery: NoticeDelivery }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const resend = useResendDelivery();

  return (
    <Button
      type="link"
      size="small"
      loading={resend.isPending}
      onClick={() =>
        resend.mutate(delivery.id, {
          onSuccess: () => void message.success(t('noticeDelivery.resent')),
          onError: (error) => showError(error),
        })
      }
    >
      {t('noticeDelivery.resend')}
    </Button>
  );
}

/** Why a delivery did not go out: the reason in words, then the details (a gateway's error). */
function ReasonCell({ delivery }: { delivery: NoticeDelivery }) {
  const { tOr } = useI18n();
  const reason = delivery.reason && tOr(`notice.reason.${delivery.reason}`, delivery.reason);
  const text = [reason, delivery.error].filter(Boolean).join('：');
  if (!text) return null;

  return (
    <Typography.Text
      type={delivery.status === 'failed' ? 'danger' : undefined}
      ellipsis={{ tooltip: text }}
      style={{ maxWidth: 170 }}
    >
      {text}
    </Typography.Text>
  );
}

function DeliveryContent({ delivery }: { delivery: NoticeDelivery }) {
  const t = useT();

  return (
    <Descriptions size="small" column={1} bordered style={{ maxWidth: 900 }}>
      {delivery.subject && (
        <Descriptions.Item label={t('noticeTemplate.subject')}>
          {delivery.subject}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('noticeDelivery.content')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>
          {delivery.body ?? t('noticeDelivery.notRendered')}
        </span>
      </Descriptions.Item>
      {delivery.error && (
        <Descriptions.Item label={t('noticeDelivery.error')}>{delivery.error}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

function useColumns(options: {
  canResend: boolean;
  showProject: boolean;
}): ColumnsType<NoticeDelivery> {
  const { t, locale } = useI18n();
  const kinds = useNoticeKinds();

  return [
    {
      title: t('noticeDelivery.time'),
      dataIndex: 'createdAt',
      width: 160,
      render: (value: string) => formatInstant(value),
    },
    // With a project chosen in the header every row is of that project.
    ...(options.showProject
      ? [{ title: t('noticeDelivery.project'), dataIndex: 'projectName', width: 120 }]
      : []),
    {
      title: t('noticeDelivery.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: string) => kindName(kinds.data?.kinds, kind, locale),
    },
    { title: t('noticeDelivery.person'), dataIndex: 'personName', width: 100 },
    {
      title: t('noticeTemplate.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (channel: NoticeDelivery['channel']) => <ChannelLabel channel={channel} />,
    },
    {
      title: t('noticeDelivery.recipient'),
      dataIndex: 'recipient',
      width: 160,
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: NoticeDelivery['status']) => <DeliveryStatusTag status={status} />,
    },
    {
      title: t('noticeDelivery.reason'),
      key: 'reason',
      width: 180,
      render: (_, delivery) => <ReasonCell delivery={delivery} />,
    },
    { title: t('noticeDelivery.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
    {
      title: t('noticeDelivery.sentAt'),
      dataIndex: 'sentAt',
      width: 160,
      render: (value: string | null) => formatInstant(value),
    },
    ...(options.canResend
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, delivery: NoticeDelivery) =>
              delivery.status === 'failed' && <ResendButton delivery={delivery} />,
          },
        ]
      : []),
  ];
}

/** 通知记录: every notice sent, failed, skipped or waiting, for the project in the header. */
export default function NoticeDeliveriesPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const list = useListState<Filters>({});
  const query = { ...list.query, projectId };
  const deliveries = useNoticeDeliveries(query);
  const exporter = useExportNoticeDeliveries();
  const columns = useColumns({
    canResend: can('notices.delivery.resend'),
    showProject: projectId === undefined,
  });

  return (
    <PageContainer titleKey="menu.noticeDeliveries">
      <FilterBar<FilterForm>
        initial={{}}
        onApply={(form) => list.apply(toFilters(form))}
        actions={<ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />}
      >
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t('noticeDelivery.searchPlaceholder')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="channel">
          <Select
            allowClear
            placeholder={t('noticeTemplate.channel')}
            style={{ width: 120 }}
            options={CHANNELS.map((channel) => ({
              value: channel,
              label: t(`notice.channel.${channel}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 120 }}
            options={STATUSES.map((status) => ({
              value: status,
              label: t(`notice.status.${status}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="dates">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </FilterBar>
      <Table<NoticeDelivery>
        rowKey="id"
        columns={columns}
        dataSource={deliveries.data?.items}
        loading={deliveries.isFetching}
        pagination={list.pagination(deliveries.data?.total)}
        expandable={{
          expandedRowRender: (delivery) => <DeliveryContent delivery={delivery} />,
          rowExpandable: (delivery) => delivery.body !== null || delivery.error !== null,
        }}
        scroll={{ x: 1460 }}
      />
    </PageContainer>
  );
}
