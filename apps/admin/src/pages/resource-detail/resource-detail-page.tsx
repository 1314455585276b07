import {
  AccountBookOutlined,
  DashboardOutlined,
  MoneyCollectOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Button, Card, Empty, Result, Skeleton, Space, Tabs, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useResource } from '../../api/resources';
import { PageContainer } from '../../components/page-container';
import { StatusTag } from '../../components/status-tag';
import { type MessageKey, useT } from '../../i18n';
import { useCan } from '../../lib/use-can';
import { ResourceAttributes } from './resource-attributes';
import { ResourceBills } from './resource-bills';
import { ResourceFees } from './resource-fees';
import { ResourcePeople } from './resource-people';

/** Where each kind's list lives, for the breadcrumb. */
const LIST_OF_KIND = {
  room: { titleKey: 'menu.rooms', to: '/rooms' },
  shop: { titleKey: 'menu.shops', to: '/shops' },
  parking_space: { titleKey: 'menu.parkingSpaces', to: '/parking-spaces' },
  ad_space: { titleKey: 'menu.adSpaces', to: '/ad-spaces' },
  storage: { titleKey: 'menu.storageRooms', to: '/storage-rooms' },
} as const satisfies Record<string, { titleKey: MessageKey; to: string }>;

function LaterModule({ textKey }: { textKey: MessageKey }) {
  const t = useT();

  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t(textKey)}
      style={{ padding: '48px 0' }}
    />
  );
}

/** One resource's archive: its attributes, the people linked to it, its fee items and bills. */
export default function ResourceDetailPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const resource = useResource(id);

  if (resource.isError) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('resource.notFound')}
        extra={<Button onClick={() => void navigate(-1)}>{t('common.back')}</Button>}
      />
    );
  }
  if (!resource.data) return <Skeleton active style={{ padding: 24 }} />;

  const data = resource.data;
  const tabs = [
    ...(can('people.person.view')
      ? [
          {
            key: 'people',
            label: t('detail.people'),
            icon: <TeamOutlined />,
            children: <ResourcePeople resource={data} />,
          },
        ]
      : []),
    ...(can('fees.item.view')
      ? [
          {
            key: 'fees',
            label: t('detail.fees'),
            icon: <MoneyCollectOutlined />,
            children: <ResourceFees resourceId={data.id} />,
          },
        ]
      : []),
    ...(can('billing.bill.view')
      ? [
          {
            key: 'bills',
            label: t('detail.bills'),
            icon: <AccountBookOutlined />,
            children: <ResourceBills resourceId={data.id} />,
          },
        ]
      : []),
    {
      key: 'readings',
      label: t('detail.readings'),
      icon: <DashboardOutlined />,
      children: <LaterModule textKey="detail.readingsLater" />,
    },
    {
      key: 'workOrders',
      label: t('detail.workOrders'),
      icon: <ToolOutlined />,
      children: <LaterModule textKey="detail.workOrdersLater" />,
    },
  ];

  return (
    <PageContainer
      titleKey="menu.resourceDetail"
      parent={LIST_OF_KIND[data.kind]}
      title={
        <Space size={12}>
          {data.code}
          <Tag bordered={false}>{t(`resource.kind.${data.kind}`)}</Tag>
          <StatusTag status={data.status} />
        </Space>
      }
      card={false}
    >
      <Space direction="vertical" size={24} style={{ width: '100%' }}>
        <Card title={t('detail.basic')} variant="borderless">
          <ResourceAttributes resource={data} />
        </Card>
        <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
          <Tabs items={tabs} />
        </Card>
      </Space>
    </PageContainer>
  );
}
