import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { permissionCatalogue } from '../modules/catalogue.js';
import { type Company, createCompany } from '../modules/org/company.service.js';
import { type Department, createDepartment } from '../modules/org/department.service.js';
import { type EmployeeDetail, createEmployee } from '../modules/org/employee.service.js';
import type {
  CreateCompanyInput,
  CreateDepartmentInput,
  CreateEmployeeInput,
  CreateProjectInput,
} from '../modules/org/org.schemas.js';
import { findEmployeeIdByUsername } from '../modules/org/org.repository.js';
import { createPlatformAdmin } from '../modules/org/platform-admin.service.js';
import { type Project, createProject } from '../modules/org/project.service.js';
import { type RequestContext, systemContext } from '../platform/context.js';
import type { TestApp } from './harness.js';

let sequence = 0;

/** A value no other fixture in this file holds: `proj-7`. */
export function unique(prefix: string): string {
  sequence += 1;

  return `${prefix}${sequence}${Math.random().toString(36).slice(2, 6)}`;
}

export const PASSWORD = 'secret123';

/** Acts as an administrator of one company who sees every project, as the seed does. */
export function companyContext(orgId: number, actorId = 0): RequestContext {
  return systemContext({
    requestId: 'test-fixture',
    actor: {
      kind: 'employee',
      id: actorId,
      orgId,
      name: 'fixture',
      username: 'fixture',
      channel: 'console',
      sessionId: 'fixture',
      permissions: new Set(permissionCatalogue.codes('console')),
      projectIds: 'all',
      authEpoch: 0,
    },
  });
}

export interface CompanyFixture {
  company: Company;
  orgId: number;
  adminId: number;
  adminUsername: string;
  adminPassword: string;
  /** Acts as that administrator when calling services directly. */
  ctx: RequestContext;
}

/** Opens a company through the service, with its 管理处 and first administrator. */
export async function makeCompany(
  db: Database,
  overrides: Partial<CreateCompanyInput> = {},
): Promise<CompanyFixture> {
  const input: CreateCompanyInput = {
    name: unique('物业公司'),
    code: unique('co'),
    contactName: null,
    contactPhone: null,
    adminUsername: unique('admin'),
    adminName: '管理员',
    adminPassword: PASSWORD,
    ...overrides,
  };
  const company = await createCompany(db, systemContext({ requestId: 'test-fixture' }), input);
  const adminId = await findEmployeeIdByUsername(db, input.adminUsername);
  if (adminId === undefined) throw new Error('company administrator missing');

  return {
    company,
    orgId: company.id,
    adminId,
    adminUsername: input.adminUsername,
    adminPassword: input.adminPassword,
    ctx: companyContext(company.id, adminId),
  };
}

export function makeProject(
  db: Database,
  orgId: number,
  overrides: Partial<CreateProjectInput> = {},
): Promise<Project> {
  return createProject(db, companyContext(orgId), {
    name: unique('项目'),
    code: unique('P'),
    type: 'residential',
    ...overrides,
  });
}

export function makeDepartment(
  db: Database,
  orgId: number,
  overrides: Partial<CreateDepartmentInput> = {},
): Promise<Department> {
  return createDepartment(db, companyContext(orgId), {
    name: unique('部门'),
    consolePermissions: [],
    appPermissions: [],
    ...overrides,
  });
}

export type EmployeeFixture = EmployeeDetail & { password: string };

/** Adds an employee with a known password; without a department, one is made for them. */
export async function makeEmployee(
  db: Database,
  orgId: number,
  overrides: Partial<CreateEmployeeInput> = {},
): Promise<EmployeeFixture> {
  const departmentId = overrides.departmentId ?? (await makeDepartment(db, orgId)).id;
  const input: CreateEmployeeInput = {
    name: unique('员工'),
    phone: null,
    username: unique('user'),
    password: PASSWORD,
    departmentId,
    consoleLogin: true,
    appLogin: false,
    allProjects: false,
    projectIds: [],
    status: 'active',
    ...overrides,
  };
  const employee = await createEmployee(db, companyContext(orgId), input);

  return { ...employee, password: input.password };
}

export async function makePlatformAdmin(
  db: Database,
): Promise<{ id: number; username: string; password: string }> {
  const username = unique('platform');
  const id = await createPlatformAdmin(db, { username, name: '平台管理员', password: PASSWORD });

  return { id, username, password: PASSWORD };
}

/** A signed-in caller: the headers to send, and the session behind them. */
export interface Session {
  headers: Record<string, string>;
  token: string;
  /** The session's id as `/auth/sessions` shows it. */
  sessionId: string;
}

export interface SignInOptions {
  username: string;
  password: string;
  channel?: 'console' | 'app';
}

/** Signs in through the API: a cookie for the console, a bearer token for the app. */
export async function signIn(t: TestApp, options: SignInOptions): Promise<Session> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: options.username, password: options.password, channel: options.channel },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${options.username} failed: ${response.raw.body}`);
  }

  const token =
    options.channel === 'app'
      ? (response.body.token as string)
      : (response.raw.cookies.find((c) => c.name === 'aishang_session')?.value ?? '');
  const headers: Record<string, string> =
    options.channel === 'app'
      ? { authorization: `Bearer ${token}` }
      : { cookie: `aishang_session=${token}` };

  return { headers, token, sessionId: createHash('sha256').update(token).digest('hex') };
}

export interface SignedInEmployee {
  employee: EmployeeFixture;
  department: Department;
  session: Session;
}

/** An employee of a new department that grants exactly these permissions, signed in. */
export async function signedInEmployee(
  t: TestApp,
  orgId: number,
  options: {
    consolePermissions?: string[];
    appPermissions?: string[];
    employee?: Partial<CreateEmployeeInput>;
    channel?: 'console' | 'app';
  } = {},
): Promise<SignedInEmployee> {
  const department = await makeDepartment(t.db, orgId, {
    consolePermissions: options.consolePermissions ?? [],
    appPermissions: options.appPermissions ?? [],
  });
  const employee = await makeEmployee(t.db, orgId, {
    departmentId: department.id,
    appLogin: options.channel === 'app',
    ...options.employee,
  });
  const session = await signIn(t, {
    username: employee.username,
    password: employee.password,
    channel: options.channel,
  });

  return { employee, department, session };
}

/** Every console permission a department may grant. */
export function allConsolePermissions(): string[] {
  return permissionCatalogue.codes('console');
}
