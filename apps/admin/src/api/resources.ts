import { useQuery } from '@tanstack/react-query';
import { type Json, api, type paths, unwrap } from './client';
import { RESOURCES_KEY, useArchiveMutation } from './resource-keys';

type PeopleApi = paths['/api/v1/resources/{id}/people'];
type TransferApi = paths['/api/v1/resources/{id}/transfers'];

export type ResourceDetail = Json<paths['/api/v1/resources/{id}']['get']['responses'][200]>;
export type ResourceKind = ResourceDetail['kind'];
export type ResourceStatus = ResourceDetail['status'];
export type ResourcePeople = Json<PeopleApi['get']['responses'][200]>;
export type ResourceLink = ResourcePeople['links'][number];
export type PersonRole = ResourceLink['role'];
export type FamilyRelation = NonNullable<ResourceLink['relation']>;
export type CreateLinkBody = Json<NonNullable<PeopleApi['post']['requestBody']>>;
export type EndLinkBody = Json<
  NonNullable<paths['/api/v1/resource-people/{id}/end']['post']['requestBody']>
>;
export type TransferBody = Json<NonNullable<TransferApi['post']['requestBody']>>;

const byId = (id: number) => ({ params: { path: { id } } });

/** Any resource with its kind's attributes. */
export function useResource(id: number) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/resources/{id}', byId(id))),
  });
}

/** Everyone linked to a resource now or before. */
export function useResourcePeople(id: number, enabled = true) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'people', id],
    queryFn: () => unwrap(api.GET('/api/v1/resources/{id}/people', byId(id))),
    enabled,
  });
}

export function useLinkPerson() {
  return useArchiveMutation(({ resourceId, body }: { resourceId: number; body: CreateLinkBody }) =>
    unwrap(api.POST('/api/v1/resources/{id}/people', { ...byId(resourceId), body })),
  );
}

export function useEndLink() {
  return useArchiveMutation(({ linkId, body }: { linkId: number; body: EndLinkBody }) =>
    unwrap(api.POST('/api/v1/resource-people/{id}/end', { ...byId(linkId), body })),
  );
}

/** 过户: ends the owners' and family links and starts the new owners'. */
export function useTransferOwnership() {
  return useArchiveMutation(({ resourceId, body }: { resourceId: number; body: TransferBody }) =>
    unwrap(api.POST('/api/v1/resources/{id}/transfers', { ...byId(resourceId), body })),
  );
}
