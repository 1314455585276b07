import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/discount-schemes'];
type ItemApi = paths['/api/v1/discount-schemes/{id}'];
type ProposalApi = paths['/api/v1/discount-schemes/proposals'];

export type DiscountSchemeQuery = NonNullable<Api['get']['parameters']['query']>;
export type DiscountScheme = Json<Api['get']['responses'][200]>['items'][number];
export type DiscountKind = DiscountScheme['kind'];
export type CreateDiscountSchemeBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateDiscountSchemeBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;
export type ProposalBody = Json<NonNullable<ProposalApi['post']['requestBody']>>;
export type Proposal = Json<ProposalApi['post']['responses'][200]>;

export const DISCOUNT_KINDS = [
  'free_months',
  'percent_for_months',
  'fixed_reduction',
  'loyalty',
  'vacancy',
  'deferral',
] as const satisfies readonly DiscountKind[];

const KEY = 'discount-schemes';
/** The API's largest page: a project has far fewer fee items than that. */
const ALL = 200;

export function useDiscountSchemes(query: DiscountSchemeQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/discount-schemes', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

function useSchemeMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useCreateDiscountScheme() {
  return useSchemeMutation((body: CreateDiscountSchemeBody) =>
    unwrap(api.POST('/api/v1/discount-schemes', { body })),
  );
}

export function useUpdateDiscountScheme() {
  return useSchemeMutation(({ id, body }: { id: number; body: UpdateDiscountSchemeBody }) =>
    unwrap(api.PATCH('/api/v1/discount-schemes/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportDiscountSchemes() {
  return useMutation({
    mutationFn: (query: DiscountSchemeQuery) =>
      saveDownload(
        api.GET('/api/v1/discount-schemes/export', { params: { query }, parseAs: 'blob' }),
        'discount-schemes.xlsx',
      ),
  });
}

/** 试算: the reductions the schemes would give a payment; writes nothing. */
export function useProposeDiscounts() {
  return useMutation({
    mutationFn: (body: ProposalBody) =>
      unwrap(api.POST('/api/v1/discount-schemes/proposals', { body })),
  });
}

/** The active fee items of a project, to choose which ones a scheme applies to. */
export function useFeeItemOptions(projectId: number | undefined) {
  const items = useQuery({
    queryKey: ['fee-items', 'options', projectId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/fee-items', {
          params: { query: { projectId, status: 'active', pageSize: ALL } },
        }),
      ),
    enabled: projectId !== undefined,
  });

  return (items.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
}
