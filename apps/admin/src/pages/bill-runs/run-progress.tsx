import { Button, Popconfirm, Progress, Result, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { type BillRun, isFinished, useBillRun, useCancelBillRun } from '../../api/bill-runs';
import { BILLING_KEY } from '../../api/bills';
import { useT } from '../../i18n';
import { formatFen } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';

function percentOf(run: BillRun): number {
  if (run.total === 0) return run.status === 'completed' ? 100 : 0;

  return Math.floor((run.progress * 100) / run.total);
}

/** ③ 生成: the job's progress, polled every second, and a way to stop it. */
function RunningView({ run }: { run: BillRun }) {
  const t = useT();
  const showError = useApiError();
  const cancel = useCancelBillRun();
  const queued = run.status === 'queued';

  return (
    <Space direction="vertical" align="center" size={16} style={{ width: '100%', padding: 32 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t(queued ? 'billRun.queued' : 'billRun.running')}
      </Typography.Title>
      <Progress
        percent={percentOf(run)}
        status="active"
        style={{ width: 480 }}
        aria-label={t('billRun.running')}
      />
      {run.total > 0 && (
        <Typography.Text type="secondary">
          {t('billRun.progressText', { progress: run.progress, total: run.total })}
        </Typography.Text>
      )}
      <Popconfirm
        title={t('billRun.cancelConfirm')}
        onConfirm={() => cancel.mutate(run.id, { onError: (error) => showError(error) })}
        disabled={run.cancelRequested}
      >
        <Button danger loading={cancel.isPending} disabled={run.cancelRequested}>
          {t(run.cancelRequested ? 'billRun.cancelling' : 'billRun.cancel')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

const RESULTS = {
  completed: { status: 'success', titleKey: 'billRun.completed' },
  cancelled: { status: 'warning', titleKey: 'billRun.cancelled' },
  failed: { status: 'error', titleKey: 'billRun.failed' },
} as const;

/** ④ 结果: what the run made and skipped, with the way to its bills. */
function ResultView({ run, onAgain }: { run: BillRun; onAgain: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const result = RESULTS[run.status as keyof typeof RESULTS] ?? RESULTS.failed;

  return (
    <Result
      status={result.status}
      title={t(result.titleKey)}
      subTitle={
        <Space direction="vertical" size={4}>
          <span>
            {t('billRun.resultDetail', {
              count: run.billCount,
              amount: formatFen(run.totalFen),
              skipped: run.skippedCount,
            })}
          </span>
          {run.error && <Typography.Text type="danger">{run.error}</Typography.Text>}
        </Space>
      }
      extra={[
        <Button
          key="bills"
          type="primary"
          onClick={() => void navigate(`/bills?billRunId=${run.id}`)}
        >
          {t('billRun.viewBills')}
        </Button>,
        <Button key="again" onClick={onAgain}>
          {t('billRun.again')}
        </Button>,
      ]}
    />
  );
}

/** Steps ③ and ④ of the wizard: the run while it works, then its result. */
export function RunProgress(props: {
  runId: number;
  onAgain: () => void;
  /** Told when the run stops, so the steps above can move on to 结果. */
  onFinished: (finished: boolean) => void;
}) {
  const { runId, onAgain, onFinished } = props;
  const queryClient = useQueryClient();
  const run = useBillRun(runId);
  const finished = run.data ? isFinished(run.data) : false;

  // The lists of bills and runs change when the run ends.
  useEffect(() => {
    onFinished(finished);
    if (finished) void queryClient.invalidateQueries({ queryKey: [BILLING_KEY] });
  }, [finished, onFinished, queryClient]);

  if (!run.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  return finished ? (
    <ResultView run={run.data} onAgain={onAgain} />
  ) : (
    <RunningView run={run.data} />
  );
}
