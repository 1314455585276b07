import { beforeAll, describe, expect, it } from 'vitest';
import { type CompanyFixture, makeCompany, makeProject, signIn } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { workbook } from '../../test/resources-calls.js';
import type { Project } from '../org/project.service.js';
import { createBuilding } from './building.service.js';
import { createParkingLot } from './parking-lot.service.js';
import { listParkingSpaces, listShops } from './resource.service.js';

const t = setupTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let company: CompanyFixture;
let project: Project;
let headers: Record<string, string>;

beforeAll(async () => {
  company = await makeCompany(t.db);
  project = await makeProject(t.db, company.orgId);
  await createBuilding(t.db, company.ctx, { projectId: project.id, code: 'A', name: 'A座' });
  await createParkingLot(t.db, company.ctx, {
    projectId: project.id,
    code: 'B1',
    name: '地下一层',
    lotType: 'underground',
  });
  headers = (await signIn(t, { username: company.adminUsername, password: company.adminPassword }))
    .headers;
});

async function runImport(kind: string, file: Buffer, mode: 'dry_run' | 'import') {
  const started = await t.request({
    method: 'POST',
    url: `/api/v1/imports/${kind}/jobs?projectId=${project.id}&mode=${mode}`,
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

  return job.body.result;
}

describe('shop and parking space imports', () => {
  it('imports shops with their owners, reports bad rows, and updates a changed rent', async () => {
    const head = [
      '商铺编号',
      '楼栋编号',
      '楼层',
      '面积',
      '状态',
      '租金标准',
      '业主姓名',
      '业主手机',
    ];
    const rows: (string | number)[][] = [
      ['S-101', 'A', 1, '120.50', '已出租', '85', '赵一', '13700000001'],
      ['S-102', '', 1, '60', '空置', '', '', ''],
      ['S-103', 'Z', 1, '60', '空置', '', '', ''],
      ['S-104', 'A', 1, '60', '出售中', '', '', ''],
    ];

    const dryRun = await runImport('shops', await workbook(head, rows), 'dry_run');
    const first = await runImport('shops', await workbook(head, rows), 'import');
    rows[0][5] = '90.5';
    const second = await runImport('shops', await workbook(head, rows), 'import');
    const shops = await listShops(t.db, company.ctx, {
      projectId: project.id,
      page: 1,
      pageSize: 10,
    });

    expect(dryRun.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [4, '楼栋编号'],
      [5, '状态'],
    ]);
    expect(first).toMatchObject({ created: 2, updated: 0, errorCount: 2 });
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(shops.items.map((s) => [s.code, s.area, s.rentStandard, s.owners])).toEqual([
      ['S-101', '120.50', '90.5000', '赵一'],
      ['S-102', '60.00', null, null],
    ]);
  });

  it('imports parking spaces into a known lot and refuses an unknown one', async () => {
    const head = ['停车场编号', '车位编号', '车位类型', '状态'];
    const rows = [
      ['B1', 'B1-001', '充电车位', '已售'],
      ['B1', 'B1-002', '', ''],
      ['B9', 'B9-001', '', ''],
    ];

    const result = await runImport('parking-spaces', await workbook(head, rows), 'import');
    const spaces = await listParkingSpaces(t.db, company.ctx, {
      projectId: project.id,
      page: 1,
      pageSize: 10,
    });

    expect(result).toMatchObject({ created: 2, errorCount: 1 });
    expect(result.errors[0]).toMatchObject({ line: 4, column: '停车场编号' });
    expect(spaces.items.map((s) => [s.code, s.spaceType, s.status, s.lotName])).toEqual([
      ['B1-001', 'charging', 'sold', '地下一层'],
      ['B1-002', 'standard', 'vacant', '地下一层'],
    ]);
  });
});
