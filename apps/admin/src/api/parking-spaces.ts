import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/parking-spaces'];
type ItemApi = paths['/api/v1/parking-spaces/{id}'];

export type ParkingSpaceQuery = NonNullable<Api['get']['parameters']['query']>;
export type ParkingSpace = Json<Api['get']['responses'][200]>['items'][number];
export type CreateParkingSpaceBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateParkingSpaceBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

export function useParkingSpaces(query: ParkingSpaceQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'parking-spaces', query],
    queryFn: () => unwrap(api.GET('/api/v1/parking-spaces', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useCreateParkingSpace() {
  return useArchiveMutation((body: CreateParkingSpaceBody) =>
    unwrap(api.POST('/api/v1/parking-spaces', { body })),
  );
}

export function useUpdateParkingSpace() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateParkingSpaceBody }) =>
    unwrap(api.PATCH('/api/v1/parking-spaces/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportParkingSpaces() {
  return useMutation({
    mutationFn: (query: ParkingSpaceQuery) =>
      saveDownload(
        api.GET('/api/v1/parking-spaces/export', { params: { query }, parseAs: 'blob' }),
        'parking-spaces.xlsx',
      ),
  });
}

type LotApi = paths['/api/v1/parking-lots'];
type LotItemApi = paths['/api/v1/parking-lots/{id}'];
export type ParkingLotQuery = NonNullable<LotApi['get']['parameters']['query']>;
export type ParkingLot = Json<LotApi['get']['responses'][200]>['items'][number];
export type CreateParkingLotBody = Json<NonNullable<LotApi['post']['requestBody']>>;
export type UpdateParkingLotBody = Json<NonNullable<LotItemApi['patch']['requestBody']>>;

export function useParkingLots(query: ParkingLotQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'parking-lots', query],
    queryFn: () => unwrap(api.GET('/api/v1/parking-lots', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** The lots of a project (or of every project in scope) for pickers. */
export function useParkingLotOptions(projectId: number | undefined) {
  return useParkingLots({ projectId, page: 1, pageSize: 200 });
}

export function useCreateParkingLot() {
  return useArchiveMutation((body: CreateParkingLotBody) =>
    unwrap(api.POST('/api/v1/parking-lots', { body })),
  );
}

export function useUpdateParkingLot() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateParkingLotBody }) =>
    unwrap(api.PATCH('/api/v1/parking-lots/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportParkingLots() {
  return useMutation({
    mutationFn: (query: NonNullable<LotApi['get']['parameters']['query']>) =>
      saveDownload(
        api.GET('/api/v1/parking-lots/export', { params: { query }, parseAs: 'blob' }),
        'parking-lots.xlsx',
      ),
  });
}
