import { StopOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { type BillDetail, useBill } from '../../api/bills';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { formatFen, formatInstant } from '../../lib/format';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { BillEntries } from './bill-entries';
import { BillStatusTag, OverdueTag } from './bill-tags';
import { VoidBillModal } from './void-bill-modal';

/** Who owes what for which period: the header of the bill. */
function BillFacts({ bill }: { bill: BillDetail }) {
  const t = useT();
  const period =
    bill.periodLabel === bill.periodStart
      ? bill.periodLabel
      : `${bill.periodLabel}（${bill.periodStart} ~ ${bill.periodEnd}）`;

  return (
    <Descriptions
      column={3}
      size="small"
      items={[
        {
          label: t('bill.resource'),
          children: <Link to={`/resources/${bill.resourceId}`}>{bill.resourceCode}</Link>,
        },
        { label: t('bill.building'), children: bill.buildingName ?? '—' },
        { label: t('resource.project'), children: bill.projectName },
        { label: t('bill.payer'), children: bill.payerName ?? t('bill.noPayer') },
        { label: t('bill.feeItem'), children: bill.feeItemName },
        { label: t('bill.kind'), children: t(`bill.kind.${bill.kind}`) },
        { label: t('bill.period'), children: period },
        { label: t('bill.dueDate'), children: bill.dueDate },
        {
          label: t('bill.billRun'),
          children: bill.billRunId ? (
            <Link to={`/bills?billRunId=${bill.billRunId}`}>#{bill.billRunId}</Link>
          ) : (
            '—'
          ),
        },
        { label: t('bill.createdAt'), children: formatInstant(bill.createdAt) },
        ...(bill.description
          ? [{ label: t('bill.description'), children: bill.description, span: 2 }]
          : []),
      ]}
    />
  );
}

function BillAmounts({ bill }: { bill: BillDetail }) {
  const t = useT();
  const owed = bill.status !== 'void' && bill.outstandingFen > 0;
  const figures = [
    { key: 'bill.charged', fen: bill.chargedFen },
    { key: 'bill.paid', fen: bill.paidFen },
    { key: 'bill.reduced', fen: bill.reducedFen },
    { key: 'bill.offset', fen: bill.offsetFen },
  ] as const;

  return (
    <Row gutter={16}>
      {figures.map(({ key, fen }) => (
        <Col key={key} flex={1}>
          <Statistic title={t(key)} value={formatFen(fen)} />
          {key === 'bill.charged' && bill.amountFen !== bill.chargedFen && (
            // A void takes the charge back to zero; the amount the bill was made for stays.
            <Typography.Text type="secondary">
              {t('bill.originalAmount', { amount: formatFen(bill.amountFen) })}
            </Typography.Text>
          )}
        </Col>
      ))}
      <Col flex={1}>
        <Statistic
          title={t('bill.outstanding')}
          value={formatFen(bill.outstandingFen)}
          valueStyle={owed ? { color: '#cf1322', fontWeight: 600 } : undefined}
        />
      </Col>
    </Row>
  );
}

/** 计费说明: the stored calculation as a sentence, and the late fee accrued until today. */
function BillCalculation({ bill }: { bill: BillDetail }) {
  const t = useT();

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph
        data-testid="calculation-text"
        style={{
          margin: 0,
          padding: '12px 16px',
          fontSize: 16,
          background: '#f6ffed',
          border: '1px solid #b7eb8f',
          borderRadius: 6,
        }}
      >
        {bill.calculationText}
      </Typography.Paragraph>
      {bill.lateFee && bill.lateFee.amountFen > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('bill.lateFeeAccrued', {
            date: bill.lateFee.asOf,
            amount: formatFen(bill.lateFee.amountFen),
          })}
          description={bill.lateFee.calculation}
        />
      )}
    </Space>
  );
}

function VoidButton({ bill, onClick }: { bill: BillDetail; onClick: () => void }) {
  const t = useT();
  const can = useCan();
  if (!can('billing.bill.void') || bill.status === 'void') return null;

  const blocked = bill.paidFen !== 0 || bill.offsetFen !== 0;

  return (
    <Tooltip title={blocked ? t('bill.voidBlocked') : undefined}>
      <Button danger icon={<StopOutlined />} disabled={blocked} onClick={onClick}>
        {t('bill.void')}
      </Button>
    </Tooltip>
  );
}

/** 账单详情: the bill, its amounts, how it was calculated and every entry on it. */
export default function BillDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const bill = useBill(Number.isInteger(id) && id > 0 ? id : undefined);
  const voidDialog = useDialog<undefined>();

  if (bill.isError) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('common.notFound')}
        extra={<Button onClick={() => void navigate(-1)}>{t('common.back')}</Button>}
      />
    );
  }
  if (!bill.data) return <Skeleton active style={{ padding: 24 }} />;

  const data = bill.data;
  const title = (
    <Space size={12}>
      {t('bill.detailTitle', { id: data.id })}
      <BillStatusTag status={data.status} />
      {data.overdue && <OverdueTag />}
      {data.kind !== 'periodic' && <Tag>{t(`bill.kind.${data.kind}`)}</Tag>}
    </Space>
  );

  return (
    <PageContainer
      titleKey="menu.billDetail"
      title={title}
      parent={{ titleKey: 'menu.bills', to: '/bills' }}
      extra={<VoidButton bill={data} onClick={() => voidDialog.show()} />}
      card={false}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card variant="borderless">
          <BillFacts bill={data} />
        </Card>
        <Card variant="borderless" title={t('bill.sectionAmounts')}>
          <BillAmounts bill={data} />
        </Card>
        <Card variant="borderless" title={t('bill.sectionCalculation')}>
          <BillCalculation bill={data} />
        </Card>
        <Card variant="borderless" title={t('bill.sectionEntries')}>
          <BillEntries entries={data.entries} />
        </Card>
      </Space>
      <VoidBillModal open={voidDialog.open} bill={data} onClose={voidDialog.close} />
    </PageContainer>
  );
}
