import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useT } from '../i18n';
import { useApiError } from '../lib/use-api-error';

interface ExportButtonProps<Q> {
  query: Q;
  exporter: {
    mutate: (query: Q, options: { onSuccess: () => void; onError: (e: Error) => void }) => void;
    isPending: boolean;
  };
}

/** Downloads the list as .xlsx with the filters the list shows now. */
export function ExportButton<Q>({ query, exporter }: ExportButtonProps<Q>) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();

  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporter.isPending}
      onClick={() =>
        exporter.mutate(query, {
          onSuccess: () => void message.success(t('common.exported')),
          onError: (error) => showError(error),
        })
      }
    >
      {t('common.export')}
    </Button>
  );
}
