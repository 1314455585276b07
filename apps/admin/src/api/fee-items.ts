import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/fee-items'];
type ItemApi = paths['/api/v1/fee-items/{id}'];

export type FeeItemQuery = NonNullable<Api['get']['parameters']['query']>;
export type FeeItem = Json<Api['get']['responses'][200]>['items'][number];
export type CreateFeeItemBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateFeeItemBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;
export type LateFeeBody = NonNullable<CreateFeeItemBody['lateFee']>;

/**
 * Every fee-configuration query key starts with this: a new item, standard, price or binding
 * refreshes the lists and detail pages that may show it.
 */
export const FEES_KEY = 'fees';

/** A mutation that refreshes every fee-configuration query on success. */
export function useFeesMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [FEES_KEY] }),
  });
}

export function useFeeItems(query: FeeItemQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [FEES_KEY, 'items', query],
    queryFn: () => unwrap(api.GET('/api/v1/fee-items', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** A project's active fee items for pickers (the API allows 200 per page). */
export function useFeeItemOptions(projectId: number | undefined) {
  return useFeeItems({ projectId, status: 'active', page: 1, pageSize: 200 });
}

export function useCreateFeeItem() {
  return useFeesMutation((body: CreateFeeItemBody) =>
    unwrap(api.POST('/api/v1/fee-items', { body })),
  );
}

export function useUpdateFeeItem() {
  return useFeesMutation(({ id, body }: { id: number; body: UpdateFeeItemBody }) =>
    unwrap(api.PATCH('/api/v1/fee-items/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportFeeItems() {
  return useMutation({
    mutationFn: (query: FeeItemQuery) =>
      saveDownload(
        api.GET('/api/v1/fee-items/export', { params: { query }, parseAs: 'blob' }),
        'fee-items.xlsx',
      ),
  });
}
