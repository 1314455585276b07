import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  type CompanyFixture,
  type Session,
  makeCompany,
  makeDepartment,
  makeEmployee,
  signIn,
  signedInEmployee,
  unique,
} from '../../test/factories.js';
import { type TestApp, setupTestApp } from '../../test/harness.js';
import { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from './auth.service.js';

const t = setupTestApp();
let company: CompanyFixture;
let admin: Session;

beforeAll(async () => {
  company = await makeCompany(t.db);
  admin = await signIn(t, { username: company.adminUsername, password: company.adminPassword });
});

afterEach(() => {
  vi.useRealTimers();
});

function login(app: TestApp, body: Record<string, unknown>) {
  return app.request({ method: 'POST', url: '/api/v1/auth/login', payload: body });
}

function me(session: Session) {
  return t.request({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
}

function asAdmin(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.request({ method, url, headers: admin.headers, payload });
}

describe('lockout after repeated wrong passwords', () => {
  test(`${LOCKOUT_FAILURES} wrong passwords lock the name: the right one is then refused with 423 until ${LOCKOUT_MINUTES} minutes pass`, async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });

    for (let attempt = 1; attempt <= LOCKOUT_FAILURES; attempt += 1) {
      const wrong = await login(t, { username: employee.username, password: 'wrong-password1' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    }

    const locked = await login(t, { username: employee.username, password: employee.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.message).toContain(String(LOCKOUT_MINUTES));

    vi.setSystemTime(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);
    const stillLocked = await login(t, {
      username: employee.username,
      password: employee.password,
    });
    expect(stillLocked.statusCode).toBe(423);

    vi.setSystemTime(Date.now() + 60_000 + 1_000);
    const open = await login(t, { username: employee.username, password: employee.password });
    expect(open.statusCode).toBe(200);
  });

  test('fewer wrong passwords than the limit do not lock, and a success starts the count again', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const wrong = { username: employee.username, password: 'wrong-password1' };
    const right = { username: employee.username, password: employee.password };

    for (let i = 1; i < LOCKOUT_FAILURES; i += 1) await login(t, wrong);
    expect((await login(t, right)).statusCode).toBe(200);
    for (let i = 1; i < LOCKOUT_FAILURES; i += 1) await login(t, wrong);

    expect((await login(t, right)).statusCode).toBe(200);
  });

  test('an unknown name answers exactly like a wrong password', async () => {
    const response = await login(t, { username: unique('nobody'), password: 'whatever1' });

    expect(response.statusCode).toBe(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('rate limit on signing in', () => {
  const limited = setupTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });

  test('the fourth sign-in within a minute, with a limit of 3, is refused with 429', async () => {
    const target = await makeCompany(limited.db);
    const body = { username: target.adminUsername, password: target.adminPassword };
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await login(limited, body)).statusCode).toBe(200);
    }

    const refused = await login(limited, body);

    expect(refused.statusCode).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(refused.body.requestId).toBe(refused.headers['x-request-id']);
  });
});

describe('sessions', () => {
  test('revoking one of my other sessions signs that session out at once, and keeps mine', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const mine = await signIn(t, employee);
    const other = await signIn(t, employee);

    const list = await t.request({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: mine.headers,
    });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.find((s: { current: boolean }) => s.current).id).toBe(mine.sessionId);

    const revoked = await t.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.sessionId}`,
      headers: mine.headers,
    });
    expect(revoked.statusCode).toBe(200);

    expect((await me(other)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
  });

  test('changing my password ends my other sessions; the old password no longer works', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const mine = await signIn(t, employee);
    const other = await signIn(t, employee);

    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-changes',
      headers: mine.headers,
      payload: { currentPassword: employee.password, newPassword: 'another456' },
    });
    expect(changed.statusCode).toBe(200);

    expect((await me(other)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
    expect(
      (await login(t, { username: employee.username, password: employee.password })).statusCode,
    ).toBe(401);
    expect(
      (await login(t, { username: employee.username, password: 'another456' })).statusCode,
    ).toBe(200);
  });

  test('a password change with the wrong current password is refused, naming currentPassword', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const session = await signIn(t, employee);

    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-changes',
      headers: session.headers,
      payload: { currentPassword: 'not-mine-123', newPassword: 'another456' },
    });

    expect(refused.statusCode).toBe(400);
    expect(refused.body.code).toBe('WRONG_PASSWORD');
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([
      'currentPassword',
    ]);
  });

  test('signing out ends the current session and clears the cookie', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const session = await signIn(t, employee);

    const out = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: session.headers,
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/aishang_session=;/);

    expect((await me(session)).statusCode).toBe(401);
  });

  test('a password reset by an administrator signs the employee out everywhere', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const session = await signIn(t, employee);

    const reset = await asAdmin('POST', `/api/v1/employees/${employee.id}/password-resets`, {
      newPassword: 'reset98765',
    });
    expect(reset.statusCode).toBe(200);

    expect((await me(session)).statusCode).toBe(401);
    expect(
      (await login(t, { username: employee.username, password: 'reset98765' })).statusCode,
    ).toBe(200);
  });
});

describe('session lifetime', () => {
  test('a session stops working once SESSION_TTL_HOURS have passed', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const session = await signIn(t, employee);
    expect((await me(session)).statusCode).toBe(200);

    vi.setSystemTime(Date.now() + t.config.SESSION_TTL_HOURS * 3_600_000 - 60_000);
    expect((await me(session)).statusCode).toBe(200);

    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect((await me(session)).statusCode).toBe(401);
  });
});

describe('sign-in channels', () => {
  test('an employee without app sign-in is refused on the app channel with 403', async () => {
    const employee = await makeEmployee(t.db, company.orgId, { appLogin: false });

    const refused = await login(t, {
      username: employee.username,
      password: employee.password,
      channel: 'app',
    });

    expect(refused.statusCode).toBe(403);
    expect(refused.body.code).toBe('LOGIN_CHANNEL_NOT_ALLOWED');
  });

  test("with app sign-in, the bearer token works and carries the department's app permissions", async () => {
    const department = await makeDepartment(t.db, company.orgId, {
      consolePermissions: ['org.project.view', 'org.department.view', 'audit.log.view'],
      appPermissions: ['org.employee.view'],
    });
    const employee = await makeEmployee(t.db, company.orgId, {
      departmentId: department.id,
      appLogin: true,
    });

    const response = await login(t, {
      username: employee.username,
      password: employee.password,
      channel: 'app',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    const headers = { authorization: `Bearer ${response.body.token as string}` };

    const profile = await t.request({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toMatchObject({ channel: 'app', permissions: ['org.employee.view'] });

    const employees = await t.request({ method: 'GET', url: '/api/v1/employees', headers });
    const departments = await t.request({ method: 'GET', url: '/api/v1/departments', headers });
    expect(employees.statusCode).toBe(200);
    expect(departments.statusCode).toBe(403);
  });

  test('an employee without console sign-in cannot sign in to the console', async () => {
    const employee = await makeEmployee(t.db, company.orgId, {
      consoleLogin: false,
      appLogin: true,
    });

    const refused = await login(t, { username: employee.username, password: employee.password });

    expect(refused.statusCode).toBe(403);
    expect(refused.body.code).toBe('LOGIN_CHANNEL_NOT_ALLOWED');
  });

  test('taking console sign-in away ends a live console session at its next request', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const session = await signIn(t, employee);
    expect((await me(session)).statusCode).toBe(200);

    await asAdmin('PATCH', `/api/v1/employees/${employee.id}`, { consoleLogin: false });

    expect((await me(session)).statusCode).toBe(401);
  });
});

describe('disabled accounts', () => {
  test('a disabled employee cannot sign in, and the session they had stops working', async () => {
    const employee = await makeEmployee(t.db, company.orgId);
    const session = await signIn(t, employee);

    const disabled = await asAdmin('PATCH', `/api/v1/employees/${employee.id}`, {
      status: 'disabled',
    });
    expect(disabled.statusCode).toBe(200);

    expect((await me(session)).statusCode).toBe(401);
    const refused = await login(t, { username: employee.username, password: employee.password });
    expect(refused.statusCode).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
  });

  test("a disabled company's staff are signed out and cannot sign in", async () => {
    const other = await makeCompany(t.db);
    const session = await signIn(t, {
      username: other.adminUsername,
      password: other.adminPassword,
    });
    const platform = await platformSession();

    const disabled = await t.request({
      method: 'PATCH',
      url: `/api/v1/companies/${other.orgId}`,
      headers: platform.headers,
      payload: { status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);

    expect((await me(session)).statusCode).toBe(401);
    const refused = await login(t, {
      username: other.adminUsername,
      password: other.adminPassword,
    });
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('permission changes', () => {
  test("a department's new permissions apply at the caller's next request, without signing in again", async () => {
    const { department, session } = await signedInEmployee(t, company.orgId, {
      employee: { allProjects: true },
    });
    const projects = () =>
      t.request({ method: 'GET', url: '/api/v1/projects', headers: session.headers });
    expect((await projects()).statusCode).toBe(403);

    await asAdmin('PATCH', `/api/v1/departments/${department.id}`, {
      consolePermissions: ['org.project.view'],
    });
    expect((await projects()).statusCode).toBe(200);

    await asAdmin('PATCH', `/api/v1/departments/${department.id}`, { consolePermissions: [] });
    expect((await projects()).statusCode).toBe(403);
  });

  test('moving an employee to another department gives them that department permissions at once', async () => {
    const { employee, session } = await signedInEmployee(t, company.orgId, {
      employee: { allProjects: true },
    });
    const viewers = await makeDepartment(t.db, company.orgId, {
      consolePermissions: ['org.project.view'],
    });

    await asAdmin('PATCH', `/api/v1/employees/${employee.id}`, { departmentId: viewers.id });

    const projects = await t.request({
      method: 'GET',
      url: '/api/v1/projects',
      headers: session.headers,
    });
    expect(projects.statusCode).toBe(200);
  });
});

async function platformSession(): Promise<Session> {
  const { makePlatformAdmin } = await import('../../test/factories.js');

  return signIn(t, await makePlatformAdmin(t.db));
}
