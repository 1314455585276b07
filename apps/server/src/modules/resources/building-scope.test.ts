import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeCompany,
  makeDepartment,
  makeEmployee,
  makeProject,
  signIn,
} from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { setEmployeeProjects } from '../org/employee.service.js';
import type { Project } from '../org/project.service.js';
import { createBuilding } from './building.service.js';
import { createParkingLot } from './parking-lot.service.js';
import { createParkingSpace, createRoom } from './resource.service.js';

const t = setupTestApp();

let headers: Record<string, string>;
let rooms: { a: number; b: number };
let buildings: { a: number; b: number };
let spaceId: number;
let employeeId: number;
let orgCtx: Awaited<ReturnType<typeof makeCompany>>['ctx'];
let project: Project;
let other: Project;

beforeAll(async () => {
  const company = await makeCompany(t.db);
  orgCtx = company.ctx;
  project = await makeProject(t.db, company.orgId);
  other = await makeProject(t.db, company.orgId);
  const a = await createBuilding(t.db, orgCtx, { projectId: project.id, code: 'A', name: 'A栋' });
  const b = await createBuilding(t.db, orgCtx, { projectId: project.id, code: 'B', name: 'B栋' });
  buildings = { a: a.id, b: b.id };
  const room = (buildingId: number, code: string) =>
    createRoom(t.db, orgCtx, {
      projectId: project.id,
      buildingId,
      floor: 1,
      code,
      area: '80.00',
      use: 'residential',
      status: 'vacant',
    });
  rooms = { a: (await room(a.id, 'A-101')).id, b: (await room(b.id, 'B-101')).id };
  const lot = await createParkingLot(t.db, orgCtx, {
    projectId: project.id,
    code: 'P',
    name: '地面',
    lotType: 'above_ground',
  });
  spaceId = (
    await createParkingSpace(t.db, orgCtx, {
      projectId: project.id,
      lotId: lot.id,
      code: 'P-1',
      spaceType: 'standard',
      status: 'vacant',
    })
  ).id;

  const department = await makeDepartment(t.db, company.orgId, {
    consolePermissions: ['resources.view'],
  });
  const employee = await makeEmployee(t.db, company.orgId, {
    departmentId: department.id,
    projectIds: [project.id],
  });
  employeeId = employee.id;
  await setEmployeeProjects(t.db, orgCtx, employee.id, {
    allProjects: false,
    projectIds: [project.id],
    buildingIds: [a.id],
  });
  headers = (await signIn(t, employee)).headers;
});

const get = (url: string) => t.request({ method: 'GET', url, headers });

describe('an employee narrowed to one building', () => {
  it('sees the rooms and the building they are narrowed to, and nothing of the other building', async () => {
    const list = await get(`/api/v1/rooms?projectId=${project.id}`);
    const buildingList = await get('/api/v1/buildings');
    const tree = await get(`/api/v1/resource-tree?projectId=${project.id}`);

    expect(list.body.items.map((r: { code: string }) => r.code)).toEqual(['A-101']);
    expect(buildingList.body.items.map((b: { code: string }) => b.code)).toEqual(['A']);
    expect(tree.body.buildings.map((b: { code: string }) => b.code)).toEqual(['A']);
    expect((await get(`/api/v1/rooms/${rooms.a}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/rooms/${rooms.b}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/resources/${rooms.b}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/buildings/${buildings.b}`)).statusCode).toBe(404);
  });

  it('still sees what stands outside any building, such as parking spaces', async () => {
    expect((await get(`/api/v1/parking-spaces/${spaceId}`)).statusCode).toBe(200);
  });

  it('sees every building again at the next request once the narrowing is lifted', async () => {
    await setEmployeeProjects(t.db, orgCtx, employeeId, {
      allProjects: false,
      projectIds: [project.id],
      buildingIds: [],
    });

    const list = await get(`/api/v1/rooms?projectId=${project.id}`);

    expect(list.body.items.map((r: { code: string }) => r.code)).toEqual(['A-101', 'B-101']);
    await setEmployeeProjects(t.db, orgCtx, employeeId, {
      allProjects: false,
      projectIds: [project.id],
      buildingIds: [buildings.a],
    });
  });

  it('refuses a building outside the employee’s projects, naming the field', async () => {
    const elsewhere = await createBuilding(t.db, orgCtx, {
      projectId: other.id,
      code: 'X',
      name: 'X栋',
    });

    const error = await setEmployeeProjects(t.db, orgCtx, employeeId, {
      allProjects: false,
      projectIds: [project.id],
      buildingIds: [buildings.a, elsewhere.id],
    }).catch((e: { details?: { field: string }[] }) => e);

    expect((error as { details?: { field: string }[] }).details?.[0].field).toBe('buildingIds.1');
  });
});
