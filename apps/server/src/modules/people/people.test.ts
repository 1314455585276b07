import ExcelJS from '../../platform/exceljs.js';
import { sql } from 'kysely';
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
import {
  type ResourceFixture,
  insertResource,
  makeLink,
  makePerson,
} from '../../test/people-factories.js';
import { linkPhone } from './person.service.js';

const t = setupTestApp();

// 11010519491231002X: the weighted digit sum is 167, 167 mod 11 = 2, and position 2 of
// 10X98765432 is X. Born 1949-12-31; the 17th digit 2 is even, so female.
const ID_NUMBER = '11010519491231002X';
const MOBILE = '13812345678';

let a: CompanyFixture;
let admin: Session;
let projects: [Project, Project];
/** Sees only the first project; may view and manage people, but not see full numbers. */
let clerk: Session;
/** Sees every project and full numbers, but may not change anything. */
let auditor: Session;
let b: CompanyFixture;
let otherAdmin: Session;

beforeAll(async () => {
  a = await makeCompany(t.db);
  projects = [await makeProject(t.db, a.orgId), await makeProject(t.db, a.orgId)];
  admin = await signIn(t, { username: a.adminUsername, password: a.adminPassword });
  clerk = (
    await signedInEmployee(t, a.orgId, {
      consolePermissions: ['people.person.view', 'people.person.manage'],
      employee: { projectIds: [projects[0].id] },
    })
  ).session;
  auditor = (
    await signedInEmployee(t, a.orgId, {
      consolePermissions: ['people.person.view', 'people.person.view-sensitive'],
      employee: { allProjects: true },
    })
  ).session;
  b = await makeCompany(t.db);
  otherAdmin = await signIn(t, { username: b.adminUsername, password: b.adminPassword });
});

const get = (url: string, headers: Record<string, string>) =>
  t.request({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string>, payload: object) =>
  t.request({ method: 'POST', url, headers, payload });

function room(projectIndex = 0): Promise<ResourceFixture> {
  return insertResource(t.db, { orgId: a.orgId, projectId: projects[projectIndex].id });
}

async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();

  return rows.map((r) => r.action);
}

describe('registering people', () => {
  test('a person is registered with the birthday and gender their ID card states', async () => {
    const response = await post('/api/v1/people', admin.headers, {
      projectId: projects[0].id,
      name: '张三',
      mobile: MOBILE,
      idType: 'resident_id',
      idNumber: '11010519491231002x',
      tags: ['老业主'],
    });

    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({
      projectId: projects[0].id,
      name: '张三',
      mobile: MOBILE,
      idNumber: ID_NUMBER,
      birthday: '1949-12-31',
      gender: 'female',
      tags: ['老业主'],
      roles: [],
      links: [],
    });
  });

  test('an e-mail address is kept for e-mail notices, and a malformed one is refused', async () => {
    const created = await post('/api/v1/people', admin.headers, {
      projectId: projects[0].id,
      name: '邮件业主',
      email: 'owner@example.com',
    });
    const bad = await post('/api/v1/people', admin.headers, {
      projectId: projects[0].id,
      name: '邮件业主',
      email: 'owner@',
    });

    expect(created.statusCode, created.raw.body).toBe(201);
    expect(created.body.email).toBe('owner@example.com');
    expect(bad.statusCode).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'email', message: '邮箱地址格式不正确' }]);
  });

  test('each change writes one audit entry, with the ID number masked', async () => {
    const person = await makePerson(t.db, a.orgId, {
      projectId: projects[0].id,
      idType: 'resident_id',
      idNumber: ID_NUMBER,
    });
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      headers: admin.headers,
      payload: { note: '有宠物' },
    });
    expect(patched.statusCode).toBe(200);

    expect(await auditActions('person', person.id)).toEqual(['person.create', 'person.update']);
    const entries = await t.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('entity_type', '=', 'person')
      .where('entity_id', '=', String(person.id))
      .execute();
    const text = JSON.stringify(entries);
    expect(text).toContain('110***********002X');
    expect(text).not.toContain(ID_NUMBER);
  });

  test('invalid fields are refused with 400 naming each one', async () => {
    const response = await post('/api/v1/people', admin.headers, {
      projectId: projects[0].id,
      name: '',
      mobile: '12345678901',
      gender: 'unknown',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'gender',
      'mobile',
      'name',
    ]);
  });

  test('a resident ID number with a wrong check digit is refused, naming idNumber', async () => {
    const response = await post('/api/v1/people', admin.headers, {
      projectId: projects[0].id,
      name: '李四',
      idType: 'resident_id',
      idNumber: '110105194912310021',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'idNumber', message: expect.stringContaining('证件号码') },
    ]);
  });

  test('a passport number is kept as given, without a checksum', async () => {
    const response = await post('/api/v1/people', admin.headers, {
      projectId: projects[0].id,
      name: 'John Smith',
      idType: 'passport',
      idNumber: 'E12345678',
    });

    expect(response.statusCode).toBe(201);
    expect(response.body.idNumber).toBe('E12345678');
  });

  test('an ID number without its type is refused, naming idType', async () => {
    const person = await makePerson(t.db, a.orgId, { projectId: projects[0].id });

    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      headers: admin.headers,
      payload: { idNumber: ID_NUMBER },
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('idType');
  });

  test('a project outside the company is refused, naming projectId', async () => {
    const foreign = await makeProject(t.db, b.orgId);

    const response = await post('/api/v1/people', admin.headers, {
      projectId: foreign.id,
      name: '王五',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('projectId');
  });
});

describe('masking', () => {
  let personId: number;

  beforeAll(async () => {
    const person = await makePerson(t.db, a.orgId, {
      projectId: projects[0].id,
      name: '掩码测试',
      mobile: '13912348765',
      idType: 'resident_id',
      idNumber: ID_NUMBER,
    });
    personId = person.id;
  });

  test('without view-sensitive, lists and details show masked numbers', async () => {
    const list = await get(`/api/v1/people?q=${encodeURIComponent('掩码测试')}`, clerk.headers);
    const detail = await get(`/api/v1/people/${personId}`, clerk.headers);

    expect(list.body.items).toEqual([
      expect.objectContaining({ mobile: '139****8765', idNumber: '110***********002X' }),
    ]);
    expect(detail.body).toMatchObject({ mobile: '139****8765', idNumber: '110***********002X' });
  });

  test('with view-sensitive, the same person shows in full', async () => {
    const detail = await get(`/api/v1/people/${personId}`, auditor.headers);

    expect(detail.body).toMatchObject({ mobile: '13912348765', idNumber: ID_NUMBER });
  });

  test('without view-sensitive, q finds a whole mobile number but not a part of one', async () => {
    const found = async (q: string, headers: Record<string, string>) =>
      (await get(`/api/v1/people?q=${q}`, headers)).body.items.map((p: { id: number }) => p.id);

    expect(await found('13912348765', clerk.headers)).toEqual([personId]);
    expect(await found('2348', clerk.headers)).toEqual([]);
    expect(await found('2348', auditor.headers)).toContain(personId);
  });

  test('the export is masked the same way', async () => {
    const masked = await exportRows(clerk.headers);
    const full = await exportRows(auditor.headers);

    expect(masked).toContainEqual(expect.arrayContaining(['掩码测试', '139****8765']));
    expect(JSON.stringify(masked)).not.toContain('13912348765');
    expect(full).toContainEqual(expect.arrayContaining(['掩码测试', '13912348765', ID_NUMBER]));
  });

  async function exportRows(headers: Record<string, string>): Promise<unknown[][]> {
    const response = await get(
      `/api/v1/people/export?q=${encodeURIComponent('掩码测试')}`,
      headers,
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row, index) => {
      if (index > 1) rows.push((row.values as unknown[]).slice(1));
    });

    return rows;
  }
});

describe('scope', () => {
  let inFirst: number;
  let inSecond: number;

  beforeAll(async () => {
    inFirst = (await makePerson(t.db, a.orgId, { projectId: projects[0].id })).id;
    inSecond = (await makePerson(t.db, a.orgId, { projectId: projects[1].id })).id;
  });

  test("a person of a project outside the caller's projects is 404, as if absent", async () => {
    const response = await get(`/api/v1/people/${inSecond}`, clerk.headers);

    expect(response.statusCode).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
    expect((await get(`/api/v1/people/${inFirst}`, clerk.headers)).statusCode).toBe(200);
  });

  test('editing such a person is 404 too, and changes nothing', async () => {
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${inSecond}`,
      headers: clerk.headers,
      payload: { name: '改名' },
    });

    expect(response.statusCode).toBe(404);
    expect(await auditActions('person', inSecond)).toEqual(['person.create']);
  });

  test("another company's person is 404", async () => {
    expect((await get(`/api/v1/people/${inFirst}`, otherAdmin.headers)).statusCode).toBe(404);
  });

  test('lists show only the projects in scope', async () => {
    const ids = async (headers: Record<string, string>) =>
      (await get('/api/v1/people?pageSize=200', headers)).body.items.map(
        (p: { id: number }) => p.id,
      );

    expect(await ids(clerk.headers)).toContain(inFirst);
    expect(await ids(clerk.headers)).not.toContain(inSecond);
    expect(await ids(admin.headers)).toEqual(expect.arrayContaining([inFirst, inSecond]));
    expect(await ids(otherAdmin.headers)).toEqual([]);
  });

  test('linking to a resource of another project is 404', async () => {
    const resource = await room(1);

    const response = await post(`/api/v1/resources/${resource.id}/people`, clerk.headers, {
      personId: inFirst,
      role: 'tenant',
      startDate: '2025-01-01',
    });

    expect(response.statusCode).toBe(404);
  });
});

describe('links between people and resources', () => {
  test('a family member needs a relation; other roles take none', async () => {
    const resource = await room();
    const person = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    const url = `/api/v1/resources/${resource.id}/people`;

    const withoutRelation = await post(url, admin.headers, {
      personId: person.id,
      role: 'family',
      startDate: '2025-01-01',
    });
    const tenantWithRelation = await post(url, admin.headers, {
      personId: person.id,
      role: 'tenant',
      relation: 'spouse',
      startDate: '2025-01-01',
    });

    expect(withoutRelation.statusCode).toBe(400);
    expect(withoutRelation.body.details[0].field).toBe('relation');
    expect(tenantWithRelation.statusCode).toBe(400);
    expect(tenantWithRelation.body.details[0].field).toBe('relation');
  });

  test('a person of another project cannot be linked', async () => {
    const resource = await room(0);
    const stranger = await makePerson(t.db, a.orgId, { projectId: projects[1].id });

    const response = await post(`/api/v1/resources/${resource.id}/people`, admin.headers, {
      personId: stranger.id,
      role: 'owner',
      startDate: '2025-01-01',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('personId');
  });

  test('a person already linked to the resource is not linked twice', async () => {
    const resource = await room();
    const person = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    await makeLink(t.db, a.orgId, { resourceId: resource.id, personId: person.id });

    const response = await post(`/api/v1/resources/${resource.id}/people`, admin.headers, {
      personId: person.id,
      role: 'tenant',
      startDate: '2025-01-01',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('personId');
  });

  test('ending a link keeps it, with its end date and reason, as history', async () => {
    const resource = await room();
    const tenant = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    const created = await post(`/api/v1/resources/${resource.id}/people`, admin.headers, {
      personId: tenant.id,
      role: 'tenant',
      startDate: '2024-03-01',
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).toMatchObject({ role: 'tenant', current: true, endDate: null });

    const ended = await post(`/api/v1/resource-people/${created.body.id}/end`, admin.headers, {
      date: '2025-02-28',
      reason: '租约到期',
    });

    expect(ended.statusCode).toBe(200);
    expect(ended.body).toMatchObject({ endDate: '2025-02-28', endReason: '租约到期' });
    const detail = await get(`/api/v1/people/${tenant.id}`, admin.headers);
    expect(detail.body.roles).toEqual([]);
    expect(detail.body.links).toEqual([
      expect.objectContaining({
        resourceId: resource.id,
        resourceKind: 'room',
        resourceCode: resource.code,
        startDate: '2024-03-01',
        endDate: '2025-02-28',
        current: false,
      }),
    ]);
    expect(await auditActions('resource_person', created.body.id)).toEqual([
      'resource-person.create',
      'resource-person.end',
    ]);
  });

  test('a link cannot end before it started, nor end twice', async () => {
    const resource = await room();
    const person = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    const link = await makeLink(t.db, a.orgId, {
      resourceId: resource.id,
      personId: person.id,
      startDate: '2024-05-01',
    });
    const url = `/api/v1/resource-people/${link.id}/end`;

    const early = await post(url, admin.headers, { date: '2024-04-30', reason: 'sold' });
    const first = await post(url, admin.headers, { date: '2024-06-01', reason: 'sold' });
    const again = await post(url, admin.headers, { date: '2024-07-01', reason: 'sold' });

    expect(early.statusCode).toBe(400);
    expect(early.body.details[0].field).toBe('date');
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(409);
  });

  test('the role filter finds people by the links they hold today', async () => {
    const resource = await room();
    const coOwner = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    const tenant = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    await makeLink(t.db, a.orgId, {
      resourceId: resource.id,
      personId: coOwner.id,
      role: 'co_owner',
    });
    await makeLink(t.db, a.orgId, { resourceId: resource.id, personId: tenant.id, role: 'tenant' });
    const ids = async (role: string) =>
      (await get(`/api/v1/people?role=${role}&pageSize=200`, admin.headers)).body.items.map(
        (p: { id: number }) => p.id,
      );

    expect(await ids('owner')).toContain(coOwner.id);
    expect(await ids('owner')).not.toContain(tenant.id);
    expect(await ids('tenant')).toContain(tenant.id);
    expect(await ids('tenant')).not.toContain(coOwner.id);
  });
});

describe('ownership transfer (过户)', () => {
  test('ends the owner and family links on the date, starts the new owner, keeps the tenant', async () => {
    const resource = await room();
    const projectId = projects[0].id;
    const seller = await makePerson(t.db, a.orgId, { projectId, name: '卖方' });
    const spouse = await makePerson(t.db, a.orgId, { projectId, name: '卖方配偶' });
    const tenant = await makePerson(t.db, a.orgId, { projectId, name: '租户' });
    const buyer = await makePerson(t.db, a.orgId, { projectId, name: '买方' });
    const link = (personId: number, role: 'owner' | 'family' | 'tenant') =>
      makeLink(t.db, a.orgId, {
        resourceId: resource.id,
        personId,
        role,
        relation: role === 'family' ? 'spouse' : null,
        startDate: '2018-06-01',
      });
    const sellerLink = await link(seller.id, 'owner');
    const spouseLink = await link(spouse.id, 'family');
    const tenantLink = await link(tenant.id, 'tenant');

    const response = await post(`/api/v1/resources/${resource.id}/transfers`, admin.headers, {
      date: '2024-09-15',
      newOwnerIds: [buyer.id],
    });

    expect(response.statusCode).toBe(201);
    expect(response.body.ended.map((l: { id: number }) => l.id)).toEqual([
      sellerLink.id,
      spouseLink.id,
    ]);
    expect(response.body.ended).toEqual([
      expect.objectContaining({ endDate: '2024-09-15', endReason: 'transfer', current: false }),
      expect.objectContaining({ endDate: '2024-09-15', endReason: 'transfer', current: false }),
    ]);
    expect(response.body.started).toEqual([
      expect.objectContaining({
        personId: buyer.id,
        role: 'owner',
        startDate: '2024-09-15',
        endDate: null,
        current: true,
      }),
    ]);

    const history = await get(`/api/v1/resources/${resource.id}/people`, admin.headers);
    expect(history.body.links).toHaveLength(4);
    const current = history.body.links.filter((l: { current: boolean }) => l.current);
    expect(current.map((l: { personId: number }) => l.personId).sort()).toEqual(
      [buyer.id, tenant.id].sort(),
    );
    expect(history.body.links).toContainEqual(
      expect.objectContaining({ id: tenantLink.id, endDate: null }),
    );

    const sellerDetail = await get(`/api/v1/people/${seller.id}`, admin.headers);
    expect(sellerDetail.body.roles).toEqual([]);
    expect(sellerDetail.body.links).toEqual([
      expect.objectContaining({
        resourceId: resource.id,
        role: 'owner',
        startDate: '2018-06-01',
        endDate: '2024-09-15',
        endReason: 'transfer',
      }),
    ]);
    const buyerDetail = await get(`/api/v1/people/${buyer.id}`, admin.headers);
    expect(buyerDetail.body.roles).toEqual(['owner']);

    expect(await auditActions('resource', resource.id)).toEqual(['resource.transfer']);
  });

  test('a new owner given inline is registered in the resource’s project', async () => {
    const resource = await room(1);
    const seller = await makePerson(t.db, a.orgId, { projectId: projects[1].id });
    await makeLink(t.db, a.orgId, { resourceId: resource.id, personId: seller.id });

    const response = await post(`/api/v1/resources/${resource.id}/transfers`, admin.headers, {
      date: '2025-01-10',
      newOwners: [{ name: '新业主', mobile: '13700001111' }],
    });

    expect(response.statusCode).toBe(201);
    const [started] = response.body.started;
    const buyer = await get(`/api/v1/people/${started.personId}`, admin.headers);
    expect(buyer.body).toMatchObject({
      name: '新业主',
      projectId: projects[1].id,
      roles: ['owner'],
    });
  });

  test('a transfer without a new owner, or with an unknown one, changes nothing', async () => {
    const resource = await room();
    const seller = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    const link = await makeLink(t.db, a.orgId, { resourceId: resource.id, personId: seller.id });
    const url = `/api/v1/resources/${resource.id}/transfers`;

    const nobody = await post(url, admin.headers, { date: '2025-01-10' });
    const unknown = await post(url, admin.headers, {
      date: '2025-01-10',
      newOwnerIds: [2_000_000],
    });
    const badInline = await post(url, admin.headers, {
      date: '2025-01-10',
      newOwners: [{ name: '新业主', idType: 'resident_id', idNumber: '110105194912310021' }],
    });

    expect(nobody.statusCode).toBe(400);
    expect(nobody.body.details[0].field).toBe('newOwnerIds');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.details[0].field).toBe('newOwnerIds.0');
    expect(badInline.statusCode).toBe(400);
    expect(badInline.body.details[0].field).toBe('newOwners.0.idNumber');
    const history = await get(`/api/v1/resources/${resource.id}/people`, admin.headers);
    expect(history.body.links).toEqual([expect.objectContaining({ id: link.id, endDate: null })]);
  });

  test('a transfer dated before a link to end began is refused', async () => {
    const resource = await room();
    const owner = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    const buyer = await makePerson(t.db, a.orgId, { projectId: projects[0].id });
    await makeLink(t.db, a.orgId, {
      resourceId: resource.id,
      personId: owner.id,
      startDate: '2024-05-01',
    });

    const response = await post(`/api/v1/resources/${resource.id}/transfers`, admin.headers, {
      date: '2024-04-30',
      newOwnerIds: [buyer.id],
    });

    expect(response.statusCode).toBe(400);
    expect(response.body.details[0].field).toBe('date');
    expect((await get(`/api/v1/people/${buyer.id}`, admin.headers)).body.links).toEqual([]);
  });

  test("another company's resource is 404", async () => {
    const resource = await room();
    const buyer = await makePerson(t.db, b.orgId, {
      projectId: (await makeProject(t.db, b.orgId)).id,
    });

    const response = await post(`/api/v1/resources/${resource.id}/transfers`, otherAdmin.headers, {
      date: '2025-01-10',
      newOwnerIds: [buyer.id],
    });

    expect(response.statusCode).toBe(404);
  });
});

describe('linking a phone number (owner app)', () => {
  const PHONE = '13600006666';

  test('finds every current owner, family and tenant link of that number in the company', async () => {
    const [flat, shop, sold] = [await room(0), await room(1), await room(0)];
    const owner = await makePerson(t.db, a.orgId, { projectId: projects[0].id, mobile: PHONE });
    const familyMember = await makePerson(t.db, a.orgId, {
      projectId: projects[1].id,
      mobile: PHONE,
    });
    const tenant = await makePerson(t.db, a.orgId, { projectId: projects[1].id, mobile: PHONE });
    const ownerLink = await makeLink(t.db, a.orgId, { resourceId: flat.id, personId: owner.id });
    const familyLink = await makeLink(t.db, a.orgId, {
      resourceId: shop.id,
      personId: familyMember.id,
      role: 'family',
      relation: 'child',
    });
    const tenantLink = await makeLink(t.db, a.orgId, {
      resourceId: shop.id,
      personId: tenant.id,
      role: 'tenant',
    });
    // Ended links and another company's people with the same number do not count.
    const past = await makeLink(t.db, a.orgId, { resourceId: sold.id, personId: owner.id });
    await post(`/api/v1/resource-people/${past.id}/end`, admin.headers, {
      date: '2023-01-01',
      reason: 'sold',
    });
    const otherProject = await makeProject(t.db, b.orgId);
    const otherResource = await insertResource(t.db, {
      orgId: b.orgId,
      projectId: otherProject.id,
    });
    const otherPerson = await makePerson(t.db, b.orgId, {
      projectId: otherProject.id,
      mobile: PHONE,
    });
    await makeLink(t.db, b.orgId, { resourceId: otherResource.id, personId: otherPerson.id });

    const links = await linkPhone(t.db, a.orgId, ` ${PHONE} `);

    expect(links.map((l) => l.linkId).sort()).toEqual(
      [ownerLink.id, familyLink.id, tenantLink.id].sort(),
    );
    expect(links).toContainEqual({
      linkId: familyLink.id,
      resourceId: shop.id,
      projectId: projects[1].id,
      kind: 'room',
      code: shop.code,
      role: 'family',
      personId: familyMember.id,
    });
    expect((await linkPhone(t.db, b.orgId, PHONE)).map((l) => l.personId)).toEqual([
      otherPerson.id,
    ]);
  });

  test('a number that is not a mobile finds nothing', async () => {
    expect(await linkPhone(t.db, a.orgId, '12345')).toEqual([]);
  });

  test('a link that starts in the future does not count yet', async () => {
    const flat = await room();
    const person = await makePerson(t.db, a.orgId, {
      projectId: projects[0].id,
      mobile: '13600007777',
    });
    await makeLink(t.db, a.orgId, {
      resourceId: flat.id,
      personId: person.id,
      startDate: '2999-01-01',
    });

    expect(await linkPhone(t.db, a.orgId, '13600007777')).toEqual([]);
  });
});

test('audit entries belong to the project of the change', async () => {
  const rows = await sql<{ n: number | string }>`
    select count(*) as n from audit_log
    where org_id = ${a.orgId} and entity_type in ('person', 'resource_person', 'resource')
      and project_id is null`.execute(t.db);

  expect(Number(rows.rows[0].n)).toBe(0);
});
