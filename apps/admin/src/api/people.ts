import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { saveDownload } from './download';
import { useArchiveMutation } from './resource-keys';

type Api = paths['/api/v1/people'];
type ItemApi = paths['/api/v1/people/{id}'];

export type PersonQuery = NonNullable<Api['get']['parameters']['query']>;
export type Person = Json<Api['get']['responses'][200]>['items'][number];
export type PersonDetail = Json<ItemApi['get']['responses'][200]>;
export type IdType = NonNullable<Person['idType']>;
export type Gender = NonNullable<Person['gender']>;
export type CreatePersonBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdatePersonBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

const KEY = 'people';

export function usePeople(query: PersonQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function usePerson(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useCreatePerson() {
  return useArchiveMutation((body: CreatePersonBody) =>
    unwrap(api.POST('/api/v1/people', { body })),
  );
}

export function useUpdatePerson() {
  return useArchiveMutation(({ id, body }: { id: number; body: UpdatePersonBody }) =>
    unwrap(api.PATCH('/api/v1/people/{id}', { params: { path: { id } }, body })),
  );
}

export function useExportPeople() {
  return useMutation({
    mutationFn: (query: PersonQuery) =>
      saveDownload(
        api.GET('/api/v1/people/export', { params: { query }, parseAs: 'blob' }),
        'people.xlsx',
      ),
  });
}
