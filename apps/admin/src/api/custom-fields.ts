import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Json, api, type paths, unwrap } from './client';
import { RESOURCES_KEY } from './resource-keys';
import type { ResourceKind } from './resources';

type Api = paths['/api/v1/custom-fields'];
type ItemApi = paths['/api/v1/custom-fields/{id}'];

export type CustomFieldQuery = NonNullable<Api['get']['parameters']['query']>;
export type CustomField = Json<Api['get']['responses'][200]>['items'][number];
export type CustomFieldEntity = CustomField['entity'];
export type CustomFieldType = CustomField['type'];
export type CreateCustomFieldBody = Json<NonNullable<Api['post']['requestBody']>>;
export type UpdateCustomFieldBody = Json<NonNullable<ItemApi['patch']['requestBody']>>;

/** What carries custom values: a resource of one kind, or a person (owner and tenant fields). */
export type CustomFieldTarget = ResourceKind | 'person';
/** One value as answers carry it: numbers as decimal strings, dates `YYYY-MM-DD`. */
export type CustomValue = string | boolean | string[] | null;
export type CustomValues = Record<string, CustomValue>;
/** The `cf.<key>=value` filters a resource or people list takes beside its own. */
export type CustomFieldFilter = Partial<Record<`cf.${string}`, string>>;

export const CUSTOM_FIELD_ENTITIES = [
  'room',
  'shop',
  'parking_space',
  'ad_space',
  'storage',
  'owner',
  'tenant',
] as const satisfies readonly CustomFieldEntity[];
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'single',
  'multiple',
  'boolean',
] as const satisfies readonly CustomFieldType[];
export const CHOICE_TYPES: readonly CustomFieldType[] = ['single', 'multiple'];

const KEY = 'custom-fields';
/** The API's largest page: a company defines far fewer active fields than that. */
const ALL = 200;

function entitiesOf(target: CustomFieldTarget): CustomFieldEntity[] {
  return target === 'person' ? ['owner', 'tenant'] : [target];
}

export function useCustomFields(query: CustomFieldQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/custom-fields', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The active fields of a resource kind or of people, in the order forms show them. Every
 * form, list and detail page asks; one request for all entities serves them all.
 */
export function useActiveCustomFields(target: CustomFieldTarget): CustomField[] {
  const fields = useQuery({
    queryKey: [KEY, 'active'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/custom-fields', {
          params: { query: { status: 'active', pageSize: ALL } },
        }),
      ),
    staleTime: 60_000,
  });

  return useMemo(() => {
    const entities = entitiesOf(target);

    return (fields.data?.items ?? [])
      .filter((field) => entities.includes(field.entity))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  }, [fields.data, target]);
}

/** A change to a definition changes what every archive form, list and detail shows. */
function useDefinitionMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [KEY] }),
        queryClient.invalidateQueries({ queryKey: [RESOURCES_KEY] }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
      ]);
    },
  });
}

export function useCreateCustomField() {
  return useDefinitionMutation((body: CreateCustomFieldBody) =>
    unwrap(api.POST('/api/v1/custom-fields', { body })),
  );
}

export function useUpdateCustomField() {
  return useDefinitionMutation(({ id, body }: { id: number; body: UpdateCustomFieldBody }) =>
    unwrap(api.PATCH('/api/v1/custom-fields/{id}', { params: { path: { id } }, body })),
  );
}
