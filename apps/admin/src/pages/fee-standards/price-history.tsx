import { Card, Table, Tag, Typography } from 'antd';
import type { FeePrice, FeeStandard } from '../../api/fee-standards';
import { useT } from '../../i18n';
import { formatUnitPrice, priceUnit } from '../../lib/fee-labels';
import { formatInstant } from '../../lib/format';
import { labelOf } from '../../lib/resource-labels';
import { SCOPE_COLORS, scopeTarget } from './price-scope';

interface PriceHistoryProps {
  standard: FeeStandard;
  rows: FeePrice[];
  total: number;
  loading: boolean;
}

/** Every price row ever set, newest scope rows first; rows are never edited, only added. */
export function PriceHistory({ standard, rows, total, loading }: PriceHistoryProps) {
  const t = useT();
  const unit = priceUnit(t, standard);

  return (
    <Card
      variant="borderless"
      title={t('price.history')}
      extra={<Typography.Text type="secondary">{t('price.historyHint')}</Typography.Text>}
    >
      <Table<FeePrice>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{
          pageSize: 10,
          hideOnSinglePage: true,
          showTotal: () => t('common.total', { total }),
        }}
        columns={[
          {
            title: t('price.scope'),
            dataIndex: 'scope',
            width: 100,
            render: (scope: FeePrice['scope']) => (
              <Tag color={SCOPE_COLORS[scope]} bordered={false}>
                {labelOf(t, 'fees.scope', scope)}
              </Tag>
            ),
          },
          { title: t('price.target'), key: 'target', render: (_, row) => scopeTarget(t, row) },
          {
            title: t('price.price'),
            dataIndex: 'price',
            width: 160,
            render: (price: string) => formatUnitPrice(price, unit),
          },
          { title: t('price.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
          {
            title: t('price.effectiveTo'),
            dataIndex: 'effectiveTo',
            width: 110,
            render: (date: string | null) => date ?? '—',
          },
          {
            title: t('price.setAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (at: string) => formatInstant(at),
          },
        ]}
      />
    </Card>
  );
}
