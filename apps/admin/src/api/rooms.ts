import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/rooms'];
type ItemApi = paths['/api/v1/rooms/{id}'];

export type RoomQuery = NonNullable<Api['get']['parameters']['query']>;
export type Room = Json<Api['get']['responses'][200]>['items'][number];
export type CreateRoomBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateRoomBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;
export type ResourceTree = Json<paths['/api/v1/resource-tree']['get']['responses'][200]>;

export function useRooms(query: RoomQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'rooms', query],
    queryFn: () => unwrap(api.GET('/api/v1/rooms', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useCreateRoom() {
  return useArchiveMutation((body: CreateRoomBody) => unwrap(api.POST('/api/v1/rooms', { body })));
}

export function useUpdateRoom() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateRoomBody }) =>
    unwrap(api.PATCH('/api/v1/rooms/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportRooms() {
  return useMutation({
    mutationFn: (query: RoomQuery) =>
      saveDownload(
        api.GET('/api/v1/rooms/export', { params: { query }, parseAs: 'blob' }),
        'rooms.xlsx',
      ),
  });
}

/** Buildings → units → floors of a project, with room counts. */
export function useResourceTree(projectId: number | undefined) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'tree', projectId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/resource-tree', { params: { query: { projectId: projectId ?? 0 } } }),
      ),
    enabled: projectId !== undefined,
  });
}
