import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/bills'];
type ItemApi = paths['/api/v1/bills/{id}'];
type VoidApi = paths['/api/v1/bills/{id}/voids'];

export type BillQuery = NonNullable<Api['get']['parameters']['query']>;
export type BillPage = Json<Api['get']['responses'][200]>;
export type Bill = BillPage['items'][number];
export type BillTotals = BillPage['totals'];
export type BillDetail = Json<ItemApi['get']['responses'][200]>;
export type BillEntry = BillDetail['entries'][number];
export type BillStatus = Bill['status'];
export type BillKind = Bill['kind'];
export type TemporaryBillBody = Json<NonNullable<Api['post']['requestBody']>>;
export type VoidBillBody = Json<NonNullable<VoidApi['post']['requestBody']>>;

/**
 * Every bill and bill-run query key starts with this: a run, a temporary bill or a void
 * refreshes the lists, details and run records that may show it.
 */
export const BILLING_KEY = 'billing';

const byId = (id: number) => ({ params: { path: { id } } });

/** A mutation that refreshes every billing query on success. */
export function useBillingMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [BILLING_KEY] }),
  });
}

export function useBills(query: BillQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [BILLING_KEY, 'bills', query],
    queryFn: () => unwrap(api.GET('/api/v1/bills', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useBill(id: number | undefined) {
  return useQuery({
    queryKey: [BILLING_KEY, 'bill', id],
    queryFn: () => unwrap(api.GET('/api/v1/bills/{id}', byId(id ?? 0))),
    enabled: id !== undefined,
  });
}

export function useCreateTemporaryBill() {
  return useBillingMutation((body: TemporaryBillBody) =>
    unwrap(api.POST('/api/v1/bills', { body })),
  );
}

export function useVoidBill() {
  return useBillingMutation(({ id, body }: { id: number; body: VoidBillBody }) =>
    unwrap(api.POST('/api/v1/bills/{id}/voids', { ...byId(id), body })),
  );
}

export function useExportBills() {
  return useMutation({
    mutationFn: (query: BillQuery) =>
      saveDownload(
        api.GET('/api/v1/bills/export', { params: { query }, parseAs: 'blob' }),
        'bills.xlsx',
      ),
  });
}
