import { beforeAll, describe, expect, it } from 'vitest';
import { type CompanyFixture, makeCompany, makeProject, signIn } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { roomWorkbook } from '../../test/resources-calls.js';
import type { Project } from '../org/project.service.js';
import { createBuilding } from './building.service.js';
import { listRooms } from './resource.service.js';

const t = setupTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let company: CompanyFixture;
let project: Project;
let headers: Record<string, string>;

beforeAll(async () => {
  company = await makeCompany(t.db);
  project = await makeProject(t.db, company.orgId);
  for (const code of ['1', '2', '3', '4']) {
    await createBuilding(t.db, company.ctx, { projectId: project.id, code, name: `${code}栋` });
  }
  headers = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
});

/** 1,000 rooms over 4 buildings × 2 units × 25 floors × 5 rooms, each with an owner. */
function thousandRooms(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let building = 1; building <= 4; building += 1) {
    for (let unit = 1; unit <= 2; unit += 1) {
      for (let floor = 1; floor <= 25; floor += 1) {
        for (let room = 1; room <= 5; room += 1) {
          const code = `${building}-${unit}-${floor}${String(room).padStart(2, '0')}`;
          rows.push([
            String(building),
            String(unit),
            floor,
            code,
            '89.37',
            `业主${code}`,
            '13800138000',
          ]);
        }
      }
    }
  }

  return rows;
}

async function runImport(file: Buffer, mode: 'dry_run' | 'import') {
  const started = await t.request({
    method: 'POST',
    url: `/api/v1/imports/rooms/jobs?projectId=${project.id}&mode=${mode}`,
    headers: { ...headers, 'content-type': XLSX },
    payload: file,
  });
  expect(started.statusCode).toBe(202);
  await t.app.jobs.drain();
  const job = await t.request({
    method: 'GET',
    url: `/api/v1/jobs/${started.body.jobId}`,
    headers,
  });
  expect(job.body.status).toBe('succeeded');

  return job.body.result;
}

describe('room import from Excel', () => {
  it('lists exactly the 3 bad rows of 1,000 with their reasons, imports 997, and a rerun creates 0', async () => {
    const rows = thousandRooms();
    rows[9][0] = '9';
    rows[99][4] = '八十九';
    rows[499][6] = '1380013800';
    const file = await roomWorkbook(rows);

    const dryRun = await runImport(file, 'dry_run');
    const before = await listRooms(t.db, company.ctx, {
      projectId: project.id,
      page: 1,
      pageSize: 1,
    });
    const imported = await runImport(file, 'import');
    const again = await runImport(file, 'import');

    // Excel line = array index + 2 (line 1 holds the headers).
    expect(dryRun.errors).toEqual([
      { line: 11, column: '楼栋编号', message: '楼栋不存在或不属于该项目' },
      { line: 101, column: '建筑面积', message: '应为最多 2 位小数的数字' },
      { line: 501, column: '业主手机', message: '手机号格式不正确' },
    ]);
    expect(dryRun).toMatchObject({ total: 1000, created: 997, updated: 0, errorCount: 3 });
    expect(before.total).toBe(0);
    expect(imported).toMatchObject({ created: 997, updated: 0, unchanged: 0, errorCount: 3 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 997 });
  });

  it('updates a room whose row changed and reports a code repeated in the file', async () => {
    const rows = thousandRooms().slice(0, 3);
    rows[1][4] = '90.12';
    rows.push([...rows[2]]);

    const result = await runImport(await roomWorkbook(rows), 'import');
    const room = await listRooms(t.db, company.ctx, {
      projectId: project.id,
      q: '1-1-102',
      page: 1,
      pageSize: 5,
    });

    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2, errorCount: 1 });
    expect(result.errors[0]).toMatchObject({ line: 5, column: '房屋编号' });
    expect(room.items.find((r) => r.code === '1-1-102')?.area).toBe('90.12');
  });

  it('answers the template with the starred required columns', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/imports/rooms/template',
      headers,
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('owners named in a room import', () => {
  it('creates each owner once and links them; a rerun links nobody twice', async () => {
    const own = await makeCompany(t.db);
    const ownProject = await makeProject(t.db, own.orgId);
    await createBuilding(t.db, own.ctx, { projectId: ownProject.id, code: '1', name: '1栋' });
    const ownHeaders = (
      await signIn(t, { username: own.adminUsername, password: own.adminPassword })
    ).headers;
    const file = await roomWorkbook([
      ['1', '1', 1, '1-1-101', '89.37', '王芳', '13900000001'],
      ['1', '1', 1, '1-1-102', '89.37', '王芳', '13900000001'],
      ['1', '1', 2, '1-1-201', '89.37', '李强', '13900000002'],
      ['1', '1', 2, '1-1-202', '89.37', '', ''],
    ]);
    const importOnce = async () => {
      const started = await t.request({
        method: 'POST',
        url: `/api/v1/imports/rooms/jobs?projectId=${ownProject.id}&mode=import`,
        headers: { ...ownHeaders, 'content-type': XLSX },
        payload: file,
      });
      await t.app.jobs.drain();
      return started.body.jobId as number;
    };

    await importOnce();
    await importOnce();
    const rooms = await listRooms(t.db, own.ctx, {
      projectId: ownProject.id,
      page: 1,
      pageSize: 10,
    });
    const people = await t.request({
      method: 'GET',
      url: `/api/v1/people?projectId=${ownProject.id}`,
      headers: ownHeaders,
    });

    expect(rooms.items.map((r) => [r.code, r.owners])).toEqual([
      ['1-1-101', '王芳'],
      ['1-1-102', '王芳'],
      ['1-1-201', '李强'],
      ['1-1-202', null],
    ]);
    expect(people.body.total).toBe(2);
  });
});
