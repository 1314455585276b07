import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';
import { saveDownload } from './download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type KindOf<P> = P extends `/api/v1/imports/${infer K}/jobs` ? K : never;
/** The lists the server can import from Excel, read from the OpenAPI document. */
export type ImportKind = KindOf<keyof paths>;
type TemplatePath = `/api/v1/imports/${ImportKind}/template`;
type JobsPath = `/api/v1/imports/${ImportKind}/jobs`;

export type ImportMode = 'dry_run' | 'import';
export type Job = NonNullable<
  paths['/api/v1/jobs/{id}']['get']['responses'][200]['content']['application/json']
>;

/**
 * What a finished import job reports. The OpenAPI document types a job's result as unknown,
 * so the shape the import handler writes is repeated here.
 */
export interface ImportReport {
  mode: ImportMode;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: { line: number; column: string; message: string }[];
}

export function useDownloadTemplate(kind: ImportKind) {
  return useMutation({
    mutationFn: () =>
      saveDownload(
        api.GET(`/api/v1/imports/${kind}/template` as TemplatePath, { parseAs: 'blob' }),
        `${kind}-template.xlsx`,
      ),
  });
}

/** Uploads the workbook as the request body; answers the id of the job that reads it. */
export function useStartImport(kind: ImportKind) {
  return useMutation({
    mutationFn: ({ file, projectId, mode }: { file: File; projectId: number; mode: ImportMode }) =>
      unwrap(
        api.POST(`/api/v1/imports/${kind}/jobs` as JobsPath, {
          params: { query: { projectId, mode } },
          // The route takes the raw file; the OpenAPI document does not declare a body for it.
          body: file as never,
          bodySerializer: () => file,
          headers: { 'Content-Type': XLSX },
        }),
      ),
  });
}

/** A background job, polled every half second until it has finished. */
export function useJob(id: number | undefined) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 500;
    },
  });
}
