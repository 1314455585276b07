import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { getProject } from '../org/project.service.js';

/** A project id in a request body must name an active project the caller sees (else 400). */
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
