import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { FEES_KEY, useFeesMutation } from './fee-items';

type Api = paths['/api/v1/fee-bindings'];
type BatchApi = paths['/api/v1/fee-binding-batches'];
type EndingApi = paths['/api/v1/fee-bindings/{id}/endings'];

export type FeeBindingQuery = NonNullable<Api['get']['parameters']['query']>;
export type FeeBinding = Json<Api['get']['responses'][200]>['items'][number];
export type CreateFeeBindingsBody = Json<NonNullable<Api['post']['requestBody']>>;
export type BindingBatchBody = Json<NonNullable<BatchApi['post']['requestBody']>>;
export type BindingTarget = BindingBatchBody['target'];
export type BindingBatchResult = Json<BatchApi['post']['responses'][201]>;
export type BindingBatchPreview = Json<
  paths['/api/v1/fee-binding-batches/previews']['post']['responses'][200]
>;
export type EndFeeBindingBody = Json<NonNullable<EndingApi['post']['requestBody']>>;

const byId = (id: number) => ({ params: { path: { id } } });

export function useFeeBindings(query: FeeBindingQuery) {
  return useQuery({
    queryKey: [FEES_KEY, 'bindings', query],
    queryFn: () => unwrap(api.GET('/api/v1/fee-bindings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The fee items one resource is charged, ended bindings included. */
export function useResourceFeeBindings(resourceId: number) {
  return useQuery({
    queryKey: [FEES_KEY, 'resource-bindings', resourceId],
    queryFn: () => unwrap(api.GET('/api/v1/resources/{id}/fee-bindings', byId(resourceId))),
  });
}

export function useCreateFeeBindings() {
  return useFeesMutation((body: CreateFeeBindingsBody) =>
    unwrap(api.POST('/api/v1/fee-bindings', { body })),
  );
}

/** What a bulk binding would take: matched and overlapping counts; nothing is written. */
export function usePreviewBindingBatch() {
  return useMutation({
    mutationFn: (body: BindingBatchBody) =>
      unwrap(api.POST('/api/v1/fee-binding-batches/previews', { body })),
  });
}

export function useCreateBindingBatch() {
  return useFeesMutation((body: BindingBatchBody) =>
    unwrap(api.POST('/api/v1/fee-binding-batches', { body })),
  );
}

/** Ends a binding on a date; bindings are ended, never deleted. */
export function useEndFeeBinding() {
  return useFeesMutation(({ id, body }: { id: number; body: EndFeeBindingBody }) =>
    unwrap(api.POST('/api/v1/fee-bindings/{id}/endings', { ...byId(id), body })),
  );
}

export function useExportFeeBindings() {
  return useMutation({
    mutationFn: (query: FeeBindingQuery) =>
      saveDownload(
        api.GET('/api/v1/fee-bindings/export', { params: { query }, parseAs: 'blob' }),
        'fee-bindings.xlsx',
      ),
  });
}
