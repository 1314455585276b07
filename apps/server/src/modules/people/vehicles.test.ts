import ExcelJS from '../../platform/exceljs.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Project } from '../org/project.service.js';
import {
  type CompanyFixture,
  type Session,
  makeCompany,
  makeProject,
  signIn,
  signedInEmployee,
} from '../../test/factories.js';
import { setupTestApp } from '../../test/harness.js';
import { insertResource, makePerson, makeVehicle } from '../../test/people-factories.js';

const t = setupTestApp();

let a: CompanyFixture;
let admin: Session;
let projects: [Project, Project];
/** Sees and manages vehicles of the first project only. */
let guard: Session;
let b: CompanyFixture;
let otherAdmin: Session;

beforeAll(async () => {
  a = await makeCompany(t.db);
  projects = [await makeProject(t.db, a.orgId), await makeProject(t.db, a.orgId)];
  admin = await signIn(t, { username: a.adminUsername, password: a.adminPassword });
  guard = (
    await signedInEmployee(t, a.orgId, {
      consolePermissions: ['people.vehicle.view', 'people.vehicle.manage'],
      employee: { projectIds: [projects[0].id] },
    })
  ).session;
  b = await makeCompany(t.db);
  otherAdmin = await signIn(t, { username: b.adminUsername, password: b.adminPassword });
});

const get = (url: string, headers: Record<string, string>) =>
  t.request({ method: 'GET', url, headers });
const post = (headers: Record<string, string>, payload: object) =>
  t.request({ method: 'POST', url: '/api/v1/vehicles', headers, payload });
const patch = (id: number, headers: Record<string, string>, payload: object) =>
  t.request({ method: 'PATCH', url: `/api/v1/vehicles/${id}`, headers, payload });

async function auditActions(vehicleId: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', 'vehicle')
    .where('entity_id', '=', String(vehicleId))
    .orderBy('id')
    .execute();

  return rows.map((r) => r.action);
}

describe('registering vehicles', () => {
  test('the plate is stored normalised, with owner and parking space', async () => {
    const projectId = projects[0].id;
    const owner = await makePerson(t.db, a.orgId, { projectId, name: '车主甲' });
    const space = await insertResource(t.db, { orgId: a.orgId, projectId, kind: 'parking_space' });

    const response = await post(admin.headers, {
      projectId,
      plate: ' 粤b·d12345 ',
      vehicleType: 'new_energy',
      colour: '白色',
      personId: owner.id,
      parkingSpaceId: space.id,
    });

    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({
      plate: '粤BD12345',
      vehicleType: 'new_energy',
      personId: owner.id,
      personName: '车主甲',
      parkingSpaceId: space.id,
      parkingSpaceCode: space.code,
    });
    expect(await auditActions(response.body.id)).toEqual(['vehicle.create']);
  });

  test('a large new-energy plate is accepted', async () => {
    const response = await post(admin.headers, {
      projectId: projects[0].id,
      plate: '粤B12345D',
      vehicleType: 'large_car',
    });

    expect(response.statusCode).toBe(201);
  });

  test.each(['粤B1234', '京AO1234', 'XYZ'])(
    'the plate %s is refused, naming plate',
    async (plate) => {
      const response = await post(admin.headers, {
        projectId: projects[0].id,
        plate,
        vehicleType: 'small_car',
      });

      expect(response.statusCode).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'plate', message: expect.stringContaining('车牌') },
      ]);
    },
  );

  test('an unknown vehicle type is refused, naming vehicleType', async () => {
    const response = await post(admin.headers, {
      projectId: projects[0].id,
      plate: '京B54321',
      vehicleType: 'tank',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('vehicleType');
  });

  test('a plate is unique in the company, across projects, but not across companies', async () => {
    await makeVehicle(t.db, a.orgId, { projectId: projects[0].id, plate: '沪A88888' });

    const again = await post(admin.headers, {
      projectId: projects[1].id,
      plate: '沪a88888',
      vehicleType: 'small_car',
    });
    const elsewhere = await post(otherAdmin.headers, {
      projectId: (await makeProject(t.db, b.orgId)).id,
      plate: '沪A88888',
      vehicleType: 'small_car',
    });

    expect(again.statusCode).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: [{ field: 'plate', message: expect.any(String) }],
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  test('the owner must be a person the caller may see', async () => {
    const outside = await makePerson(t.db, a.orgId, { projectId: projects[1].id });

    const response = await post(guard.headers, {
      projectId: projects[0].id,
      plate: '京C11111',
      vehicleType: 'small_car',
      personId: outside.id,
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('personId');
  });

  test('the parking space must be a parking space of the same project', async () => {
    const room = await insertResource(t.db, { orgId: a.orgId, projectId: projects[0].id });
    const elsewhere = await insertResource(t.db, {
      orgId: a.orgId,
      projectId: projects[1].id,
      kind: 'parking_space',
    });

    for (const parkingSpaceId of [room.id, elsewhere.id]) {
      const response = await post(admin.headers, {
        projectId: projects[0].id,
        plate: '京C22222',
        vehicleType: 'small_car',
        parkingSpaceId,
      });

      expect(response.statusCode).toBe(400);
      expect(response.body.details[0].field).toBe('parkingSpaceId');
    }
  });
});

describe('editing vehicles', () => {
  test('a new plate is checked and normalised; each edit is audited', async () => {
    const taken = await makeVehicle(t.db, a.orgId, { projectId: projects[0].id });
    const vehicle = await makeVehicle(t.db, a.orgId, { projectId: projects[0].id });

    const clash = await patch(vehicle.id, admin.headers, { plate: taken.plate });
    const moved = await patch(vehicle.id, admin.headers, { plate: '浙a·12a45', colour: '黑色' });

    expect(clash.statusCode).toBe(409);
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toMatchObject({ plate: '浙A12A45', colour: '黑色' });
    expect(await auditActions(vehicle.id)).toEqual(['vehicle.create', 'vehicle.update']);
  });

  test('keeping its own plate is no clash', async () => {
    const vehicle = await makeVehicle(t.db, a.orgId, { projectId: projects[0].id });

    const response = await patch(vehicle.id, admin.headers, { plate: vehicle.plate });

    expect(response.statusCode).toBe(200);
  });
});

describe('finding vehicles', () => {
  let mine: number;
  let theirs: number;

  beforeAll(async () => {
    const owner = await makePerson(t.db, a.orgId, { projectId: projects[0].id, name: '欧阳娜娜' });
    mine = (
      await makeVehicle(t.db, a.orgId, {
        projectId: projects[0].id,
        plate: '苏E9Z876',
        personId: owner.id,
      })
    ).id;
    theirs = (await makeVehicle(t.db, a.orgId, { projectId: projects[1].id, plate: '苏E9Z877' }))
      .id;
  });

  const ids = async (query: string, headers = admin.headers) =>
    (await get(`/api/v1/vehicles?${query}`, headers)).body.items.map((v: { id: number }) => v.id);

  test('q finds part of a plate in any case, or the owner’s name', async () => {
    expect((await ids('q=e9z87')).sort()).toEqual([mine, theirs].sort());
    expect(await ids(`q=${encodeURIComponent('欧阳')}`)).toEqual([mine]);
    expect(await ids(`q=E9Z87&projectId=${projects[1].id}`)).toEqual([theirs]);
  });

  test("a vehicle of a project outside the caller's scope is neither listed nor found", async () => {
    expect(await ids('q=E9Z87', guard.headers)).toEqual([mine]);
    expect((await get(`/api/v1/vehicles/${theirs}`, guard.headers)).statusCode).toBe(404);
    expect((await patch(theirs, guard.headers, { colour: '红色' })).statusCode).toBe(404);
  });

  test("another company's vehicle is 404 and never listed", async () => {
    expect((await get(`/api/v1/vehicles/${mine}`, otherAdmin.headers)).statusCode).toBe(404);
    expect(await ids('q=E9Z87', otherAdmin.headers)).toEqual([]);
  });

  test('the export holds the listed vehicles', async () => {
    const response = await get('/api/v1/vehicles/export?q=E9Z87', admin.headers);
    expect(response.statusCode).toBe(200);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];

    expect(sheet.actualRowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('苏E9Z876');
    expect(sheet.getRow(2).getCell(4).value).toBe('欧阳娜娜');
  });
});
