import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { BILLING_KEY, useBillingMutation } from './bills';
import { type Json, api, type paths, unwrap } from './client';

type Api = paths['/api/v1/bill-runs'];

export type BillRunQuery = NonNullable<Api['get']['parameters']['query']>;
export type BillRun = Json<Api['get']['responses'][200]>['items'][number];
export type BillRunStatus = BillRun['status'];
export type BillRunBody = Json<NonNullable<Api['post']['requestBody']>>;
export type BillRunPreview = Json<paths['/api/v1/bill-runs/previews']['post']['responses'][200]>;
export type BillRunWarning = BillRunPreview['warnings'][number];

const byId = (id: number) => ({ params: { path: { id } } });

/** A run that has stopped for good: nothing more to poll. */
export function isFinished(run: Pick<BillRun, 'status'>): boolean {
  return run.status === 'completed' || run.status === 'cancelled' || run.status === 'failed';
}

/** The runs, asked again every two seconds while one of them is still working. */
export function useBillRuns(query: BillRunQuery) {
  return useQuery({
    queryKey: [BILLING_KEY, 'runs', query],
    queryFn: () => unwrap(api.GET('/api/v1/bill-runs', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      current.state.data?.items.some((run) => !isFinished(run)) ? 2000 : false,
  });
}

/** One run, asked again every second until it has finished (its progress bar). */
export function useBillRun(id: number | undefined) {
  return useQuery({
    queryKey: [BILLING_KEY, 'run', id],
    queryFn: () => unwrap(api.GET('/api/v1/bill-runs/{id}', byId(id ?? 0))),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 1000),
  });
}

/** What a run would create; nothing is written. */
export function usePreviewBillRun() {
  return useMutation({
    mutationFn: (body: BillRunBody) => unwrap(api.POST('/api/v1/bill-runs/previews', { body })),
  });
}

export function useStartBillRun() {
  return useBillingMutation((body: BillRunBody) => unwrap(api.POST('/api/v1/bill-runs', { body })));
}

export function useCancelBillRun() {
  return useBillingMutation((id: number) =>
    unwrap(api.POST('/api/v1/bill-runs/{id}/cancellations', byId(id))),
  );
}
