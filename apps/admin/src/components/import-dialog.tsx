import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Flex,
  Modal,
  Progress,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  type ImportKind,
  type ImportMode,
  type ImportReport,
  useDownloadTemplate,
  useJob,
  useStartImport,
} from '../api/imports';
import { RESOURCES_KEY } from '../api/resource-keys';
import { type MessageKey, useT } from '../i18n';
import { useApiError } from '../lib/use-api-error';
import { useCan } from '../lib/use-can';
import { useDialog } from '../lib/use-dialog';

/**
 * Every list the server imports (read from the OpenAPI document, so a new kind fails the type
 * check until it is named here): what the dialog calls it and who may import it.
 */
const IMPORT_KINDS: Record<ImportKind, { labelKey: MessageKey; permission: string }> = {
  rooms: { labelKey: 'import.kind.rooms', permission: 'resources.import' },
  shops: { labelKey: 'import.kind.shops', permission: 'resources.import' },
  'parking-spaces': { labelKey: 'import.kind.parkingSpaces', permission: 'resources.import' },
  people: { labelKey: 'import.kind.people', permission: 'people.person.manage' },
  vehicles: { labelKey: 'import.kind.vehicles', permission: 'people.vehicle.manage' },
};

interface ImportDialogProps {
  kind: ImportKind;
  projectId: number;
  open: boolean;
  onClose: () => void;
}

function ReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const dryRun = report.mode === 'dry_run';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={40} wrap>
        <Statistic title={t('import.total')} value={report.total} />
        <Statistic
          title={t(dryRun ? 'import.toCreate' : 'import.created')}
          value={report.created}
          valueStyle={{ color: '#389e0d' }}
        />
        <Statistic
          title={t(dryRun ? 'import.toUpdate' : 'import.updated')}
          value={report.updated}
          valueStyle={{ color: '#1677ff' }}
        />
        <Statistic title={t('import.unchanged')} value={report.unchanged} />
        <Statistic
          title={t('import.errorRows')}
          value={report.errorCount}
          valueStyle={{ color: report.errorCount ? '#cf1322' : undefined }}
        />
      </Flex>
      {report.errors.length > 0 && (
        <Table
          size="small"
          rowKey={(row) => `${row.line}-${row.column}-${row.message}`}
          dataSource={report.errors}
          pagination={report.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
          columns={[
            { title: t('import.line'), dataIndex: 'line', width: 80 },
            { title: t('import.column'), dataIndex: 'column', width: 140 },
            { title: t('import.reason'), dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}

/**
 * Excel import for one kind of list: template, file, dry run with a per-row error report,
 * then the import itself with a progress bar fed by the job.
 */
export function ImportDialog({ kind, projectId, open, onClose }: ImportDialogProps) {
  const t = useT();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const template = useDownloadTemplate(kind);
  const start = useStartImport(kind);
  const [file, setFile] = useState<File>();
  const [jobId, setJobId] = useState<number>();
  const [mode, setMode] = useState<ImportMode>();
  const job = useJob(jobId);
  const status = job.data?.status;
  const running = jobId !== undefined && status !== 'succeeded' && status !== 'failed';
  const report = status === 'succeeded' ? (job.data?.result as ImportReport) : undefined;
  const imported = report?.mode === 'import';

  useEffect(() => {
    if (!open) return;
    setFile(undefined);
    setJobId(undefined);
    setMode(undefined);
  }, [open]);

  useEffect(() => {
    if (imported) void queryClient.invalidateQueries({ queryKey: [RESOURCES_KEY] });
  }, [imported, queryClient]);

  const run = (next: ImportMode) => {
    if (!file) return;
    setMode(next);
    start.mutate(
      { file, projectId, mode: next },
      { onSuccess: ({ jobId: id }) => setJobId(id), onError: (error) => showError(error) },
    );
  };

  const percent = job.data?.total ? Math.floor((job.data.progress / job.data.total) * 100) : 0;
  const footer = imported ? (
    <Button type="primary" onClick={onClose}>
      {t('import.done')}
    </Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button
        disabled={!file || running}
        loading={mode === 'dry_run' && (start.isPending || running)}
        onClick={() => run('dry_run')}
      >
        {t('import.dryRun')}
      </Button>
      <Button
        type="primary"
        icon={<CloudUploadOutlined />}
        disabled={report?.mode !== 'dry_run' || running || report.total === report.errorCount}
        loading={mode === 'import' && (start.isPending || running)}
        onClick={() => run('import')}
      >
        {t('import.confirm')}
      </Button>
    </Space>
  );

  return (
    <Modal
      open={open}
      width={760}
      title={t('import.title', { kind: t(IMPORT_KINDS[kind].labelKey) })}
      onCancel={onClose}
      footer={footer}
      maskClosable={!running}
      destroyOnHidden
    >
      <Space direction="vertical" size={16} style={{ width: '100%', marginTop: 8 }}>
        <Alert
          type="info"
          showIcon
          message={t('import.hint')}
          action={
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={template.isPending}
              onClick={() => template.mutate(undefined, { onError: (e) => showError(e) })}
            >
              {t('import.template')}
            </Button>
          }
        />
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          disabled={running || imported}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(picked) => {
            setFile(picked);
            setJobId(undefined);
            setMode(undefined);
            return false;
          }}
          onRemove={() => {
            setFile(undefined);
            setJobId(undefined);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.pick')}</p>
          <p className="ant-upload-hint">{t('import.pickHint')}</p>
        </Upload.Dragger>
        {jobId !== undefined && running && (
          <div>
            <Typography.Text type="secondary">
              {t(mode === 'import' ? 'import.importing' : 'import.checking')}
            </Typography.Text>
            <Progress percent={percent} status="active" />
          </div>
        )}
        {status === 'failed' && (
          <Alert type="error" showIcon message={job.data?.error ?? t('import.failed')} />
        )}
        {report && (
          <>
            <Alert
              type={imported ? 'success' : report.errorCount ? 'warning' : 'success'}
              showIcon
              message={
                imported
                  ? t('import.importedSummary', {
                      created: report.created,
                      updated: report.updated,
                    })
                  : report.errorCount
                    ? t('import.dryRunWithErrors', { count: report.errorCount })
                    : t('import.dryRunClean')
              }
            />
            {imported && <Progress percent={100} />}
            <ReportView report={report} />
          </>
        )}
      </Space>
    </Modal>
  );
}

/** A list's Import button with its dialog, shown only to those who may import that kind. */
export function ImportButton({ kind, projectId }: { kind: ImportKind; projectId: number }) {
  const t = useT();
  const can = useCan();
  const dialog = useDialog<undefined>();
  if (!can(IMPORT_KINDS[kind].permission)) return null;

  return (
    <>
      <Button icon={<CloudUploadOutlined />} onClick={() => dialog.show()}>
        {t('import.button')}
      </Button>
      <ImportDialog kind={kind} projectId={projectId} open={dialog.open} onClose={dialog.close} />
    </>
  );
}
