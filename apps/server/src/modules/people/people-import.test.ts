import { beforeAll, describe, expect, it } from 'vitest';
import { type CompanyFixture, makeCompany, makeProject, signIn } from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { workbook } from '../../test/resources-calls.js';
import type { Project } from '../org/project.service.js';
import { createBuilding } from '../resources/building.service.js';
import { createParkingLot } from '../resources/parking-lot.service.js';
import { createParkingSpace, createRoom } from '../resources/resource.service.js';

const t = setupTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let company: CompanyFixture;
let project: Project;
let headers: Record<string, string>;

beforeAll(async () => {
  company = await makeCompany(t.db);
  project = await makeProject(t.db, company.orgId);
  const building = await createBuilding(t.db, company.ctx, {
    projectId: project.id,
    code: '1',
    name: '1栋',
  });
  for (const code of ['1-101', '1-102']) {
    await createRoom(t.db, company.ctx, {
      projectId: project.id,
      buildingId: building.id,
      floor: 1,
      code,
      area: '80.00',
      use: 'residential',
      status: 'occupied',
    });
  }
  const lot = await createParkingLot(t.db, company.ctx, {
    projectId: project.id,
    code: 'B1',
    name: 'B1',
    lotType: 'underground',
  });
  await createParkingSpace(t.db, company.ctx, {
    projectId: project.id,
    lotId: lot.id,
    code: 'B1-001',
    spaceType: 'standard',
    status: 'sold',
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
  await t.app.jobs.drain();
  const job = await t.request({
    method: 'GET',
    url: `/api/v1/jobs/${started.body.jobId}`,
    headers,
  });

  return job.body.result;
}

describe('people and vehicle imports', () => {
  it('registers people once, links them to rooms with their roles, and refuses bad IDs and unknown rooms', async () => {
    const head = ['姓名', '手机', '证件类型', '证件号码', '房屋编号', '身份', '与业主关系'];
    const rows = [
      ['王芳', '13900000001', '身份证', '11010519491231002X', '1-101', '业主', ''],
      ['王芳', '13900000001', '', '', '1-102', '业主', ''],
      ['李小明', '13900000002', '', '', '1-101', '家庭成员', '子女'],
      ['赵六', '13900000003', '身份证', '110105194912310021', '1-101', '租户', ''],
      ['钱七', '13900000004', '', '', '9-999', '租户', ''],
    ];

    const first = await runImport('people', await workbook(head, rows), 'import');
    const again = await runImport('people', await workbook(head, rows), 'import');
    const links = await t.request({
      method: 'GET',
      url: `/api/v1/people?projectId=${project.id}&pageSize=50`,
      headers,
    });

    expect(first.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [5, '证件号码'],
      [6, '房屋编号'],
    ]);
    expect(first).toMatchObject({ created: 2 });
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(links.body.items.map((p: { name: string }) => p.name).sort()).toEqual([
      '李小明',
      '王芳',
    ]);
  });

  it('imports vehicles with a new owner and a parking space; a plate twice in the file is refused', async () => {
    const head = ['车牌号', '车辆类型', '颜色', '车主姓名', '车主手机', '车位编号'];
    const rows = [
      ['沪a 12345', '小型车', '白色', '孙八', '13900000008', 'B1-001'],
      ['粤BD12345', '新能源', '', '', '', ''],
      ['沪A12345', '小型车', '', '', '', ''],
      ['京AO1234', '小型车', '', '', '', ''],
    ];

    const result = await runImport('vehicles', await workbook(head, rows), 'import');
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/vehicles?projectId=${project.id}`,
      headers,
    });

    expect(result).toMatchObject({ created: 2, errorCount: 2 });
    expect(result.errors.map((e: { line: number }) => e.line)).toEqual([4, 5]);
    expect(list.body.items.map((v: { plate: string }) => v.plate).sort()).toEqual([
      '沪A12345',
      '粤BD12345',
    ]);
  });
});
