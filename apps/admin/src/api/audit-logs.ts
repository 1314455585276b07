import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/audit-logs'];
export type AuditQuery = NonNullable<Api['get']['parameters']['query']>;
export type AuditPage = Api['get']['responses'][200]['content']['application/json'];
export type AuditEntry = AuditPage['items'][number];

export function useAuditLogs(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit-logs', query],
    queryFn: () => unwrap(api.GET('/api/v1/audit-logs', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useExportAuditLogs() {
  return useMutation({
    mutationFn: (query: AuditQuery) =>
      saveDownload(
        api.GET('/api/v1/audit-logs/export', { params: { query }, parseAs: 'blob' }),
        'audit-log.xlsx',
      ),
  });
}
