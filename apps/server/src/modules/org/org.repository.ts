import type { Database } from '../../db/database.js';
import type {
  DepartmentTable,
  EmployeeTable,
  PlatformAdminTable,
  ProjectTable,
} from '../../db/schema.js';
import type { Page } from '../../platform/http.js';
import { contains } from '../../platform/query.js';
import { type Scope, inScope } from '../../platform/scope.js';

function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/* ---------------------------------------------------------------- companies */

const companyColumns = [
  'company.id',
  'company.name',
  'company.code',
  'company.contact_name as contactName',
  'company.contact_phone as contactPhone',
  'company.status',
  'company.created_at as createdAt',
] as const;

export async function listCompanies(
  db: Database,
  filter: { q?: string; page: number; pageSize: number },
) {
  let query = db.selectFrom('company');
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([contains('name', q), contains('code', q)]));
  }

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select(companyColumns)
    .orderBy('company.id')
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize))
    .execute();

  return { items, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export function findCompany(db: Database, id: number) {
  return db.selectFrom('company').select(companyColumns).where('id', '=', id).executeTakeFirst();
}

export async function companyCodeTaken(db: Database, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('company')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();

  return row !== undefined;
}

export async function insertCompany(
  db: Database,
  company: {
    name: string;
    code: string;
    contactName: string | null;
    contactPhone: string | null;
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('company')
    .values({
      name: company.name,
      code: company.code,
      contact_name: company.contactName,
      contact_phone: company.contactPhone,
      status: 'active',
      created_at: company.at,
      updated_at: company.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateCompany(
  db: Database,
  id: number,
  changes: {
    name?: string;
    contact_name?: string | null;
    contact_phone?: string | null;
    status?: 'active' | 'disabled';
    updated_at: string;
  },
): Promise<void> {
  await db.updateTable('company').set(changes).where('id', '=', id).execute();
}

/** Tells every process that cached sessions of this company must be rebuilt. */
export async function bumpAuthEpoch(db: Database, orgId: number): Promise<void> {
  await db
    .updateTable('company')
    .set((eb) => ({ auth_epoch: eb('auth_epoch', '+', 1) }))
    .where('id', '=', orgId)
    .execute();
}

/* ----------------------------------------------------------------- projects */

const projectColumns = [
  'project.id',
  'project.name',
  'project.code',
  'project.address',
  'project.type',
  'project.area',
  'project.status',
  'project.created_at as createdAt',
] as const;

export interface ProjectFilter {
  q?: string;
  status?: 'active' | 'archived';
  type?: ProjectTable['type'];
}

export async function listProjects(
  db: Database,
  scope: Scope,
  filter: ProjectFilter & { page: number; pageSize: number },
) {
  let query = db
    .selectFrom('project')
    .where(inScope(scope, { org: 'project.org_id', project: 'project.id' }));
  if (filter.status) query = query.where('project.status', '=', filter.status);
  if (filter.type) query = query.where('project.type', '=', filter.type);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([contains('project.name', q), contains('project.code', q)]));
  }

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select(projectColumns)
    .orderBy('project.code')
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize))
    .execute();

  return { items, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export function findProject(db: Database, scope: Scope, id: number) {
  return db
    .selectFrom('project')
    .select(projectColumns)
    .where(inScope(scope, { org: 'project.org_id', project: 'project.id' }))
    .where('project.id', '=', id)
    .executeTakeFirst();
}

/** Every project of a company, ignoring the caller's narrower scope (for checking ids). */
export async function companyProjectIds(db: Database, orgId: number): Promise<number[]> {
  const rows = await db.selectFrom('project').select('id').where('org_id', '=', orgId).execute();

  return rows.map((r) => r.id);
}

export async function projectCodeTaken(
  db: Database,
  orgId: number,
  code: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('project')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertProject(
  db: Database,
  project: Omit<ProjectTable, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('project')
    .values(project)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateProject(
  db: Database,
  id: number,
  changes: Partial<Omit<ProjectTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('project').set(changes).where('id', '=', id).execute();
}

/* -------------------------------------------------------------- departments */

const departmentColumns = [
  'department.id',
  'department.parent_id as parentId',
  'department.name',
  'department.sort_order as sortOrder',
  'department.console_permissions as consolePermissions',
  'department.app_permissions as appPermissions',
  'department.created_at as createdAt',
] as const;

export function listDepartments(db: Database, orgId: number) {
  return db
    .selectFrom('department')
    .select(departmentColumns)
    .select((eb) =>
      eb
        .selectFrom('employee')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('employee.department_id', '=', 'department.id')
        .as('employeeCount'),
    )
    .where('department.org_id', '=', orgId)
    .orderBy('department.sort_order')
    .orderBy('department.id')
    .execute();
}

export function findDepartment(db: Database, orgId: number, id: number) {
  return db
    .selectFrom('department')
    .select(departmentColumns)
    .where('department.org_id', '=', orgId)
    .where('department.id', '=', id)
    .executeTakeFirst();
}

export async function insertDepartment(
  db: Database,
  department: Omit<DepartmentTable, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('department')
    .values(department)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateDepartment(
  db: Database,
  id: number,
  changes: Partial<Omit<DepartmentTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('department').set(changes).where('id', '=', id).execute();
}

export async function deleteDepartment(db: Database, id: number): Promise<void> {
  await db.deleteFrom('department').where('id', '=', id).execute();
}

export async function departmentUsage(
  db: Database,
  id: number,
): Promise<{ children: number; employees: number }> {
  const children = await db
    .selectFrom('department')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const employees = await db
    .selectFrom('employee')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', id)
    .executeTakeFirstOrThrow();

  return { children: Number(children.n), employees: Number(employees.n) };
}

/* ---------------------------------------------------------------- employees */

const employeeColumns = [
  'employee.id',
  'employee.name',
  'employee.phone',
  'employee.username',
  'employee.department_id as departmentId',
  'department.name as departmentName',
  'employee.console_login as consoleLogin',
  'employee.app_login as appLogin',
  'employee.all_projects as allProjects',
  'employee.status',
  'employee.created_at as createdAt',
] as const;

export interface EmployeeFilter {
  q?: string;
  departmentId?: number;
  status?: 'active' | 'disabled';
}

export async function listEmployees(
  db: Database,
  orgId: number,
  filter: EmployeeFilter & { page: number; pageSize: number },
) {
  let query = db
    .selectFrom('employee')
    .innerJoin('department', 'department.id', 'employee.department_id')
    .where('employee.org_id', '=', orgId);
  if (filter.departmentId) query = query.where('employee.department_id', '=', filter.departmentId);
  if (filter.status) query = query.where('employee.status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        contains('employee.name', q),
        contains('employee.username', q),
        contains('employee.phone', q),
      ]),
    );
  }

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await query
    .select(employeeColumns)
    .orderBy('employee.id')
    .limit(filter.pageSize)
    .offset(offsetOf(filter.page, filter.pageSize))
    .execute();

  return { items, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export function findEmployee(db: Database, orgId: number, id: number) {
  return db
    .selectFrom('employee')
    .innerJoin('department', 'department.id', 'employee.department_id')
    .select(employeeColumns)
    .where('employee.org_id', '=', orgId)
    .where('employee.id', '=', id)
    .executeTakeFirst();
}

/** Whether a name already signs someone in: an employee's username or phone, or an admin's. */
export async function usernameTaken(db: Database, username: string): Promise<boolean> {
  const employee = await db
    .selectFrom('employee')
    .select('id')
    .where((eb) => eb.or([eb('username', '=', username), eb('phone', '=', username)]))
    .executeTakeFirst();
  if (employee) return true;
  const admin = await db
    .selectFrom('platform_admin')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();

  return admin !== undefined;
}

/** Whether a phone already signs someone else in, as a phone or as a username. */
export async function phoneTaken(db: Database, phone: string, exceptId?: number): Promise<boolean> {
  let query = db
    .selectFrom('employee')
    .select('id')
    .where((eb) => eb.or([eb('phone', '=', phone), eb('username', '=', phone)]));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if ((await query.executeTakeFirst()) !== undefined) return true;

  const admin = await db
    .selectFrom('platform_admin')
    .select('id')
    .where('username', '=', phone)
    .executeTakeFirst();

  return admin !== undefined;
}

export async function insertEmployee(
  db: Database,
  employee: Omit<EmployeeTable, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('employee')
    .values(employee)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function updateEmployee(
  db: Database,
  id: number,
  changes: Partial<Omit<EmployeeTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('employee').set(changes).where('id', '=', id).execute();
}

export async function employeeProjectIds(db: Database, employeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('employee_project')
    .select('project_id')
    .where('employee_id', '=', employeeId)
    .orderBy('project_id')
    .execute();

  return rows.map((r) => r.project_id);
}

export async function replaceEmployeeProjects(
  db: Database,
  employee: { orgId: number; employeeId: number; projectIds: number[] },
): Promise<void> {
  await db.deleteFrom('employee_project').where('employee_id', '=', employee.employeeId).execute();
  if (employee.projectIds.length === 0) return;

  await db
    .insertInto('employee_project')
    .values(
      employee.projectIds.map((projectId) => ({
        org_id: employee.orgId,
        employee_id: employee.employeeId,
        project_id: projectId,
      })),
    )
    .execute();
}

export async function addEmployeeProject(
  db: Database,
  row: { orgId: number; employeeId: number; projectId: number },
): Promise<void> {
  await db
    .insertInto('employee_project')
    .values({ org_id: row.orgId, employee_id: row.employeeId, project_id: row.projectId })
    .onConflict((oc) => oc.columns(['employee_id', 'project_id']).doNothing())
    .execute();
}

/* ------------------------------------------------------------------ butlers */

export function listButlerAssignments(db: Database, employeeId: number) {
  return db
    .selectFrom('butler_assignment')
    .select([
      'id',
      'project_id as projectId',
      'resource_type as resourceType',
      'resource_id as resourceId',
      'created_at as createdAt',
    ])
    .where('employee_id', '=', employeeId)
    .orderBy('id')
    .execute();
}

export async function replaceButlerAssignments(
  db: Database,
  employee: {
    orgId: number;
    employeeId: number;
    at: string;
    assignments: { projectId: number; resourceType: 'building' | 'room'; resourceId: number }[];
  },
): Promise<void> {
  await db.deleteFrom('butler_assignment').where('employee_id', '=', employee.employeeId).execute();
  if (employee.assignments.length === 0) return;

  await db
    .insertInto('butler_assignment')
    .values(
      employee.assignments.map((a) => ({
        org_id: employee.orgId,
        employee_id: employee.employeeId,
        project_id: a.projectId,
        resource_type: a.resourceType,
        resource_id: a.resourceId,
        created_at: employee.at,
      })),
    )
    .execute();
}

export async function insertPlatformAdmin(
  db: Database,
  admin: Omit<PlatformAdminTable, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('platform_admin')
    .values(admin)
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

export async function findEmployeeIdByUsername(
  db: Database,
  username: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('employee')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();

  return row?.id;
}

export async function companyCount(db: Database): Promise<number> {
  const row = await db
    .selectFrom('company')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  return Number(row.n);
}

export type { Page };

export async function employeeBuildingIds(db: Database, employeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('employee_building')
    .select('building_id')
    .where('employee_id', '=', employeeId)
    .orderBy('building_id')
    .execute();

  return rows.map((r) => r.building_id);
}

export async function replaceEmployeeBuildings(
  db: Database,
  employee: { orgId: number; employeeId: number; buildingIds: number[] },
): Promise<void> {
  await db.deleteFrom('employee_building').where('employee_id', '=', employee.employeeId).execute();
  if (employee.buildingIds.length === 0) return;

  await db
    .insertInto('employee_building')
    .values(
      employee.buildingIds.map((buildingId) => ({
        org_id: employee.orgId,
        employee_id: employee.employeeId,
        building_id: buildingId,
      })),
    )
    .execute();
}
