import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/buildings'];
type ItemApi = paths['/api/v1/buildings/{id}'];
type UnitsApi = paths['/api/v1/buildings/{id}/units'];
type BatchApi = paths['/api/v1/room-batches'];

export type BuildingQuery = NonNullable<Api['get']['parameters']['query']>;
export type Building = Json<Api['get']['responses'][200]>['items'][number];
export type CreateBuildingBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateBuildingBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;
export type Unit = Json<UnitsApi['get']['responses'][200]>['items'][number];
export type CreateUnitBody = Json<NonNullable<UnitsApi['post']['requestBody']>>;
export type RoomBatchBody = Json<NonNullable<BatchApi['post']['requestBody']>>;
export type RoomBatchPreview = Json<
  paths['/api/v1/room-batches/previews']['post']['responses'][200]
>;
export type RoomBatchResult = Json<BatchApi['post']['responses'][201]>;

const byId = (id: number) => ({ params: { path: { id } } });

export function useBuildings(query: BuildingQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'buildings', query],
    queryFn: () => unwrap(api.GET('/api/v1/buildings', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** A project's buildings for pickers (the API allows 200 per page). */
export function useBuildingOptions(projectId: number | undefined) {
  return useBuildings({ projectId, page: 1, pageSize: 200 }, { enabled: projectId !== undefined });
}

export function useUnits(buildingId: number | undefined) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'units', buildingId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/buildings/{id}/units', byId(buildingId ?? 0)))).items,
    enabled: buildingId !== undefined,
  });
}

export function useCreateBuilding() {
  return useArchiveMutation((body: CreateBuildingBody) =>
    unwrap(api.POST('/api/v1/buildings', { body })),
  );
}

export function useUpdateBuilding() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateBuildingBody }) =>
    unwrap(api.PATCH('/api/v1/buildings/{id}', { ...byId(id), body })),
  );
}

export function useCreateUnit() {
  return useArchiveMutation(({ buildingId, body }: { buildingId: number; body: CreateUnitBody }) =>
    unwrap(api.POST('/api/v1/buildings/{id}/units', { ...byId(buildingId), body })),
  );
}

/** What a bulk room creation would do; nothing is written. */
export function usePreviewRoomBatch() {
  return useMutation({
    mutationFn: (body: RoomBatchBody) =>
      unwrap(api.POST('/api/v1/room-batches/previews', { body })),
  });
}

export function useCreateRoomBatch() {
  return useArchiveMutation((body: RoomBatchBody) =>
    unwrap(api.POST('/api/v1/room-batches', { body })),
  );
}

export function useExportBuildings() {
  return useMutation({
    mutationFn: (query: BuildingQuery) =>
      saveDownload(
        api.GET('/api/v1/buildings/export', { params: { query }, parseAs: 'blob' }),
        'buildings.xlsx',
      ),
  });
}
