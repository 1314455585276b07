import { useQuery } from '@tanstack/react-query';
import { api, type paths, unwrap } from './client';

export type PermissionTree =
  paths['/api/v1/permissions']['get']['responses'][200]['content']['application/json'];
export type PermissionGroup = PermissionTree['groups'][number];
export type Channel = PermissionGroup['permissions'][number]['channels'][number];

/** The permission catalogue with labels in the chosen language. */
export function usePermissionTree() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => unwrap(api.GET('/api/v1/permissions')),
    staleTime: Infinity,
  });
}
