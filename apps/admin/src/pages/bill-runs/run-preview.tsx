import { Alert, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import type { BillRunPreview, BillRunWarning } from '../../api/bill-runs';
import { type MessageKey, useI18n, useT } from '../../i18n';
import { formatFen } from '../../lib/format';
import { Money } from '../bills/bill-tags';

type ItemTally = BillRunPreview['byItem'][number];
type SampleLine = BillRunPreview['sample'][number];

function PreviewFigures({ preview }: { preview: BillRunPreview }) {
  const t = useT();
  const figures: { key: MessageKey; value: string | number; color?: string }[] = [
    { key: 'billRun.billCount', value: preview.billCount, color: '#1677ff' },
    { key: 'billRun.totalAmount', value: formatFen(preview.totalFen), color: '#1677ff' },
    { key: 'billRun.existing', value: preview.existingCount },
    { key: 'billRun.resources', value: preview.resourceCount },
  ];

  return (
    <Row gutter={16}>
      {figures.map((figure) => (
        <Col key={figure.key} span={6}>
          <Card size="small">
            <Statistic
              title={t(figure.key)}
              value={figure.value}
              valueStyle={figure.color ? { color: figure.color } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** What a warning means for the run: made anyway, left out, or billed elsewhere. */
function consequenceOf(code: string): MessageKey {
  if (code === 'NO_PAYER') return 'billRun.warningKept';
  if (code === 'NOT_PERIODIC' || code === 'ONE_OFF') return 'billRun.warningElsewhere';

  return 'billRun.warningSkipped';
}

function exampleText(examples: BillRunWarning['examples']): string {
  return examples
    .map(({ resourceCode, detail }) => (detail ? `${resourceCode}（${detail}）` : resourceCode))
    .join('、');
}

function Warnings({ warnings }: { warnings: BillRunWarning[] }) {
  const { t, tOr } = useI18n();

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {warnings.map((warning) => (
        <Alert
          key={warning.code}
          type={warning.code === 'NO_PAYER' ? 'info' : 'warning'}
          showIcon
          message={t('billRun.warningCount', {
            // A code the console does not know yet shows as it came.
            label: tOr(`billRun.warning.${warning.code}`, warning.code),
            count: warning.count,
          })}
          description={
            <Typography.Text type="secondary">
              {t(consequenceOf(warning.code))}
              {warning.examples.length > 0 &&
                ` ${t('billRun.examples')}${exampleText(warning.examples)}`}
              {warning.count > warning.examples.length && ' …'}
            </Typography.Text>
          }
        />
      ))}
    </Space>
  );
}

function ItemTable({ items }: { items: ItemTally[] }) {
  const t = useT();

  return (
    <Table<ItemTally>
      rowKey="feeItemId"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('bill.feeItem'), dataIndex: 'feeItemName' },
        { title: t('billRun.billCount'), dataIndex: 'billCount', align: 'right', width: 140 },
        {
          title: t('billRun.totalAmount'),
          dataIndex: 'totalFen',
          align: 'right',
          width: 180,
          render: (fen: number) => <Money fen={fen} strong />,
        },
      ]}
    />
  );
}

function SampleTable({ sample }: { sample: SampleLine[] }) {
  const t = useT();

  return (
    <Table<SampleLine>
      rowKey={(line) => `${line.resourceCode}:${line.feeItemName}:${line.periodLabel}`}
      size="small"
      pagination={false}
      dataSource={sample}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('bill.resource'), dataIndex: 'resourceCode', width: 120 },
        { title: t('bill.feeItem'), dataIndex: 'feeItemName', width: 120 },
        { title: t('bill.period'), dataIndex: 'periodLabel', width: 110 },
        {
          title: t('bill.payer'),
          dataIndex: 'payerName',
          width: 100,
          render: (name: string | null) =>
            name ?? <Typography.Text type="secondary">{t('bill.noPayer')}</Typography.Text>,
        },
        {
          title: t('bill.amount'),
          dataIndex: 'amountFen',
          width: 110,
          align: 'right',
          render: (fen: number) => <Money fen={fen} />,
        },
        { title: t('billRun.calculation'), dataIndex: 'calculation' },
      ]}
    />
  );
}

/** ② 预览: what the run would make, what it would skip and why, and a sample of bills. */
export function RunPreview({ preview }: { preview: BillRunPreview }) {
  const t = useT();

  return (
    <Space direction="vertical" size={20} style={{ width: '100%' }}>
      <PreviewFigures preview={preview} />
      {preview.billCount === 0 && (
        <Alert type="warning" showIcon message={t('billRun.nothingToBill')} />
      )}
      {preview.byItem.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('billRun.byItem')}</Typography.Title>
          <ItemTable items={preview.byItem} />
        </section>
      )}
      {preview.warnings.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('billRun.warnings')}</Typography.Title>
          <Warnings warnings={preview.warnings} />
        </section>
      )}
      {preview.sample.length > 0 && (
        <section>
          <Typography.Title level={5}>
            {t('billRun.sample', { count: preview.sample.length })}
          </Typography.Title>
          <SampleTable sample={preview.sample} />
        </section>
      )}
    </Space>
  );
}
