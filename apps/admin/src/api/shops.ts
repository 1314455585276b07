import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/shops'];
type ItemApi = paths['/api/v1/shops/{id}'];

export type ShopQuery = NonNullable<Api['get']['parameters']['query']>;
export type Shop = Json<Api['get']['responses'][200]>['items'][number];
export type CreateShopBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateShopBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

export function useShops(query: ShopQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'shops', query],
    queryFn: () => unwrap(api.GET('/api/v1/shops', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useCreateShop() {
  return useArchiveMutation((body: CreateShopBody) => unwrap(api.POST('/api/v1/shops', { body })));
}

export function useUpdateShop() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdateShopBody }) =>
    unwrap(api.PATCH('/api/v1/shops/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportShops() {
  return useMutation({
    mutationFn: (query: ShopQuery) =>
      saveDownload(
        api.GET('/api/v1/shops/export', { params: { query }, parseAs: 'blob' }),
        'shops.xlsx',
      ),
  });
}
