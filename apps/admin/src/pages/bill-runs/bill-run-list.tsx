import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type BillRun, type BillRunStatus, useBillRuns } from '../../api/bill-runs';
import { useT } from '../../i18n';
import { useCurrentProject } from '../../layout/project-context';
import { formatInstant } from '../../lib/format';
import { labelledOptions } from '../../lib/resource-labels';
import { Money } from '../bills/bill-tags';
import { RunStatusTag } from './run-status-tag';

const RUN_STATUSES = ['queued', 'running', 'completed', 'cancelled', 'failed'] as const;

/** The runs' columns; the project's only when the header shows all projects. */
function useRunColumns(withProject: boolean): ColumnsType<BillRun> {
  const t = useT();
  const navigate = useNavigate();
  const project: ColumnsType<BillRun> = withProject
    ? [{ title: t('billRun.project'), dataIndex: 'projectName', width: 110, ellipsis: true }]
    : [];

  return [
    { title: t('billRun.id'), dataIndex: 'id', width: 64, render: (id: number) => `#${id}` },
    ...project,
    {
      title: t('billRun.months'),
      key: 'months',
      width: 130,
      render: (_, run) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {run.fromMonth === run.toMonth ? run.fromMonth : `${run.fromMonth} ~ ${run.toMonth}`}
        </span>
      ),
    },
    {
      title: t('billRun.feeItems'),
      dataIndex: 'feeItemNames',
      width: 150,
      render: (names: string[]) => (
        <Space size={[0, 4]} wrap>
          {names.map((name) => (
            <Tag key={name}>{name}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('billRun.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: BillRunStatus, run) => (
        <Space direction="vertical" size={0}>
          <RunStatusTag status={status} />
          {status === 'running' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {run.progress}/{run.total}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('billRun.billCount'),
      dataIndex: 'billCount',
      width: 80,
      align: 'right',
      render: (count: number) => count.toLocaleString('en-US'),
    },
    {
      title: t('billRun.totalAmount'),
      dataIndex: 'totalFen',
      width: 130,
      align: 'right',
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: t('billRun.skipped'),
      dataIndex: 'skippedCount',
      width: 70,
      align: 'right',
      render: (count: number) => count.toLocaleString('en-US'),
    },
    {
      title: t('billRun.createdBy'),
      dataIndex: 'createdByName',
      width: 100,
      render: (name: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{name ?? '—'}</span>,
    },
    {
      title: t('billRun.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (at: string, run) => (
        <Space direction="vertical" size={0}>
          {formatInstant(at)}
          {run.finishedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('billRun.finishedAt')} {formatInstant(run.finishedAt)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, run) => (
        <Button
          type="link"
          size="small"
          disabled={run.billCount === 0}
          onClick={() => void navigate(`/bills?billRunId=${run.id}`)}
        >
          {t('billRun.viewBills')}
        </Button>
      ),
    },
  ];
}

/** 生成记录: the project's bill runs, newest first, with what each made. */
export function BillRunList() {
  const t = useT();
  const { projectId } = useCurrentProject();
  const [status, setStatus] = useState<BillRunStatus>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const runs = useBillRuns({ projectId, status, page, pageSize });
  const columns = useRunColumns(projectId === undefined);

  return (
    <>
      <Select
        allowClear
        placeholder={t('billRun.status')}
        style={{ width: 140, marginBottom: 16 }}
        value={status}
        onChange={(next?: BillRunStatus) => {
          setStatus(next);
          setPage(1);
        }}
        options={labelledOptions(t, 'billRun.status', RUN_STATUSES)}
      />
      <Table<BillRun>
        rowKey="id"
        columns={columns}
        dataSource={runs.data?.items}
        loading={runs.isFetching && !runs.data}
        scroll={{ x: 1070 }}
        pagination={{
          current: page,
          pageSize,
          total: runs.data?.total ?? 0,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </>
  );
}
