import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';

type Api = paths['/api/v1/vehicles'];
type ItemApi = paths['/api/v1/vehicles/{id}'];

export type VehicleQuery = NonNullable<Api['get']['parameters']['query']>;
export type Vehicle = Json<Api['get']['responses'][200]>['items'][number];
export type VehicleType = Vehicle['vehicleType'];
export type CreateVehicleBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateVehicleBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

const KEY = 'vehicles';

export function useVehicles(query: VehicleQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/vehicles', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

function useVehicleMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useCreateVehicle() {
  return useVehicleMutation((body: CreateVehicleBody) =>
    unwrap(api.POST('/api/v1/vehicles', { body })),
  );
}

export function useUpdateVehicle() {
  return useVehicleMutation(({ id, body }: { id: number; body: UpdateVehicleBody }) =>
    unwrap(api.PATCH('/api/v1/vehicles/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportVehicles() {
  return useMutation({
    mutationFn: (query: VehicleQuery) =>
      saveDownload(
        api.GET('/api/v1/vehicles/export', { params: { query }, parseAs: 'blob' }),
        'vehicles.xlsx',
      ),
  });
}
