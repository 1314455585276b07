import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/projects'];
export type ProjectQuery = NonNullable<Api['get']['parameters']['query']>;
export type ProjectPage = Api['get']['responses'][200]['content']['application/json'];
export type Project = ProjectPage['items'][number];
export type ProjectType = Project['type'];
export type CreateProjectBody = NonNullable<
  Api['post']['requestBody']
>['content']['application/json'];
export type UpdateProjectBody = NonNullable<
  paths['/api/v1/projects/{id}']['patch']['requestBody']
>['content']['application/json'];

const KEY = 'projects';

export function useProjects(query: ProjectQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** Every project in scope, for pickers (the API allows 200 per page). */
export function useProjectOptions(enabled = true) {
  return useProjects({ page: 1, pageSize: 200 }, { enabled });
}

export function useCreateProject() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: CreateProjectBody) => unwrap(api.POST('/api/v1/projects', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useUpdateProject() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateProjectBody }) =>
      unwrap(api.PATCH('/api/v1/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useExportProjects() {
  return useMutation({
    mutationFn: (query: ProjectQuery) =>
      saveDownload(
        api.GET('/api/v1/projects/export', { params: { query }, parseAs: 'blob' }),
        'projects.xlsx',
      ),
  });
}
