import { beforeAll, describe, expect, test } from 'vitest';
import {
  type CompanyFixture,
  PASSWORD,
  type Session,
  makeCompany,
  makeDepartment,
  makeEmployee,
  makeProject,
  signIn,
  signedInEmployee,
  unique,
} from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';

const t = setupTestApp();
let company: CompanyFixture;
let admin: Session;

beforeAll(async () => {
  company = await makeCompany(t.db);
  admin = await signIn(t, { username: company.adminUsername, password: company.adminPassword });
});

function asAdmin(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.request({ method, url, headers: admin.headers, payload });
}

const fields = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field);

describe('projects', () => {
  test('a project code is unique within a company: the second use is 409 naming code', async () => {
    const code = unique('DUP');
    const first = await asAdmin('POST', '/api/v1/projects', {
      name: '一期',
      code,
      type: 'residential',
    });
    expect(first.statusCode).toBe(201);

    const second = await asAdmin('POST', '/api/v1/projects', {
      name: '二期',
      code,
      type: 'residential',
    });

    expect(second.statusCode).toBe(409);
    expect(second.body.code).toBe('ALREADY_EXISTS');
    expect(fields(second.body)).toEqual(['code']);
  });

  test('renaming a project to a code another project holds is refused the same way', async () => {
    const taken = await makeProject(t.db, company.orgId);
    const other = await makeProject(t.db, company.orgId);

    const response = await asAdmin('PATCH', `/api/v1/projects/${other.id}`, { code: taken.code });

    expect(response.statusCode).toBe(409);
    expect(fields(response.body)).toEqual(['code']);
  });

  test('another company may use the same project code', async () => {
    const code = unique('SAME');
    await makeProject(t.db, company.orgId, { code });
    const neighbour = await makeCompany(t.db);
    const neighbourAdmin = await signIn(t, {
      username: neighbour.adminUsername,
      password: neighbour.adminPassword,
    });

    const response = await t.request({
      method: 'POST',
      url: '/api/v1/projects',
      headers: neighbourAdmin.headers,
      payload: { name: '同名项目', code, type: 'mixed' },
    });

    expect(response.statusCode).toBe(201);
    expect(response.body.code).toBe(code);
  });
});

describe('simultaneous requests', () => {
  test('two simultaneous creations of the same project code: one is created, the other is 409', async () => {
    const code = unique('RACE');
    const create = () =>
      asAdmin('POST', '/api/v1/projects', { name: '并发', code, type: 'residential' });

    const statuses = (await Promise.all([create(), create()])).map((r) => r.statusCode).sort();

    expect(statuses).toEqual([201, 409]);
    const rows = await t.db.selectFrom('project').select('id').where('code', '=', code).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('employees', () => {
  test('a username is unique across all companies', async () => {
    const existing = await makeEmployee(t.db, company.orgId);
    const neighbour = await makeCompany(t.db);
    const neighbourAdmin = await signIn(t, {
      username: neighbour.adminUsername,
      password: neighbour.adminPassword,
    });
    const department = await makeDepartment(t.db, neighbour.orgId);

    const response = await t.request({
      method: 'POST',
      url: '/api/v1/employees',
      headers: neighbourAdmin.headers,
      payload: {
        name: '重名',
        username: existing.username,
        password: PASSWORD,
        departmentId: department.id,
      },
    });

    expect(response.statusCode).toBe(409);
    expect(fields(response.body)).toEqual(['username']);
  });

  test("an employee's projects must belong to the company, naming the offending entry", async () => {
    const own = await makeProject(t.db, company.orgId);
    const neighbour = await makeCompany(t.db);
    const foreign = await makeProject(t.db, neighbour.orgId);
    const department = await makeDepartment(t.db, company.orgId);

    const created = await asAdmin('POST', '/api/v1/employees', {
      name: '越界',
      username: unique('cross'),
      password: PASSWORD,
      departmentId: department.id,
      projectIds: [own.id, foreign.id],
    });
    expect(created.statusCode).toBe(400);
    expect(fields(created.body)).toEqual(['projectIds.1']);

    const employee = await makeEmployee(t.db, company.orgId);
    const set = await asAdmin('PUT', `/api/v1/employees/${employee.id}/projects`, {
      allProjects: false,
      projectIds: [foreign.id],
    });
    expect(set.statusCode).toBe(400);
    expect(fields(set.body)).toEqual(['projectIds.0']);
  });

  test('a department of another company is refused as an unknown department', async () => {
    const neighbour = await makeCompany(t.db);
    const foreign = await makeDepartment(t.db, neighbour.orgId);

    const response = await asAdmin('POST', '/api/v1/employees', {
      name: '越界',
      username: unique('cross'),
      password: PASSWORD,
      departmentId: foreign.id,
    });

    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['departmentId']);
  });

  test('the same project listed twice for a new employee is kept once', async () => {
    const project = await makeProject(t.db, company.orgId);
    const department = await makeDepartment(t.db, company.orgId);

    const response = await asAdmin('POST', '/api/v1/employees', {
      name: '重复项目',
      username: unique('twice'),
      password: PASSWORD,
      departmentId: department.id,
      projectIds: [project.id, project.id],
    });

    expect(response.statusCode).toBe(201);
    expect(response.body.projectIds).toEqual([project.id]);
  });

  test('a weak password is refused, naming the password field', async () => {
    const department = await makeDepartment(t.db, company.orgId);

    const response = await asAdmin('POST', '/api/v1/employees', {
      name: '弱密码',
      username: unique('weak'),
      password: 'short',
      departmentId: department.id,
    });

    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['password']);
  });
});

describe('search', () => {
  test('project search ignores letter case and takes % and _ literally, on both dialects', async () => {
    const tag = unique('Mx').toUpperCase();
    const plain = await makeProject(t.db, company.orgId, { name: `${tag} 花园`, code: `${tag}A` });
    const percent = await makeProject(t.db, company.orgId, {
      name: `${tag} 100%满意`,
      code: `${tag}B`,
    });
    const search = async (q: string) => {
      const response = await asAdmin('GET', `/api/v1/projects?q=${encodeURIComponent(q)}`);
      return response.body.items.map((p: { id: number }) => p.id).sort();
    };

    expect(await search(tag.toLowerCase())).toEqual([plain.id, percent.id].sort());
    expect(await search(`${tag} 100%`)).toEqual([percent.id]);
    expect(await search(`${tag}_`)).toEqual([]);
  });
});

describe('sign-in names', () => {
  test("a username may not be another employee's phone number, which also signs in", async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    await makeEmployee(t.db, company.orgId, { phone });
    const department = await makeDepartment(t.db, company.orgId);

    const response = await asAdmin('POST', '/api/v1/employees', {
      name: '撞号',
      username: phone,
      password: PASSWORD,
      departmentId: department.id,
    });

    expect(response.statusCode).toBe(409);
    expect(fields(response.body)).toEqual(['username']);
  });

  test("a phone number may not be another employee's username", async () => {
    const username = `137${String(Date.now()).slice(-8)}`;
    await makeEmployee(t.db, company.orgId, { username });
    const employee = await makeEmployee(t.db, company.orgId);

    const response = await asAdmin('PATCH', `/api/v1/employees/${employee.id}`, {
      phone: username,
    });

    expect(response.statusCode).toBe(409);
    expect(fields(response.body)).toEqual(['phone']);
  });
});

describe('departments', () => {
  test('a department with employees cannot be deleted (409 IN_USE)', async () => {
    const department = await makeDepartment(t.db, company.orgId);
    await makeEmployee(t.db, company.orgId, { departmentId: department.id });

    const response = await asAdmin('DELETE', `/api/v1/departments/${department.id}`);

    expect(response.statusCode).toBe(409);
    expect(response.body.code).toBe('IN_USE');
  });

  test('a department with sub-departments cannot be deleted (409 IN_USE)', async () => {
    const parent = await makeDepartment(t.db, company.orgId);
    await makeDepartment(t.db, company.orgId, { parentId: parent.id });

    const response = await asAdmin('DELETE', `/api/v1/departments/${parent.id}`);

    expect(response.statusCode).toBe(409);
    expect(response.body.code).toBe('IN_USE');
  });

  test('an empty department is deleted and then gone', async () => {
    const department = await makeDepartment(t.db, company.orgId);

    expect((await asAdmin('DELETE', `/api/v1/departments/${department.id}`)).statusCode).toBe(200);

    expect((await asAdmin('GET', `/api/v1/departments/${department.id}`)).statusCode).toBe(404);
  });

  test('a department cannot move under its own child, grandchild or itself', async () => {
    const top = await makeDepartment(t.db, company.orgId);
    const child = await makeDepartment(t.db, company.orgId, { parentId: top.id });
    const grandchild = await makeDepartment(t.db, company.orgId, { parentId: child.id });

    for (const parentId of [child.id, grandchild.id, top.id]) {
      const response = await asAdmin('PATCH', `/api/v1/departments/${top.id}`, { parentId });
      expect(response.statusCode).toBe(400);
      expect(fields(response.body)).toEqual(['parentId']);
    }

    const moved = await asAdmin('PATCH', `/api/v1/departments/${grandchild.id}`, {
      parentId: top.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.body.parentId).toBe(top.id);
  });

  test('unknown permission codes are refused, naming each offending entry', async () => {
    const response = await asAdmin('POST', '/api/v1/departments', {
      name: unique('部门'),
      consolePermissions: ['org.project.view', 'billing.nonsense'],
      appPermissions: ['org.department.manage'],
    });

    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['consolePermissions.1', 'appPermissions.0']);
  });

  test('the platform permission cannot be granted by a department', async () => {
    const response = await asAdmin('POST', '/api/v1/departments', {
      name: unique('部门'),
      consolePermissions: ['platform.company.manage'],
    });

    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['consolePermissions.0']);
  });
});

describe('project scope', () => {
  test('an employee narrowed to project A lists only A, gets 404 for B, and sees no audit entries of B', async () => {
    const projectA = await makeProject(t.db, company.orgId);
    const projectB = await makeProject(t.db, company.orgId);
    await asAdmin('PATCH', `/api/v1/projects/${projectA.id}`, { address: 'A 区' });
    await asAdmin('PATCH', `/api/v1/projects/${projectB.id}`, { address: 'B 区' });
    const { session } = await signedInEmployee(t, company.orgId, {
      consolePermissions: ['org.project.view', 'audit.log.view'],
      employee: { projectIds: [projectA.id] },
    });
    const get = (url: string) => t.request({ method: 'GET', url, headers: session.headers });

    const list = await get('/api/v1/projects?pageSize=200');
    expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([projectA.id]);
    expect(list.body.total).toBe(1);

    expect((await get(`/api/v1/projects/${projectA.id}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/projects/${projectB.id}`)).statusCode).toBe(404);

    const audit = await get('/api/v1/audit-logs?pageSize=200&entityType=project');
    const projectIds = audit.body.items.map((e: { projectId: number | null }) => e.projectId);
    expect(projectIds).toContain(projectA.id);
    expect(projectIds).not.toContain(projectB.id);
  });

  test('a project created by a narrowed employee joins their scope', async () => {
    const { session } = await signedInEmployee(t, company.orgId, {
      consolePermissions: ['org.project.view', 'org.project.manage'],
    });

    const created = await t.request({
      method: 'POST',
      url: '/api/v1/projects',
      headers: session.headers,
      payload: { name: '新盘', code: unique('NEW'), type: 'residential' },
    });
    expect(created.statusCode).toBe(201);

    const fetched = await t.request({
      method: 'GET',
      url: `/api/v1/projects/${created.body.id as number}`,
      headers: session.headers,
    });
    expect(fetched.statusCode).toBe(200);
  });
});
