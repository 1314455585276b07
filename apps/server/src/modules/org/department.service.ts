import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, type FieldIssue, invalidField, notFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import type { Channel } from '../../platform/permissions.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { permissionCatalogue } from '../catalogue.js';
import type { CreateDepartmentInput, UpdateDepartmentInput } from './org.schemas.js';
import * as repo from './org.repository.js';

export interface Department {
  id: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
  consolePermissions: string[];
  appPermissions: string[];
  employeeCount: number;
  createdAt: string;
}

type DepartmentRecord = Awaited<ReturnType<typeof repo.listDepartments>>[number];

function toDepartment(
  row: Omit<DepartmentRecord, 'employeeCount'> & { employeeCount?: unknown },
): Department {
  return {
    ...row,
    consolePermissions: JSON.parse(row.consolePermissions) as string[],
    appPermissions: JSON.parse(row.appPermissions) as string[],
    employeeCount: Number(row.employeeCount ?? 0),
  };
}

/** The permission tree shown in the department editor, labelled in the caller's language. */
export function permissionTree(locale: Locale) {
  return {
    groups: permissionCatalogue.groups.map((group) => ({
      module: group.module,
      label: locale === 'en-US' ? group.en : group.zh,
      permissions: group.permissions.map((p) => ({
        code: p.code,
        label: locale === 'en-US' ? p.en : p.zh,
        channels: [...p.channels],
      })),
    })),
  };
}

function checkPermissions(
  codes: string[] | undefined,
  channel: Channel,
  field: string,
): FieldIssue[] {
  return (codes ?? [])
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => !permissionCatalogue.grantable(code, channel))
    .map(({ code, index }) => ({
      field: `${field}.${index}`,
      message: 'validation.unknown_permission',
      params: { code },
    }));
}

function assertKnownPermissions(input: UpdateDepartmentInput): void {
  const issues = [
    ...checkPermissions(input.consolePermissions, 'console', 'consolePermissions'),
    ...checkPermissions(input.appPermissions, 'app', 'appPermissions'),
  ];
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
}

/** Every department of the caller's company, flat; the console draws the tree from parentId. */
export async function listDepartments(db: Database, ctx: RequestContext): Promise<Department[]> {
  const rows = await repo.listDepartments(db, scopeOf(ctx).orgId);

  return rows.map(toDepartment);
}

export async function getDepartment(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<Department> {
  const { orgId } = scopeOf(ctx);
  const row = await repo.findDepartment(db, orgId, id);
  if (!row) throw notFound('department');
  const usage = await repo.departmentUsage(db, id);

  return toDepartment({ ...row, employeeCount: usage.employees });
}

async function assertParentAllowed(
  db: Database,
  orgId: number,
  departmentId: number | null,
  parentId: number,
): Promise<void> {
  const all = await repo.listDepartments(db, orgId);
  const parentOf = new Map(all.map((d) => [d.id, d.parentId]));
  if (!parentOf.has(parentId)) throw invalidField('parentId', 'validation.unknown_department');

  for (let at: number | null = parentId; at !== null; at = parentOf.get(at) ?? null) {
    if (at === departmentId) throw invalidField('parentId', 'validation.parent_cycle');
  }
}

/** Adds a department with the permissions it grants on the console and in the app. */
export async function createDepartment(
  db: Database,
  ctx: RequestContext,
  input: CreateDepartmentInput,
): Promise<Department> {
  const { orgId } = scopeOf(ctx);
  assertKnownPermissions(input);

  const id = await inTransaction(db, async (tx) => {
    if (input.parentId) await assertParentAllowed(tx, orgId, null, input.parentId);

    const at = nowInstant();
    const departmentId = await repo.insertDepartment(tx, {
      org_id: orgId,
      parent_id: input.parentId ?? null,
      name: input.name,
      sort_order: input.sortOrder ?? 0,
      console_permissions: JSON.stringify(input.consolePermissions ?? []),
      app_permissions: JSON.stringify(input.appPermissions ?? []),
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'department.create',
      entityType: 'department',
      entityId: departmentId,
      after: input,
    });

    return departmentId;
  });

  return getDepartment(db, ctx, id);
}

/** Renames, moves or re-grants a department; its staff get the new permissions at once. */
export async function updateDepartment(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateDepartmentInput,
): Promise<Department> {
  const { orgId } = scopeOf(ctx);
  assertKnownPermissions(input);

  await inTransaction(db, async (tx) => {
    const before = await repo.findDepartment(tx, orgId, id);
    if (!before) throw notFound('department');
    if (input.parentId) await assertParentAllowed(tx, orgId, id, input.parentId);

    await repo.updateDepartment(tx, id, {
      name: input.name,
      parent_id: input.parentId,
      sort_order: input.sortOrder,
      console_permissions: input.consolePermissions && JSON.stringify(input.consolePermissions),
      app_permissions: input.appPermissions && JSON.stringify(input.appPermissions),
      updated_at: nowInstant(),
    });
    await repo.bumpAuthEpoch(tx, orgId);
    await recordAudit(tx, ctx, {
      action: 'department.update',
      entityType: 'department',
      entityId: id,
      before: toDepartment(before),
      after: toDepartment((await repo.findDepartment(tx, orgId, id))!),
    });
  });

  return getDepartment(db, ctx, id);
}

/** Removes an empty department: one with staff or sub-departments stays. */
export async function deleteDepartment(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<void> {
  const { orgId } = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findDepartment(tx, orgId, id);
    if (!before) throw notFound('department');
    const usage = await repo.departmentUsage(tx, id);
    if (usage.children > 0 || usage.employees > 0) {
      throw new AppError('IN_USE', { params: { entity: 'department' } });
    }

    await repo.deleteDepartment(tx, id);
    await repo.bumpAuthEpoch(tx, orgId);
    await recordAudit(tx, ctx, {
      action: 'department.delete',
      entityType: 'department',
      entityId: id,
      before: toDepartment(before),
    });
  });
}
