import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type TemplatesApi = paths['/api/v1/projects/{id}/notice-templates'];
type DeliveriesApi = paths['/api/v1/notice-deliveries'];
type PreviewApi = paths['/api/v1/notice-template-previews'];

export type NoticeKind = Json<
  paths['/api/v1/notice-kinds']['get']['responses'][200]
>['kinds'][number];
export type NoticeTemplate = Json<TemplatesApi['get']['responses'][200]>['items'][number];
export type NoticeChannel = NoticeTemplate['channel'];
export type SaveNoticeTemplateBody = Json<NonNullable<TemplatesApi['put']['requestBody']>>;
export type NoticePreviewBody = Json<NonNullable<PreviewApi['post']['requestBody']>>;
export type NoticePreview = Json<PreviewApi['post']['responses'][200]>;
export type DeliveryQuery = NonNullable<DeliveriesApi['get']['parameters']['query']>;
export type NoticeDelivery = Json<DeliveriesApi['get']['responses'][200]>['items'][number];
export type DeliveryStatus = NoticeDelivery['status'];

/** Every notices query key starts with this, so a save or a resend refreshes them all. */
const NOTICES_KEY = 'notices';

export function useNoticeKinds() {
  return useQuery({
    queryKey: [NOTICES_KEY, 'kinds'],
    queryFn: () => unwrap(api.GET('/api/v1/notice-kinds')),
    staleTime: Infinity,
  });
}

export function useNoticeTemplates(projectId: number | undefined) {
  return useQuery({
    queryKey: [NOTICES_KEY, 'templates', projectId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/notice-templates', {
          params: { path: { id: projectId ?? 0 } },
        }),
      ),
    enabled: projectId !== undefined,
  });
}

function useNoticesMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [NOTICES_KEY] }),
  });
}

export function useSaveNoticeTemplate() {
  return useNoticesMutation(
    ({ projectId, body }: { projectId: number; body: SaveNoticeTemplateBody }) =>
      unwrap(
        api.PUT('/api/v1/projects/{id}/notice-templates', {
          params: { path: { id: projectId } },
          body,
        }),
      ),
  );
}

export function useResetNoticeTemplate() {
  return useNoticesMutation((id: number) =>
    unwrap(api.DELETE('/api/v1/notice-templates/{id}', { params: { path: { id } } })),
  );
}

/** The server's rendering of a template being edited, with the kind's sample values. */
export function useNoticePreview(body: NoticePreviewBody) {
  return useQuery({
    queryKey: [NOTICES_KEY, 'preview', body],
    queryFn: () => unwrap(api.POST('/api/v1/notice-template-previews', { body })),
    placeholderData: keepPreviousData,
  });
}

export function useNoticeDeliveries(query: DeliveryQuery) {
  return useQuery({
    queryKey: [NOTICES_KEY, 'deliveries', query],
    queryFn: () => unwrap(api.GET('/api/v1/notice-deliveries', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useExportNoticeDeliveries() {
  return useMutation({
    mutationFn: (query: DeliveryQuery) =>
      saveDownload(
        api.GET('/api/v1/notice-deliveries/export', { params: { query }, parseAs: 'blob' }),
        'notice-deliveries.xlsx',
      ),
  });
}

export function useResendDelivery() {
  return useNoticesMutation((id: number) =>
    unwrap(api.POST('/api/v1/notice-deliveries/{id}/resends', { params: { path: { id } } })),
  );
}
