import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/employees'];
type ItemApi = paths['/api/v1/employees/{id}'];
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type EmployeeQuery = NonNullable<Api['get']['parameters']['query']>;
export type EmployeePage = Json<Api['get']['responses'][200]>;
export type Employee = EmployeePage['items'][number];
export type EmployeeDetail = Json<ItemApi['get']['responses'][200]>;
export type ButlerAssignment = EmployeeDetail['butlerAssignments'][number];
export type CreateEmployeeBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateEmployeeBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

const KEY = 'employees';

const byId = (id: number) => ({ params: { path: { id } } });

export function useEmployees(query: EmployeeQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/employees', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useEmployee(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/employees/{id}', byId(id ?? 0))),
    enabled: id !== undefined,
  });
}

function useEmployeeMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useCreateEmployee() {
  return useEmployeeMutation((body: CreateEmployeeBody) =>
    unwrap(api.POST('/api/v1/employees', { body })),
  );
}

export function useUpdateEmployee() {
  return useEmployeeMutation(({ id, body }: { id: number; body: UpdateEmployeeBody }) =>
    unwrap(api.PATCH('/api/v1/employees/{id}', { ...byId(id), body })),
  );
}

export function useSetEmployeeProjects() {
  return useEmployeeMutation(
    ({
      id,
      allProjects,
      projectIds,
      buildingIds,
    }: {
      id: number;
      allProjects: boolean;
      projectIds: number[];
      buildingIds?: number[];
    }) =>
      unwrap(
        api.PUT('/api/v1/employees/{id}/projects', {
          ...byId(id),
          body: { allProjects, projectIds, buildingIds },
        }),
      ),
  );
}

export function useSetButlerAssignments() {
  return useEmployeeMutation(
    ({ id, assignments }: { id: number; assignments: ButlerAssignment[] }) =>
      unwrap(
        api.PUT('/api/v1/employees/{id}/butler-assignments', {
          ...byId(id),
          body: { assignments },
        }),
      ),
  );
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      unwrap(
        api.POST('/api/v1/employees/{id}/password-resets', { ...byId(id), body: { newPassword } }),
      ),
  });
}

export function useExportEmployees() {
  return useMutation({
    mutationFn: (query: EmployeeQuery) =>
      saveDownload(
        api.GET('/api/v1/employees/export', { params: { query }, parseAs: 'blob' }),
        'employees.xlsx',
      ),
  });
}
