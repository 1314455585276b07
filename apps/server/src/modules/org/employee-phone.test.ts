import { beforeAll, describe, expect, it } from 'vitest';
import { makeCompany, makeDepartment, makeEmployee, signIn } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';

const t = setupTestApp();

let viewer: Record<string, string>;
let admin: Record<string, string>;
let employeeId: number;

beforeAll(async () => {
  const company = await makeCompany(t.db);
  const staff = await makeEmployee(t.db, company.orgId, { phone: '13812345678' });
  employeeId = staff.id;
  const department = await makeDepartment(t.db, company.orgId, {
    consolePermissions: ['org.employee.view'],
  });
  viewer = (
    await signIn(t, await makeEmployee(t.db, company.orgId, { departmentId: department.id }))
  ).headers;
  admin = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
});

describe('staff phone numbers', () => {
  it('are masked in the list and the details for a caller without view-sensitive', async () => {
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/employees?q=138',
      headers: viewer,
    });
    const detail = await t.request({
      method: 'GET',
      url: `/api/v1/employees/${employeeId}`,
      headers: viewer,
    });

    expect(list.body.items.find((e: { id: number }) => e.id === employeeId)?.phone).toBe(
      '138****5678',
    );
    expect(detail.body.phone).toBe('138****5678');
  });

  it('are shown in full to a caller who holds it', async () => {
    const detail = await t.request({
      method: 'GET',
      url: `/api/v1/employees/${employeeId}`,
      headers: admin,
    });

    expect(detail.body.phone).toBe('13812345678');
  });
});
