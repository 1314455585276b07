import { beforeAll, describe, expect, test } from 'vitest';
import { signIn } from '../test/factories.js';
import { setupTestApp } from '../test/harness.js';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './demo.js';

const t = setupTestApp();

beforeAll(async () => {
  expect(await isDatabaseEmpty(t.db)).toBe(true);
  await seedDemo(t.db);
});

describe('the demo seed', () => {
  test('loads one company with two projects', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    const companies = await t.db.selectFrom('company').select(['id', 'code']).execute();
    const projects = await t.db.selectFrom('project').select(['org_id', 'code']).execute();

    expect(companies).toHaveLength(1);
    expect(projects.map((p) => p.code).sort()).toEqual(['ASGC', 'ASHY']);
    expect(projects.every((p) => p.org_id === companies[0].id)).toBe(true);
  });

  test('creates the five usual departments', async () => {
    const departments = await t.db.selectFrom('department').select('name').execute();

    expect(departments.map((d) => d.name).sort()).toEqual(
      ['管理处', '客服部', '财务部', '工程部', '秩序部'].sort(),
    );
  });

  test('admin / admin123 signs in and sees both projects and every console permission', async () => {
    const session = await signIn(t, { username: 'admin', password: DEMO_PASSWORD });

    const profile = await t.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: session.headers,
    });

    expect(profile.statusCode).toBe(200);
    expect(profile.body.allProjects).toBe(true);
    expect(profile.body.projects.map((p: { code: string }) => p.code).sort()).toEqual([
      'ASGC',
      'ASHY',
    ]);
    expect(profile.body.permissions).toContain('org.department.manage');
  });

  test('a second seed on the same database is refused rather than doubling the data', async () => {
    await expect(seedDemo(t.db)).rejects.toThrow();

    const companies = await t.db.selectFrom('company').select('id').execute();
    expect(companies).toHaveLength(1);
  });
});
