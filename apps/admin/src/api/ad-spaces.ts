import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/ad-spaces'];
type ItemApi = paths['/api/v1/ad-spaces/{id}'];

export type AdSpaceQuery = NonNullable<Api['get']['parameters']['query']>;
export type AdSpace = Json<Api['get']['responses'][200]>['items'][number];
export type CreateAdSpaceBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateAdSpaceBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

export function useAdSpaces(query: AdSpaceQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'ad-spaces', query],
    queryFn: () => unwrap(api.GET('/api/v1/ad-spaces', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useCreateAdSpace() {
  return useArchiveMutation((body: CreateAdSpaceBody) =>
    unwrap(api.POST('/api/v1/ad-spaces', { body })),
  );
}

export function useUpdateAdSpace() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateAdSpaceBody }) =>
    unwrap(api.PATCH('/api/v1/ad-spaces/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportAdSpaces() {
  return useMutation({
    mutationFn: (query: AdSpaceQuery) =>
      saveDownload(
        api.GET('/api/v1/ad-spaces/export', { params: { query }, parseAs: 'blob' }),
        'ad-spaces.xlsx',
      ),
  });
}
