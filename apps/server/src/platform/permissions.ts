/** Where a permission applies: the office console (PC 端) or the staff app (APP 端). */
export type Channel = 'console' | 'app';

export interface PermissionDef {
  code: string;
  zh: string;
  en: string;
  channels: readonly Channel[];
}

/** One module's permissions: a branch of the tree shown in the department editor. */
export interface PermissionGroup {
  module: string;
  zh: string;
  en: string;
  permissions: readonly PermissionDef[];
}

/**
 * What a route needs: a permission code, or `authenticated` (anyone signed in),
 * or `public` (anyone at all).
 */
export type RoutePermission = string;

export const PUBLIC = 'public';
export const AUTHENTICATED = 'authenticated';

/** Permissions that only platform administrators hold; no department can grant them. */
export const PLATFORM_PERMISSIONS: readonly string[] = ['platform.company.manage'];

export class PermissionCatalogue {
  readonly groups: readonly PermissionGroup[];
  readonly #byCode: Map<string, PermissionDef>;

  constructor(groups: readonly PermissionGroup[]) {
    this.groups = groups;
    this.#byCode = new Map(groups.flatMap((g) => g.permissions.map((p) => [p.code, p])));
  }

  has(code: string): boolean {
    return this.#byCode.has(code);
  }

  /** Whether a department may grant this code on this channel. */
  grantable(code: string, channel: Channel): boolean {
    return this.#byCode.get(code)?.channels.includes(channel) ?? false;
  }

  codes(channel: Channel): string[] {
    return [...this.#byCode.values()]
      .filter((p) => p.channels.includes(channel))
      .map((p) => p.code);
  }
}
