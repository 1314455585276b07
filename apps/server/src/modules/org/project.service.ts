import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { toScaleOrNull } from '../../platform/decimal.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, alreadyExists, invalidField, notFound } from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import { type Scope, requireActor, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type { CreateProjectInput, ProjectListQuery, UpdateProjectInput } from './org.schemas.js';
import * as repo from './org.repository.js';

export type Project = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;

/** The projects the caller may see, filtered and paged. */
export function listProjects(
  db: Database,
  ctx: RequestContext,
  query: ProjectListQuery,
): Promise<Page<Project>> {
  return repo.listProjects(db, scopeOf(ctx), query);
}

/** Every project in a scope, for pickers and the project switcher. */
export async function allVisibleProjects(db: Database, scope: Scope): Promise<Project[]> {
  const page = await repo.listProjects(db, scope, { page: 1, pageSize: 10_000 });

  return page.items;
}

export async function getProject(db: Database, ctx: RequestContext, id: number): Promise<Project> {
  const project = await repo.findProject(db, scopeOf(ctx), id);
  if (!project) throw notFound('project');

  return project;
}

/** Opens a project (项目/小区); its creator may see it even with a narrowed scope. */
export async function createProject(
  db: Database,
  ctx: RequestContext,
  input: CreateProjectInput,
): Promise<Project> {
  const actor = requireActor(ctx);
  const scope = scopeOf(ctx);

  const id = await inTransaction(db, async (tx) => {
    if (await repo.projectCodeTaken(tx, scope.orgId, input.code)) throw alreadyExists('code');

    const at = nowInstant();
    const projectId = await repo.insertProject(tx, {
      org_id: scope.orgId,
      name: input.name,
      code: input.code,
      address: input.address ?? null,
      type: input.type,
      area: toScaleOrNull(input.area, 2) ?? null,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    await repo.bumpAuthEpoch(tx, scope.orgId);
    if (scope.projectIds !== 'all') {
      await repo.addEmployeeProject(tx, { orgId: scope.orgId, employeeId: actor.id, projectId });
    }
    await recordAudit(tx, ctx, {
      action: 'project.create',
      entityType: 'project',
      entityId: projectId,
      projectId,
      after: input,
    });

    return projectId;
  });

  const created = await repo.findProject(db, { orgId: scope.orgId, projectIds: 'all' }, id);
  if (!created) throw notFound('project');

  return created;
}

/** Edits a project's archive or archives it; projects are never deleted. */
export async function updateProject(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateProjectInput,
): Promise<Project> {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findProject(tx, scope, id);
    if (!before) throw notFound('project');
    if (input.code && (await repo.projectCodeTaken(tx, scope.orgId, input.code, id))) {
      throw alreadyExists('code');
    }

    await repo.updateProject(tx, id, {
      ...input,
      area: toScaleOrNull(input.area, 2),
      updated_at: nowInstant(),
    });
    await repo.bumpAuthEpoch(tx, scope.orgId);
    await recordAudit(tx, ctx, {
      action: 'project.update',
      entityType: 'project',
      entityId: id,
      projectId: id,
      before,
      after: await repo.findProject(tx, scope, id),
    });
  });

  return getProject(db, ctx, id);
}

/**
 * A project id that arrives in a body or query must name an active project of the caller's
 * company inside their scope; otherwise the field is refused (400), with no hint of why.
 */
export async function assertProjectField(
  db: Database,
  ctx: RequestContext,
  projectId: number,
  field = 'projectId',
): Promise<void> {
  try {
    const project = await getProject(db, ctx, projectId);
    if (project.status !== 'active') throw invalidField(field, 'validation.unknown_project');
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw invalidField(field, 'validation.unknown_project');
    }
    throw error;
  }
}
