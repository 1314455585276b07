import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/storage-rooms'];
type ItemApi = paths['/api/v1/storage-rooms/{id}'];

export type StorageRoomQuery = NonNullable<Api['get']['parameters']['query']>;
export type StorageRoom = Json<Api['get']['responses'][200]>['items'][number];
export type CreateStorageRoomBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateStorageRoomBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

export function useStorageRooms(query: StorageRoomQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'storage-rooms', query],
    queryFn: () => unwrap(api.GET('/api/v1/storage-rooms', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useCreateStorageRoom() {
  return useArchiveMutation((body: CreateStorageRoomBody) =>
    unwrap(api.POST('/api/v1/storage-rooms', { body })),
  );
}

export function useUpdateStorageRoom() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateStorageRoomBody }) =>
    unwrap(api.PATCH('/api/v1/storage-rooms/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportStorageRooms() {
  return useMutation({
    mutationFn: (query: StorageRoomQuery) =>
      saveDownload(
        api.GET('/api/v1/storage-rooms/export', { params: { query }, parseAs: 'blob' }),
        'storage-rooms.xlsx',
      ),
  });
}
