import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { FEES_KEY, useFeesMutation } from './fee-items';

type Api = paths['/api/v1/fee-standards'];
type ItemApi = paths['/api/v1/fee-standards/{id}'];
type PricesApi = paths['/api/v1/fee-standards/{id}/prices'];
type EffectiveApi = paths['/api/v1/fee-standards/{id}/effective-price'];

export type FeeStandardQuery = NonNullable<Api['get']['parameters']['query']>;
export type FeeStandard = Json<Api['get']['responses'][200]>['items'][number];
export type StandardMethod = FeeStandard['method'];
export type CreateFeeStandardBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateFeeStandardBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;
export type FeePriceQuery = NonNullable<PricesApi['get']['parameters']['query']>;
export type FeePrice = Json<PricesApi['get']['responses'][200]>['items'][number];
export type PriceScope = FeePrice['scope'];
export type SetFeePricesBody = Json<NonNullable<PricesApi['post']['requestBody']>>;
export type EffectivePrice = Json<EffectiveApi['get']['responses'][200]>;

const byId = (id: number) => ({ params: { path: { id } } });

export function useFeeStandards(query: FeeStandardQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [FEES_KEY, 'standards', query],
    queryFn: () => unwrap(api.GET('/api/v1/fee-standards', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** A project's active standards for pickers, optionally of one fee item. */
export function useFeeStandardOptions(projectId: number | undefined, feeItemId?: number) {
  return useFeeStandards({ projectId, feeItemId, status: 'active', page: 1, pageSize: 200 });
}

export function useFeeStandard(id: number) {
  return useQuery({
    queryKey: [FEES_KEY, 'standard', id],
    queryFn: () => unwrap(api.GET('/api/v1/fee-standards/{id}', byId(id))),
  });
}

export function useCreateFeeStandard() {
  return useFeesMutation((body: CreateFeeStandardBody) =>
    unwrap(api.POST('/api/v1/fee-standards', { body })),
  );
}

export function useUpdateFeeStandard() {
  return useFeesMutation(({ id, body }: { id: number; body: UpdateFeeStandardBody }) =>
    unwrap(api.PATCH('/api/v1/fee-standards/{id}', { ...byId(id), body })),
  );
}

export function useExportFeeStandards() {
  return useMutation({
    mutationFn: (query: FeeStandardQuery) =>
      saveDownload(
        api.GET('/api/v1/fee-standards/export', { params: { query }, parseAs: 'blob' }),
        'fee-standards.xlsx',
      ),
  });
}

/** A standard's price rows: every row ever set, or with `date` the ones in force that day. */
export function useFeePrices(standardId: number, query: FeePriceQuery, enabled = true) {
  return useQuery({
    queryKey: [FEES_KEY, 'prices', standardId, query],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/fee-standards/{id}/prices', {
          params: { path: { id: standardId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Adds price rows from a date; earlier rows stay as they were (prices are append-only). */
export function useSetFeePrices() {
  return useFeesMutation(({ standardId, body }: { standardId: number; body: SetFeePricesBody }) =>
    unwrap(api.POST('/api/v1/fee-standards/{id}/prices', { ...byId(standardId), body })),
  );
}

/** The unit price a resource pays on a date, and the row it comes from. */
export function useEffectivePrice() {
  return useMutation({
    mutationFn: ({
      standardId,
      resourceId,
      date,
    }: {
      standardId: number;
      resourceId: number;
      date: string;
    }) =>
      unwrap(
        api.GET('/api/v1/fee-standards/{id}/effective-price', {
          params: { path: { id: standardId }, query: { resourceId, date } },
        }),
      ),
  });
}
