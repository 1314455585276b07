import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type FeePrice, type FeeStandard, useFeePrices } from '../../api/fee-standards';
import { useResourceTree } from '../../api/rooms';
import { useT } from '../../i18n';
import { formatUnitPrice, priceUnit } from '../../lib/fee-labels';
import { labelOf } from '../../lib/resource-labels';
import { useDialog } from '../../lib/use-dialog';
import { type MatrixRow, PriceBook, type PriceTarget, matrixRows } from './matrix-rows';
import { SCOPE_COLORS } from './price-scope';
import { SetPriceModal } from './set-price-modal';

interface PriceMatrixProps {
  standard: FeeStandard;
  canManage: boolean;
  /** Every price row of the standard (the history), to find the next change of each scope. */
  all: FeePrice[];
}

function PriceCell({ row, unit }: { row: MatrixRow; unit: string }) {
  const t = useT();
  if (row.own)
    return <Typography.Text strong>{formatUnitPrice(row.own.price, unit)}</Typography.Text>;
  if (row.inherited) {
    return (
      <Typography.Text type="secondary">
        {t('price.inherits', { price: formatUnitPrice(row.inherited.price, unit) })}
      </Typography.Text>
    );
  }

  return row.target ? <Typography.Text type="secondary">{t('price.none')}</Typography.Text> : null;
}

function useColumns(unit: string, onSet?: (target: PriceTarget) => void): ColumnsType<MatrixRow> {
  const t = useT();
  const columns: ColumnsType<MatrixRow> = [
    {
      title: t('price.scope'),
      dataIndex: 'label',
      width: 280,
      render: (label: string, row) => (
        <Space size={8}>
          <span>{label}</span>
          {row.scope && row.scope !== 'project' && (
            <Tag color={SCOPE_COLORS[row.scope]} bordered={false}>
              {labelOf(t, 'fees.scope', row.scope)}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('price.current'),
      key: 'price',
      width: 220,
      render: (_, row) => <PriceCell row={row} unit={unit} />,
    },
    {
      title: t('price.effectiveFrom'),
      key: 'effectiveFrom',
      width: 200,
      render: (_, row) =>
        row.own
          ? row.own.effectiveTo
            ? t('price.fromTo', { from: row.own.effectiveFrom, to: row.own.effectiveTo })
            : row.own.effectiveFrom
          : '—',
    },
    {
      title: t('price.next'),
      key: 'next',
      render: (_, row) =>
        row.next ? (
          <Tag color="gold" bordered={false}>
            {t('price.nextChange', {
              date: row.next.effectiveFrom,
              price: formatUnitPrice(row.next.price, unit),
            })}
          </Tag>
        ) : null,
    },
  ];
  if (!onSet) return columns;

  columns.push({
    title: t('common.actions'),
    key: 'actions',
    width: 100,
    render: (_, row) =>
      row.target && (
        <Button type="link" size="small" onClick={() => onSet(row.target as PriceTarget)}>
          {t('price.set')}
        </Button>
      ),
  });

  return columns;
}

/**
 * 价格矩阵: the unit price of the project, each building, unit and floor range, and the resources
 * priced on their own, as in force on a chosen day; a scope without its own price shows the one
 * it inherits.
 */
export function PriceMatrix({ standard, canManage, all }: PriceMatrixProps) {
  const t = useT();
  const [date, setDate] = useState(() => dayjs().format('YYYY-MM-DD'));
  const current = useFeePrices(standard.id, { date, page: 1, pageSize: 200 });
  const tree = useResourceTree(standard.projectId);
  const dialog = useDialog<PriceTarget>();
  const unit = priceUnit(t, standard);
  const book = new PriceBook(current.data?.items ?? [], all, date);
  const rows = matrixRows(t, tree.data?.buildings ?? [], book);
  const columns = useColumns(unit, canManage ? (target) => dialog.show(target) : undefined);

  return (
    <Card
      variant="borderless"
      title={t('price.matrix')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('price.asOf')}</Typography.Text>
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
              {t('price.set')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<MatrixRow>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={current.isFetching || tree.isFetching}
        pagination={false}
        expandable={{ defaultExpandedRowKeys: ['resources'] }}
      />
      <SetPriceModal
        open={dialog.open}
        standard={standard}
        target={dialog.value}
        onClose={dialog.close}
      />
    </Card>
  );
}
