import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';

type Api = paths['/api/v1/companies'];
export type CompanyQuery = NonNullable<Api['get']['parameters']['query']>;
export type CompanyPage = Api['get']['responses'][200]['content']['application/json'];
export type Company = CompanyPage['items'][number];
export type CreateCompanyBody = NonNullable<
  Api['post']['requestBody']
>['content']['application/json'];
export type UpdateCompanyBody = NonNullable<
  paths['/api/v1/companies/{id}']['patch']['requestBody']
>['content']['application/json'];

const KEY = 'companies';

export function useCompanies(query: CompanyQuery) {
  return useQuery({
    queryKey: [KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/companies', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCompany() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: CreateCompanyBody) => unwrap(api.POST('/api/v1/companies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useUpdateCompany() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateCompanyBody }) =>
      unwrap(api.PATCH('/api/v1/companies/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}
