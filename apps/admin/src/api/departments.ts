import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';

type Api = paths['/api/v1/departments'];
export type Department =
  Api['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateDepartmentBody = NonNullable<
  Api['post']['requestBody']
>['content']['application/json'];
export type UpdateDepartmentBody = NonNullable<
  paths['/api/v1/departments/{id}']['patch']['requestBody']
>['content']['application/json'];

const KEY = 'departments';

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: [KEY],
    queryFn: async () => (await unwrap(api.GET('/api/v1/departments'))).items,
    enabled,
  });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: CreateDepartmentBody) => unwrap(api.POST('/api/v1/departments', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateDepartmentBody }) =>
      unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/v1/departments/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}
