import type { RouteEntry } from '../app.js';
import type { Department } from '../modules/org/department.service.js';
import type { Project } from '../modules/org/project.service.js';
import { PLATFORM_PERMISSIONS, PUBLIC } from '../platform/permissions.js';
import {
  type CompanyFixture,
  type EmployeeFixture,
  PASSWORD,
  type Session,
  makeCompany,
  makeDepartment,
  makeEmployee,
  makePlatformAdmin,
  makeProject,
  signIn,
  unique,
} from './factories.js';
import { type TestApp, type TestResponse, fillPath } from './harness.js';
import { customFieldCalls } from './custom-field-calls.js';
import { discountCalls } from './discount-calls.js';
import { billingCalls } from './billing-calls.js';
import { feeCalls } from './fee-calls.js';
import { noticeCalls } from './notice-calls.js';
import { peopleCalls } from './people-factories.js';
import { resourceCalls } from './resources-calls.js';

/**
 * Two companies and a platform administrator, enough to call every route:
 * company A holds the data, company B is the neighbour who must not see it.
 */
export interface OrgFixture {
  a: CompanyFixture;
  admin: Session;
  projects: [Project, Project];
  department: Department;
  employee: EmployeeFixture;
  platform: Session;
  b: CompanyFixture;
  otherAdmin: Session;
}

export async function makeOrgFixture(t: TestApp): Promise<OrgFixture> {
  const a = await makeCompany(t.db);
  const projects: [Project, Project] = [
    await makeProject(t.db, a.orgId),
    await makeProject(t.db, a.orgId),
  ];
  const department = await makeDepartment(t.db, a.orgId, {
    consolePermissions: ['org.project.view'],
  });
  const employee = await makeEmployee(t.db, a.orgId, {
    departmentId: department.id,
    projectIds: [projects[0].id],
  });
  const platformAdmin = await makePlatformAdmin(t.db);
  const b = await makeCompany(t.db);

  return {
    a,
    admin: await signIn(t, { username: a.adminUsername, password: a.adminPassword }),
    projects,
    department,
    employee,
    platform: await signIn(t, platformAdmin),
    b,
    otherAdmin: await signIn(t, { username: b.adminUsername, password: b.adminPassword }),
  };
}

/** One call of a route: path values, body, and the caller when not the usual one. */
export interface RouteCall {
  params?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** A query string the route needs, such as `projectId=3`. */
  query?: string;
  /** A raw body (an uploaded file) instead of JSON, with its content type. */
  payload?: Buffer;
  contentType?: string;
}

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

export function routeKey(route: Pick<RouteEntry, 'method' | 'url'>): string {
  return `${route.method} ${route.url}`;
}

const freshAdminSession = (t: TestApp, fx: OrgFixture) =>
  signIn(t, { username: fx.a.adminUsername, password: fx.a.adminPassword });

/**
 * A call of each route that succeeds, made against company A. A new route needs a line here;
 * the tests that enumerate the route table fail until it has one.
 */
export const successfulCalls: Record<string, CallBuilder> = {
  'GET /api/health': async () => ({}),
  'POST /api/v1/auth/login': async (_t, fx) => ({
    body: { username: fx.a.adminUsername, password: fx.a.adminPassword },
  }),
  'POST /api/v1/auth/logout': async (t, fx) => ({
    headers: (await freshAdminSession(t, fx)).headers,
  }),
  'GET /api/v1/auth/me': async () => ({}),
  'POST /api/v1/auth/password-changes': async (t, fx) => {
    const employee = await makeEmployee(t.db, fx.a.orgId);
    const session = await signIn(t, employee);
    return {
      headers: session.headers,
      body: { currentPassword: PASSWORD, newPassword: 'changed12345' },
    };
  },
  'GET /api/v1/auth/sessions': async () => ({}),
  'DELETE /api/v1/auth/sessions/:id': async (t, fx) => ({
    params: { id: (await freshAdminSession(t, fx)).sessionId },
  }),
  'GET /api/v1/companies': async () => ({}),
  'POST /api/v1/companies': async () => ({
    body: {
      name: unique('新公司'),
      code: unique('new'),
      adminUsername: unique('boss'),
      adminName: '老板',
      adminPassword: PASSWORD,
    },
  }),
  'GET /api/v1/companies/:id': async (_t, fx) => ({ params: { id: fx.a.orgId } }),
  'PATCH /api/v1/companies/:id': async (_t, fx) => ({
    params: { id: fx.a.orgId },
    body: { contactName: '周经理' },
  }),
  'GET /api/v1/projects': async () => ({}),
  'GET /api/v1/projects/export': async () => ({}),
  'POST /api/v1/projects': async () => ({
    body: { name: unique('新项目'), code: unique('N'), type: 'commercial', area: '1200.50' },
  }),
  'GET /api/v1/projects/:id': async (_t, fx) => ({ params: { id: fx.projects[0].id } }),
  'PATCH /api/v1/projects/:id': async (_t, fx) => ({
    params: { id: fx.projects[0].id },
    body: { address: '上海市浦东新区爱尚路 1 号' },
  }),
  'GET /api/v1/permissions': async () => ({}),
  'GET /api/v1/departments': async () => ({}),
  'POST /api/v1/departments': async () => ({
    body: { name: unique('新部门'), consolePermissions: ['org.project.view'] },
  }),
  'GET /api/v1/departments/:id': async (_t, fx) => ({ params: { id: fx.department.id } }),
  'PATCH /api/v1/departments/:id': async (_t, fx) => ({
    params: { id: fx.department.id },
    body: { sortOrder: 3 },
  }),
  'DELETE /api/v1/departments/:id': async (t, fx) => ({
    params: { id: (await makeDepartment(t.db, fx.a.orgId)).id },
  }),
  'GET /api/v1/employees': async () => ({}),
  'GET /api/v1/employees/export': async () => ({}),
  'POST /api/v1/employees': async (_t, fx) => ({
    body: {
      name: '新员工',
      username: unique('new.user'),
      password: PASSWORD,
      departmentId: fx.department.id,
      projectIds: [fx.projects[0].id],
    },
  }),
  'GET /api/v1/employees/:id': async (_t, fx) => ({ params: { id: fx.employee.id } }),
  'PATCH /api/v1/employees/:id': async (_t, fx) => ({
    params: { id: fx.employee.id },
    body: { name: '改名员工' },
  }),
  'POST /api/v1/employees/:id/password-resets': async (t, fx) => ({
    params: { id: (await makeEmployee(t.db, fx.a.orgId)).id },
    body: { newPassword: 'reset12345' },
  }),
  'PUT /api/v1/employees/:id/projects': async (_t, fx) => ({
    params: { id: fx.employee.id },
    body: { allProjects: false, projectIds: [fx.projects[0].id] },
  }),
  'PUT /api/v1/employees/:id/butler-assignments': async (_t, fx) => ({
    params: { id: fx.employee.id },
    body: {
      assignments: [{ projectId: fx.projects[0].id, resourceType: 'building', resourceId: 1 }],
    },
  }),
  'GET /api/v1/audit-logs': async () => ({}),
  'GET /api/v1/audit-logs/export': async () => ({}),
  ...peopleCalls,
  ...resourceCalls,
  ...customFieldCalls,
  ...feeCalls,
  ...billingCalls,
  ...noticeCalls,
  ...discountCalls,
};

/** The usual caller of a route: nobody, the platform administrator or company A's admin. */
export function defaultCaller(route: RouteEntry, fx: OrgFixture): Record<string, string> {
  if (route.permission === PUBLIC) return {};
  if (PLATFORM_PERMISSIONS.includes(route.permission)) return fx.platform.headers;

  return fx.admin.headers;
}

export async function buildCall(t: TestApp, fx: OrgFixture, route: RouteEntry): Promise<RouteCall> {
  const builder = successfulCalls[routeKey(route)];
  if (!builder) throw new Error(`add a successful call of ${routeKey(route)} to test/routes.ts`);

  return builder(t, fx);
}

/** Sends a call of a route, as its usual caller unless told otherwise; `query` adds to the call's. */
export function send(
  t: TestApp,
  route: RouteEntry,
  call: RouteCall,
  headers: Record<string, string> = call.headers ?? {},
  query?: string,
): Promise<TestResponse> {
  const path = fillPath(route.url, call.params ?? {});
  const search = [call.query, query].filter(Boolean).join('&');
  const url = search ? `${path}?${search}` : path;
  if (call.payload) {
    return t.request({
      method: route.method as 'POST',
      url,
      headers: { ...headers, 'content-type': call.contentType ?? 'application/octet-stream' },
      payload: call.payload,
    });
  }
  const hasBody = call.body !== undefined;

  return t.request({
    method: route.method as 'GET',
    url,
    headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
    // Sent as JSON text so that strings, numbers and null arrive as they are.
    ...(hasBody ? { payload: JSON.stringify(call.body) } : {}),
  });
}

/** Routes that change data; a POST that only computes (a preview) says `readOnly`. */
export const isMutating = (route: RouteEntry) =>
  !route.readOnly && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);

/** Routes of the API proper (health and the document itself aside). */
export const apiRoutes = (table: RouteEntry[]) =>
  table.filter((route) => route.url.startsWith('/api/v1/'));
