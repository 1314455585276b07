import type { Locale } from './i18n.js';
import type { Channel } from './permissions.js';

/** Who is calling: an employee of one company, or a platform administrator. */
export interface Actor {
  kind: 'employee' | 'platform';
  id: number;
  orgId: number | null;
  name: string;
  username: string;
  channel: Channel;
  sessionId: string;
  permissions: ReadonlySet<string>;
  /** The projects this actor may see; `all` for employees who see every project. */
  projectIds: readonly number[] | 'all';
  /** Inside those projects, the only buildings this actor may see; absent: every building. */
  buildingIds?: readonly number[];
  /** The company's auth epoch this actor was built at; anything derived from it may be cached. */
  authEpoch: number;
}

/** What every service call knows about the request it serves. */
export interface RequestContext {
  actor: Actor | null;
  locale: Locale;
  requestId: string;
  ip: string | null;
}

/** A context for work that no person started (seeding, jobs, the CLI). */
export function systemContext(overrides: Partial<RequestContext> = {}): RequestContext {
  return { actor: null, locale: 'zh-CN', requestId: 'system', ip: null, ...overrides };
}
