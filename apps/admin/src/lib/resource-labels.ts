import type { ResourceKind, ResourceStatus } from '../api/resources';
import type { MessageKey, Translate } from '../i18n';

/** Which statuses each kind may take (the server's STATUSES_BY_KIND). */
export const STATUSES_BY_KIND: Record<ResourceKind, readonly ResourceStatus[]> = {
  room: ['unsold', 'vacant', 'occupied', 'renovating', 'rented'],
  shop: ['vacant', 'occupied', 'rented', 'sold'],
  parking_space: ['vacant', 'sold', 'rented'],
  ad_space: ['vacant', 'rented'],
  storage: ['vacant', 'occupied', 'rented', 'sold'],
};

export const STATUS_COLORS: Record<ResourceStatus, string> = {
  unsold: 'default',
  vacant: 'gold',
  occupied: 'green',
  renovating: 'orange',
  rented: 'blue',
  sold: 'purple',
};

export const DECORATIONS = ['rough', 'simple', 'fine'] as const;
export const ROOM_USES = ['residential', 'commercial', 'office'] as const;
export const SPACE_TYPES = ['standard', 'large', 'charging', 'mother_child'] as const;
export const STORAGE_TYPES = ['basement', 'storage_room'] as const;
export const LOT_TYPES = ['above_ground', 'underground'] as const;
export const PERSON_ROLES = ['owner', 'co_owner', 'family', 'tenant'] as const;
export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'other',
] as const;
export const GENDERS = ['male', 'female'] as const;
export const VEHICLE_TYPES = [
  'small_car',
  'large_car',
  'new_energy',
  'motorcycle',
  'other',
] as const;

export const ROLE_COLORS: Record<(typeof PERSON_ROLES)[number], string> = {
  owner: 'blue',
  co_owner: 'geekblue',
  family: 'green',
  tenant: 'orange',
};

/** Select options for a list of values whose labels are `<prefix>.<value>` keys. */
export function labelledOptions<V extends string>(
  t: Translate,
  prefix: string,
  values: readonly V[],
): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}

/** The text of a value whose label is a `<prefix>.<value>` key; a dash for none. */
export function labelOf(t: Translate, prefix: string, value: string | null | undefined): string {
  return value ? t(`${prefix}.${value}` as MessageKey) : '—';
}
