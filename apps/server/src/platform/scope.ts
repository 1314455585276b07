import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, RequestContext } from './context.js';
import { AppError } from './errors.js';

/**
 * Data scope: the one place that decides which rows a caller may see. Every repository that
 * reads business rows adds `inScope(...)`, and every service that takes an id from the outside
 * checks it through `assertProjectInScope` or a scoped read, so a row outside the caller's
 * company or projects is simply not there (404, never 403).
 */
export interface Scope {
  orgId: number;
  projectIds: readonly number[] | 'all';
  /** When set, rows that belong to a building are visible only for these buildings. */
  buildingIds?: readonly number[];
}

/** The caller's scope; only company staff have one. */
export function scopeOf(ctx: RequestContext): Scope {
  const actor = requireActor(ctx);
  if (actor.orgId === null) throw new AppError('FORBIDDEN');

  return { orgId: actor.orgId, projectIds: actor.projectIds, buildingIds: actor.buildingIds };
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');

  return ctx.actor;
}

/**
 * Whether the scope's project list admits this id. It cannot know which company a project
 * belongs to: an id from outside goes through the project service (getProject) first.
 */
export function projectVisible(scope: Scope, projectId: number): boolean {
  return scope.projectIds === 'all' || scope.projectIds.includes(projectId);
}

export interface ScopeColumns {
  /** Column holding the company id, e.g. `employee.org_id`. */
  org: string;
  /** Column holding the project id, when the rows belong to projects. */
  project?: string;
  /** Column holding the building id (null for rows outside any building). */
  building?: string;
}

/** A WHERE condition that keeps only the rows inside the scope. */
export function inScope(scope: Scope, columns: ScopeColumns): RawBuilder<SqlBool> {
  const conditions = [sql`${sql.ref(columns.org)} = ${scope.orgId}`];
  if (columns.project && scope.projectIds !== 'all') {
    conditions.push(
      scope.projectIds.length > 0
        ? sql`${sql.ref(columns.project)} in (${sql.join(scope.projectIds)})`
        : sql`1 = 0`,
    );
  }

  if (columns.building && scope.buildingIds) {
    const building = sql.ref(columns.building);
    conditions.push(
      scope.buildingIds.length > 0
        ? sql`(${building} is null or ${building} in (${sql.join(scope.buildingIds)}))`
        : sql`${building} is null`,
    );
  }

  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
