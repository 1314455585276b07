import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ResourceKind } from '../db/schema.js';
import type {
  CreateLinkInput,
  CreatePersonInput,
  CreateVehicleInput,
} from '../modules/people/people.schemas.js';
import { type PersonDetail, createPerson } from '../modules/people/person.service.js';
import type { ResourceLink } from '../modules/people/person.service.js';
import { linkPerson } from '../modules/people/resource-link.service.js';
import { type Vehicle, createVehicle } from '../modules/people/vehicle.service.js';
import { companyContext, unique } from './factories.js';
import type { TestApp } from './harness.js';
import type { OrgFixture, RouteCall } from './routes.js';

/**
 * Factories for the people module: resources to link people to, people, links and vehicles.
 * Resources are written as bare `resource` rows: links and vehicles need only their identity.
 */

export interface ResourceFixture {
  id: number;
  projectId: number;
  kind: ResourceKind;
  code: string;
}

/** A bare resource row (no room/shop details), enough to link people and park cars. */
export async function insertResource(
  db: Database,
  place: { orgId: number; projectId: number; kind?: ResourceKind; code?: string },
): Promise<ResourceFixture> {
  const kind = place.kind ?? 'room';
  const code = place.code ?? unique('R');
  const at = new Date().toISOString();
  const row = await db
    .insertInto('resource')
    .values({
      org_id: place.orgId,
      project_id: place.projectId,
      kind,
      code,
      area: null,
      status: kind === 'room' ? 'occupied' : 'vacant',
      building_id: null,
      created_at: at,
      updated_at: at,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  return { id: row.id, projectId: place.projectId, kind, code };
}

/** A person registered through the service, as a company administrator would. */
export function makePerson(
  db: Database,
  orgId: number,
  input: Pick<CreatePersonInput, 'projectId'> & Partial<CreatePersonInput>,
): Promise<PersonDetail> {
  return createPerson(db, companyContext(orgId), { name: unique('业主'), ...input });
}

/** Links a person to a resource through the service; owner from 2020-01-01 unless told. */
export function makeLink(
  db: Database,
  orgId: number,
  link: { resourceId: number } & Pick<CreateLinkInput, 'personId'> & Partial<CreateLinkInput>,
): Promise<ResourceLink> {
  const { resourceId, ...input } = link;

  return linkPerson(db, companyContext(orgId), resourceId, {
    role: 'owner',
    startDate: '2020-01-01',
    ...input,
  });
}

let plateSerial = 10_000;

/** A plate no other fixture holds: 京A10001, 京A10002, … */
export function uniquePlate(): string {
  plateSerial += 1;

  return `京A${plateSerial}`;
}

export function makeVehicle(
  db: Database,
  orgId: number,
  input: Pick<CreateVehicleInput, 'projectId'> & Partial<CreateVehicleInput>,
): Promise<Vehicle> {
  return createVehicle(db, companyContext(orgId), {
    plate: uniquePlate(),
    vehicleType: 'small_car',
    ...input,
  });
}

/** A resource of company A's first project with a current owner. */
async function ownedResource(t: TestApp, fx: OrgFixture) {
  const projectId = fx.projects[0].id;
  const resource = await insertResource(t.db, { orgId: fx.a.orgId, projectId });
  const owner = await makePerson(t.db, fx.a.orgId, { projectId, mobile: '13800001111' });
  const link = await makeLink(t.db, fx.a.orgId, { resourceId: resource.id, personId: owner.id });

  return { resource, owner, link, projectId };
}

type CallBuilder = (t: TestApp, fx: OrgFixture) => Promise<RouteCall>;

/** A successful call of each people route, for the tests that enumerate the route table. */
export const peopleCalls: Record<string, CallBuilder> = {
  'GET /api/v1/people': async () => ({}),
  'GET /api/v1/people/export': async () => ({}),
  'POST /api/v1/people': async (_t, fx) => ({
    body: { projectId: fx.projects[0].id, name: '新业主', mobile: '13900001234' },
  }),
  'GET /api/v1/people/:id': async (t, fx) => ({
    params: { id: (await ownedResource(t, fx)).owner.id },
  }),
  'PATCH /api/v1/people/:id': async (t, fx) => ({
    params: { id: (await ownedResource(t, fx)).owner.id },
    body: { note: '常住' },
  }),
  'GET /api/v1/resources/:id/people': async (t, fx) => ({
    params: { id: (await ownedResource(t, fx)).resource.id },
  }),
  'POST /api/v1/resources/:id/people': async (t, fx) => {
    const { resource, projectId } = await ownedResource(t, fx);
    const tenant = await makePerson(t.db, fx.a.orgId, { projectId });
    return {
      params: { id: resource.id },
      body: { personId: tenant.id, role: 'tenant', startDate: '2025-01-01' },
    };
  },
  'POST /api/v1/resource-people/:id/end': async (t, fx) => ({
    params: { id: (await ownedResource(t, fx)).link.id },
    body: { date: '2025-06-30', reason: 'moved_out' },
  }),
  'POST /api/v1/resources/:id/transfers': async (t, fx) => {
    const { resource, projectId } = await ownedResource(t, fx);
    const buyer = await makePerson(t.db, fx.a.orgId, { projectId });
    return { params: { id: resource.id }, body: { date: '2025-03-01', newOwnerIds: [buyer.id] } };
  },
  'GET /api/v1/vehicles': async () => ({}),
  'GET /api/v1/vehicles/export': async () => ({}),
  'POST /api/v1/vehicles': async (_t, fx) => ({
    body: { projectId: fx.projects[0].id, plate: uniquePlate(), vehicleType: 'new_energy' },
  }),
  'GET /api/v1/vehicles/:id': async (t, fx) => ({
    params: { id: (await makeVehicle(t.db, fx.a.orgId, { projectId: fx.projects[0].id })).id },
  }),
  'PATCH /api/v1/vehicles/:id': async (t, fx) => ({
    params: { id: (await makeVehicle(t.db, fx.a.orgId, { projectId: fx.projects[0].id })).id },
    body: { colour: '白色' },
  }),
};

/** Ids of a company's people or vehicles, for the tests that look for leaks between companies. */
export async function peopleRowIds(
  t: TestApp,
  table: 'person' | 'vehicle',
  orgId: number,
): Promise<string[]> {
  const result = await sql<{ id: number | string }>`
    select id from ${sql.table(table)} where org_id = ${orgId}`.execute(t.db);

  return result.rows.map((row) => String(row.id));
}
