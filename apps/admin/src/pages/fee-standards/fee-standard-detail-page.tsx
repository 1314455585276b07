import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { type FeeStandard, useFeePrices, useFeeStandard } from '../../api/fee-standards';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { PRICED_METHODS } from '../../lib/fee-labels';
import { labelOf } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { FeeStandardFormModal } from './fee-standard-form-modal';
import { parameterSummary } from './parameter-summary';
import { PriceHistory } from './price-history';
import { PriceMatrix } from './price-matrix';
import { PriceTrial } from './price-trial';

function Summary({ standard }: { standard: FeeStandard }) {
  const t = useT();

  return (
    <Descriptions column={3} size="small">
      <Descriptions.Item label={t('standard.feeItem')}>
        {`${standard.feeItemName}（${standard.feeItemCode}）`}
      </Descriptions.Item>
      <Descriptions.Item label={t('standard.method')}>
        {labelOf(t, 'fees.method', standard.method)}
      </Descriptions.Item>
      <Descriptions.Item label={t('standard.resourceKinds')}>
        {standard.resourceKinds.map((kind) => labelOf(t, 'resource.kind', kind)).join('、')}
        {standard.roomUse && `（${labelOf(t, 'resource.use', standard.roomUse)}）`}
      </Descriptions.Item>
      <Descriptions.Item label={t('standard.parameters')} span={2}>
        {parameterSummary(t, standard)}
      </Descriptions.Item>
      <Descriptions.Item label={t('standard.bindingCount')}>
        {standard.bindingCount}
      </Descriptions.Item>
      {standard.note && (
        <Descriptions.Item label={t('standard.note')} span={3}>
          {standard.note}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The prices of a priced standard: the matrix, then a trial box beside the history. */
function Prices({ standard, canManage }: { standard: FeeStandard; canManage: boolean }) {
  const all = useFeePrices(standard.id, { page: 1, pageSize: 200 });
  const rows = all.data?.items ?? [];

  return (
    <Row gutter={[24, 24]}>
      <Col span={24}>
        <PriceMatrix standard={standard} canManage={canManage} all={rows} />
      </Col>
      <Col xs={24} xl={8}>
        <PriceTrial standard={standard} />
      </Col>
      <Col xs={24} xl={16}>
        <PriceHistory
          standard={standard}
          rows={rows}
          total={all.data?.total ?? 0}
          loading={all.isFetching}
        />
      </Col>
    </Row>
  );
}

/** One charging standard: what it is, and for priced methods its price matrix by scope. */
export default function FeeStandardDetailPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const standard = useFeeStandard(id);
  const editing = useDialog<FeeStandard>();
  const canManage = can('fees.item.manage');

  if (standard.isError) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('standard.notFound')}
        extra={<Button onClick={() => void navigate('/fee-standards')}>{t('common.back')}</Button>}
      />
    );
  }
  if (!standard.data) return <Skeleton active style={{ padding: 24 }} />;

  const data = standard.data;
  const priced = PRICED_METHODS.includes(data.method);

  return (
    <PageContainer
      titleKey="standard.detail"
      parent={{ titleKey: 'standard.title', to: '/fee-standards' }}
      title={
        <Space size={12}>
          {data.name}
          <Tag color={data.status === 'active' ? 'green' : 'default'}>
            {t(`fees.status.${data.status}`)}
          </Tag>
        </Space>
      }
      extra={canManage && <Button onClick={() => editing.show(data)}>{t('standard.edit')}</Button>}
      card={false}
    >
      <Space direction="vertical" size={24} style={{ width: '100%' }}>
        <Card variant="borderless">
          <Summary standard={data} />
        </Card>
        {priced ? (
          <Prices standard={data} canManage={canManage && data.status === 'active'} />
        ) : (
          <Alert type="info" showIcon message={t('standard.pricesInParameters')} />
        )}
      </Space>
      <FeeStandardFormModal
        open={editing.open}
        standard={editing.value}
        projectId={data.projectId}
        onClose={editing.close}
      />
    </PageContainer>
  );
}
