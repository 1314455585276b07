import type { Database } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { alreadyExists, invalidField, notFound } from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import { hashPassword, isStrongEnough } from '../../platform/password.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { permissionCatalogue } from '../catalogue.js';
import type { CreateCompanyInput, UpdateCompanyInput } from './org.schemas.js';
import * as repo from './org.repository.js';

export type Company = NonNullable<Awaited<ReturnType<typeof repo.findCompany>>>;

export function listCompanies(
  db: Database,
  filter: { q?: string; page: number; pageSize: number },
): Promise<Page<Company>> {
  return repo.listCompanies(db, filter);
}

export async function getCompany(db: Database, id: number): Promise<Company> {
  const company = await repo.findCompany(db, id);
  if (!company) throw notFound('company');

  return company;
}

/**
 * Opens a new company (tenant) with its first department, 管理处, holding every permission,
 * and its first administrator, who sees every project.
 */
export async function createCompany(
  db: Database,
  ctx: RequestContext,
  input: CreateCompanyInput,
): Promise<Company> {
  if (!isStrongEnough(input.adminPassword)) {
    throw invalidField('adminPassword', 'validation.password');
  }
  const passwordHash = await hashPassword(input.adminPassword);

  const id = await inTransaction(db, async (tx) => {
    if (await repo.companyCodeTaken(tx, input.code)) throw alreadyExists('code');
    if (await repo.usernameTaken(tx, input.adminUsername)) throw alreadyExists('adminUsername');

    const at = nowInstant();
    const orgId = await repo.insertCompany(tx, {
      name: input.name,
      code: input.code,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      at,
    });
    const departmentId = await repo.insertDepartment(tx, {
      org_id: orgId,
      parent_id: null,
      name: '管理处',
      sort_order: 0,
      console_permissions: JSON.stringify(permissionCatalogue.codes('console')),
      app_permissions: JSON.stringify(permissionCatalogue.codes('app')),
      created_at: at,
      updated_at: at,
    });
    await repo.insertEmployee(tx, {
      org_id: orgId,
      department_id: departmentId,
      name: input.adminName,
      phone: null,
      username: input.adminUsername,
      password_hash: passwordHash,
      console_login: 1,
      app_login: 1,
      all_projects: 1,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'company.create',
      entityType: 'company',
      entityId: orgId,
      orgId,
      after: { ...input, adminPassword: undefined },
    });

    return orgId;
  });

  return getCompany(db, id);
}

/** Renames or disables a company; a disabled company's staff can no longer sign in. */
export async function updateCompany(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateCompanyInput,
): Promise<Company> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findCompany(tx, id);
    if (!before) throw notFound('company');

    await repo.updateCompany(tx, id, {
      name: input.name,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      status: input.status,
      updated_at: nowInstant(),
    });
    await repo.bumpAuthEpoch(tx, id);
    await recordAudit(tx, ctx, {
      action: 'company.update',
      entityType: 'company',
      entityId: id,
      orgId: id,
      before,
      after: await repo.findCompany(tx, id),
    });
  });

  return getCompany(db, id);
}
