import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, alreadyExists, invalidField, notFound } from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import { hashPassword, isStrongEnough } from '../../platform/password.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { revokeAllSessions } from '../auth/auth.service.js';
import type {
  ButlerAssignmentsInput,
  CreateEmployeeInput,
  EmployeeListQuery,
  UpdateEmployeeInput,
} from './org.schemas.js';
import { maskMobile } from '../../platform/validators.js';
import { projectsOfBuildings } from '../resources/building.service.js';
import { EMPLOYEE_VIEW_SENSITIVE } from './org.permissions.js';
import * as repo from './org.repository.js';

type EmployeeRecord = NonNullable<Awaited<ReturnType<typeof repo.findEmployee>>>;

export type Employee = Omit<EmployeeRecord, 'consoleLogin' | 'appLogin' | 'allProjects'> & {
  consoleLogin: boolean;
  appLogin: boolean;
  allProjects: boolean;
};

export type EmployeeDetail = Employee & {
  projectIds: number[];
  buildingIds: number[];
  butlerAssignments: { projectId: number; resourceType: 'building' | 'room'; resourceId: number }[];
};

function toEmployee(row: EmployeeRecord): Employee {
  return {
    ...row,
    consoleLogin: row.consoleLogin === 1,
    appLogin: row.appLogin === 1,
    allProjects: row.allProjects === 1,
  };
}

export async function listEmployees(
  db: Database,
  ctx: RequestContext,
  query: EmployeeListQuery,
): Promise<Page<Employee>> {
  const page = await repo.listEmployees(db, scopeOf(ctx).orgId, query);

  return { ...page, items: page.items.map((row) => present(ctx, toEmployee(row))) };
}

/** Staff phone numbers are personal data: masked for callers without the permission to see them. */
function present<T extends { phone: string | null }>(ctx: RequestContext, employee: T): T {
  if (!employee.phone || ctx.actor?.permissions.has(EMPLOYEE_VIEW_SENSITIVE)) return employee;

  return { ...employee, phone: maskMobile(employee.phone) };
}

async function loadDetail(db: Database, orgId: number, id: number): Promise<EmployeeDetail> {
  const row = await repo.findEmployee(db, orgId, id);
  if (!row) throw notFound('employee');
  const assignments = await repo.listButlerAssignments(db, id);

  return {
    ...toEmployee(row),
    projectIds: await repo.employeeProjectIds(db, id),
    buildingIds: await repo.employeeBuildingIds(db, id),
    butlerAssignments: assignments.map(({ projectId, resourceType, resourceId }) => ({
      projectId,
      resourceType,
      resourceId,
    })),
  };
}

export async function getEmployee(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<EmployeeDetail> {
  return present(ctx, await loadDetail(db, scopeOf(ctx).orgId, id));
}

async function assertDepartment(db: Database, orgId: number, departmentId: number): Promise<void> {
  if (!(await repo.findDepartment(db, orgId, departmentId))) {
    throw invalidField('departmentId', 'validation.unknown_department');
  }
}

async function assertProjects(db: Database, orgId: number, projectIds: number[], field: string) {
  const known = new Set(await repo.companyProjectIds(db, orgId));
  const index = projectIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw invalidField(`${field}.${index}`, 'validation.unknown_project');
}

/** Adds a staff member with a sign-in, a department and the projects they may see. */
export async function createEmployee(
  db: Database,
  ctx: RequestContext,
  input: CreateEmployeeInput,
): Promise<EmployeeDetail> {
  const { orgId } = scopeOf(ctx);
  if (!isStrongEnough(input.password)) throw invalidField('password', 'validation.password');
  const passwordHash = await hashPassword(input.password);

  const id = await inTransaction(db, async (tx) => {
    await assertDepartment(tx, orgId, input.departmentId);
    await assertProjects(tx, orgId, input.projectIds, 'projectIds');
    if (await repo.usernameTaken(tx, input.username)) throw alreadyExists('username');
    if (input.phone && (await repo.phoneTaken(tx, input.phone))) throw alreadyExists('phone');

    const at = nowInstant();
    const employeeId = await repo.insertEmployee(tx, {
      org_id: orgId,
      department_id: input.departmentId,
      name: input.name,
      phone: input.phone ?? null,
      username: input.username,
      password_hash: passwordHash,
      console_login: input.consoleLogin ? 1 : 0,
      app_login: input.appLogin ? 1 : 0,
      all_projects: input.allProjects ? 1 : 0,
      status: input.status,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceEmployeeProjects(tx, {
      orgId,
      employeeId,
      projectIds: [...new Set(input.projectIds)],
    });
    await recordAudit(tx, ctx, {
      action: 'employee.create',
      entityType: 'employee',
      entityId: employeeId,
      after: input,
    });

    return employeeId;
  });

  return present(ctx, await loadDetail(db, orgId, id));
}

/** Edits an employee; disabling one, or taking away a sign-in, ends their sessions. */
export async function updateEmployee(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateEmployeeInput,
): Promise<EmployeeDetail> {
  const { orgId } = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findEmployee(tx, orgId, id);
    if (!before) throw notFound('employee');
    if (input.departmentId) await assertDepartment(tx, orgId, input.departmentId);
    if (input.phone && (await repo.phoneTaken(tx, input.phone, id))) throw alreadyExists('phone');

    await repo.updateEmployee(tx, id, {
      name: input.name,
      phone: input.phone,
      department_id: input.departmentId,
      console_login: input.consoleLogin === undefined ? undefined : input.consoleLogin ? 1 : 0,
      app_login: input.appLogin === undefined ? undefined : input.appLogin ? 1 : 0,
      status: input.status,
      updated_at: nowInstant(),
    });
    await repo.bumpAuthEpoch(tx, orgId);
    if (input.status === 'disabled') await revokeAllSessions(tx, { kind: 'employee', id });
    await recordAudit(tx, ctx, {
      action: 'employee.update',
      entityType: 'employee',
      entityId: id,
      before: toEmployee(before),
      after: toEmployee((await repo.findEmployee(tx, orgId, id))!),
    });
  });

  return present(ctx, await loadDetail(db, orgId, id));
}

/** Sets a new password chosen by an administrator and signs the employee out everywhere. */
export async function resetPassword(
  db: Database,
  ctx: RequestContext,
  id: number,
  newPassword: string,
): Promise<void> {
  const { orgId } = scopeOf(ctx);
  if (!(await repo.findEmployee(db, orgId, id))) throw notFound('employee');
  if (!isStrongEnough(newPassword)) throw invalidField('newPassword', 'validation.password');
  const passwordHash = await hashPassword(newPassword);

  await inTransaction(db, async (tx) => {
    await repo.updateEmployee(tx, id, { password_hash: passwordHash, updated_at: nowInstant() });
    await revokeAllSessions(tx, { kind: 'employee', id });
    await recordAudit(tx, ctx, {
      action: 'employee.password-reset',
      entityType: 'employee',
      entityId: id,
    });
  });
}

/** Decides which projects an employee sees: all of the company's, or a list. */
export async function setEmployeeProjects(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: { allProjects: boolean; projectIds: number[]; buildingIds?: number[] },
): Promise<EmployeeDetail> {
  const { orgId } = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await loadDetail(tx, orgId, id);
    await assertProjects(tx, orgId, input.projectIds, 'projectIds');

    const projectIds = [...new Set(input.projectIds)];
    const buildingIds = [...new Set(input.buildingIds ?? [])];
    const buildingProject = await projectsOfBuildings(tx, orgId, buildingIds);
    const outside = buildingIds.findIndex((buildingId) => {
      const projectId = buildingProject.get(buildingId);
      return projectId === undefined || (!input.allProjects && !projectIds.includes(projectId));
    });
    if (outside >= 0) throw invalidField(`buildingIds.${outside}`, 'validation.unknown_building');
    await repo.replaceEmployeeBuildings(tx, { orgId, employeeId: id, buildingIds });
    await repo.updateEmployee(tx, id, {
      all_projects: input.allProjects ? 1 : 0,
      updated_at: nowInstant(),
    });
    await repo.replaceEmployeeProjects(tx, { orgId, employeeId: id, projectIds });
    await repo.bumpAuthEpoch(tx, orgId);
    await recordAudit(tx, ctx, {
      action: 'employee.projects-set',
      entityType: 'employee',
      entityId: id,
      before: {
        allProjects: before.allProjects,
        projectIds: before.projectIds,
        buildingIds: before.buildingIds,
      },
      after: { allProjects: input.allProjects, projectIds, buildingIds },
    });
  });

  return present(ctx, await loadDetail(db, orgId, id));
}

/**
 * Makes an employee the butler (物业管家) of buildings or rooms. Until the property archive
 * exists, the resource ids are checked only against the employee's company projects.
 */
export async function setButlerAssignments(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: ButlerAssignmentsInput,
): Promise<EmployeeDetail> {
  const { orgId } = scopeOf(ctx);
  const seen = new Set<string>();
  input.assignments.forEach((a, index) => {
    const key = `${a.resourceType}:${a.resourceId}`;
    if (seen.has(key)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: `assignments.${index}.resourceId`, message: 'validation.taken' }],
      });
    }
    seen.add(key);
  });

  await inTransaction(db, async (tx) => {
    const before = await loadDetail(tx, orgId, id);
    const known = new Set(await repo.companyProjectIds(tx, orgId));
    const unknown = input.assignments.findIndex((a) => !known.has(a.projectId));
    if (unknown >= 0) {
      throw invalidField(`assignments.${unknown}.projectId`, 'validation.unknown_project');
    }

    await repo.replaceButlerAssignments(tx, {
      orgId,
      employeeId: id,
      at: nowInstant(),
      assignments: input.assignments,
    });
    await recordAudit(tx, ctx, {
      action: 'employee.butler-assignments-set',
      entityType: 'employee',
      entityId: id,
      before: before.butlerAssignments,
      after: input.assignments,
    });
  });

  return present(ctx, await loadDetail(db, orgId, id));
}
