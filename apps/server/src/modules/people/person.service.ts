import type { Database } from '../../db/database.js';
import type { PersonTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { Page } from '../../platform/http.js';
import { type Scope, scopeOf } from '../../platform/scope.js';
import { businessDate, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import {
  type IdType,
  isMainlandMobile,
  isValidIdNumber,
  maskIdNumber,
  maskMobile,
  normaliseIdNumber,
  residentIdFacts,
} from '../../platform/validators.js';
import {
  customFieldFilters,
  customValuesOf,
  saveCustomValues,
  withCustomFields,
} from '../custom-fields/custom-fields.service.js';
import type { CustomFieldValues } from '../custom-fields/custom-fields.schemas.js';
import { getProject } from '../org/project.service.js';
import { VIEW_SENSITIVE } from './people.permissions.js';
import type {
  CreatePersonInput,
  InlinePersonInput,
  PersonListQuery,
  PersonRole,
  UpdatePersonInput,
} from './people.schemas.js';
import * as repo from './people.repository.js';

type PersonRow = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
type LinkRow = NonNullable<Awaited<ReturnType<typeof repo.findLink>>>;

export type Person = Omit<PersonRow, 'idType' | 'tags'> & { idType: IdType | null; tags: string[] };
export type PersonListItem = Person & { roles: PersonRole[]; customFields: CustomFieldValues };
export type ResourceLink = Omit<LinkRow, 'relation' | 'current'> & {
  relation: 'spouse' | 'child' | 'parent' | 'sibling' | 'other' | null;
  current: boolean;
};
export type PersonDetail = PersonListItem & { links: ResourceLink[] };

/** Whether the caller may see mobile and ID numbers in full. */
export function seesSensitive(ctx: RequestContext): boolean {
  return ctx.actor?.permissions.has(VIEW_SENSITIVE) ?? false;
}

function toPerson(row: PersonRow, reveal: boolean): Person {
  return {
    ...row,
    mobile: row.mobile && !reveal ? maskMobile(row.mobile) : row.mobile,
    idNumber: row.idNumber && !reveal ? maskIdNumber(row.idNumber) : row.idNumber,
    idType: row.idType as IdType | null,
    tags: JSON.parse(row.tags) as string[],
  };
}

/** What the audit log keeps of a person: everything, with the ID number masked. */
function auditView(row: PersonRow | undefined) {
  if (!row) return row;

  return { ...row, idNumber: row.idNumber && maskIdNumber(row.idNumber) };
}

export function toLink(row: LinkRow): ResourceLink {
  return {
    ...row,
    relation: row.relation as ResourceLink['relation'],
    current: Number(row.current) === 1,
  };
}

/** The roles of a person's current links, each once, in a fixed order. */
function rolesOf(roles: PersonRole[]): PersonRole[] {
  const order: PersonRole[] = ['owner', 'co_owner', 'family', 'tenant'];

  return order.filter((role) => roles.includes(role));
}

/**
 * The people the caller may see, with the roles they hold today. `q` finds part of a name, or
 * part of a mobile number for callers who see numbers in full (a whole number for the others).
 */
export async function listPeople(
  db: Database,
  ctx: RequestContext,
  query: PersonListQuery,
): Promise<Page<PersonListItem>> {
  const today = businessDate();
  const roles: PersonRole[] | undefined =
    query.role === 'owner' ? ['owner', 'co_owner'] : query.role && [query.role];
  const reveal = seesSensitive(ctx);
  const scope = scopeOf(ctx);
  const page = await repo.listPeople(db, scope, {
    ...query,
    roles,
    today,
    wholeMobile: !reveal,
    customFields: await customFieldFilters(db, scope.orgId, 'person', query),
  });
  const held = await repo.currentRoles(
    db,
    page.items.map((p) => p.id),
    today,
  );

  const items = page.items.map((row) => ({
    ...toPerson(row, reveal),
    roles: rolesOf(held.filter((h) => h.personId === row.id).map((h) => h.role)),
  }));

  return { ...page, items: await withCustomFields(db, scope.orgId, 'person', items) };
}

async function loadDetail(
  db: Database,
  ctx: RequestContext,
  scope: Scope,
  id: number,
): Promise<PersonDetail> {
  const row = await repo.findPerson(db, scope, id);
  if (!row) throw notFound('person');
  const links = (await repo.listLinks(db, scope, { personId: id, today: businessDate() })).map(
    toLink,
  );
  const values = await customValuesOf(db, scope.orgId, 'person', [id]);

  return {
    ...toPerson(row, seesSensitive(ctx)),
    customFields: values.get(id) ?? {},
    roles: rolesOf(links.filter((l) => l.current).map((l) => l.role)),
    links: [...links.filter((l) => l.current), ...links.filter((l) => !l.current)],
  };
}

/** A person with every resource they are or were linked to. */
export function getPerson(db: Database, ctx: RequestContext, id: number): Promise<PersonDetail> {
  return loadDetail(db, ctx, scopeOf(ctx), id);
}

/** A person of the caller's scope, or the 400 of an unknown id in a body field. */
export async function personForField(
  db: Database,
  scope: Scope,
  id: number,
  field: string,
): Promise<PersonRow> {
  const person = await repo.findPerson(db, scope, id);
  if (!person) throw invalidField(field, 'validation.unknown_person');

  return person;
}

/** Refuses a project that is not the caller's, naming the field. */
export async function assertProjectField(
  db: Database,
  ctx: RequestContext,
  projectId: number,
): Promise<void> {
  try {
    await getProject(db, ctx, projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw invalidField('projectId', 'validation.unknown_project');
    }
    throw error;
  }
}

interface Identity {
  idType: IdType | null;
  idNumber: string | null;
}

/** Checks an ID number against its type; `prefix` places the fields inside a larger body. */
function checkIdentity(identity: Identity, prefix = ''): void {
  if (identity.idNumber === null) return;
  if (identity.idType === null) throw invalidField(`${prefix}idType`, 'validation.required');
  if (!isValidIdNumber(identity.idType, identity.idNumber)) {
    throw invalidField(`${prefix}idNumber`, 'validation.id_number');
  }
}

function identityOf(input: { idType?: IdType | null; idNumber?: string | null }): Identity {
  const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) : null;

  return { idType: input.idType ?? null, idNumber };
}

/** The row of a new person; a resident ID fills in a missing birthday and gender. */
export function newPersonRow(
  input: InlinePersonInput,
  place: { orgId: number; projectId: number; prefix?: string },
): Omit<PersonTable, 'id'> {
  const identity = identityOf(input);
  checkIdentity(identity, place.prefix);
  const facts =
    identity.idType === 'resident_id' && identity.idNumber
      ? residentIdFacts(identity.idNumber)
      : undefined;
  const at = nowInstant();

  return {
    org_id: place.orgId,
    project_id: place.projectId,
    name: input.name,
    mobile: input.mobile ?? null,
    email: input.email ?? null,
    id_type: identity.idType,
    id_number: identity.idNumber,
    gender: input.gender ?? facts?.gender ?? null,
    birthday: input.birthday ?? facts?.birthday ?? null,
    tags: JSON.stringify(input.tags ?? []),
    note: input.note ?? null,
    created_at: at,
    updated_at: at,
  };
}

/** Registers an owner, family member or tenant (业主/家庭成员/租户) in a project. */
export async function createPerson(
  db: Database,
  ctx: RequestContext,
  input: CreatePersonInput,
): Promise<PersonDetail> {
  const scope = scopeOf(ctx);
  await assertProjectField(db, ctx, input.projectId);
  const row = newPersonRow(input, { orgId: scope.orgId, projectId: input.projectId });

  const id = await inTransaction(db, async (tx) => {
    const personId = await repo.insertPerson(tx, row);
    await saveCustomValues(tx, {
      orgId: scope.orgId,
      target: 'person',
      entityId: personId,
      values: input.customFields,
      creating: true,
    });
    await recordAudit(tx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: personId,
      projectId: input.projectId,
      after: {
        ...auditView(await repo.findPerson(tx, scope, personId)),
        customFields: input.customFields,
      },
    });

    return personId;
  });

  return loadDetail(db, ctx, scope, id);
}

/** Edits a person's archive; the project they are registered in stays. */
export async function updatePerson(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdatePersonInput,
): Promise<PersonDetail> {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const before = await repo.findPerson(tx, scope, id);
    if (!before) throw notFound('person');
    const valuesOf = async () => (await customValuesOf(tx, scope.orgId, 'person', [id])).get(id);
    const valuesBefore = await valuesOf();
    const identity = identityOf({
      idType: input.idType === undefined ? (before.idType as IdType | null) : input.idType,
      idNumber: input.idNumber === undefined ? before.idNumber : input.idNumber,
    });
    if (input.idType !== undefined || input.idNumber !== undefined) checkIdentity(identity);

    await repo.updatePerson(tx, id, {
      name: input.name,
      mobile: input.mobile,
      email: input.email,
      id_type: identity.idType,
      id_number: identity.idNumber,
      gender: input.gender,
      birthday: input.birthday,
      tags: input.tags && JSON.stringify(input.tags),
      note: input.note,
      updated_at: nowInstant(),
    });
    await saveCustomValues(tx, {
      orgId: scope.orgId,
      target: 'person',
      entityId: id,
      values: input.customFields,
      creating: false,
    });
    await recordAudit(tx, ctx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      projectId: before.projectId,
      before: { ...auditView(before), customFields: valuesBefore },
      after: { ...auditView(await repo.findPerson(tx, scope, id)), customFields: await valuesOf() },
    });
  });

  return loadDetail(db, ctx, scope, id);
}

export interface PhoneLink {
  linkId: number;
  resourceId: number;
  projectId: number;
  kind: 'room' | 'shop' | 'parking_space' | 'ad_space' | 'storage';
  code: string;
  role: PersonRole;
  personId: number;
}

/**
 * The resources a phone number stands for in one company: every link holding today where a
 * person with that mobile is owner, co-owner, family member or tenant. The owner app signs in
 * with the phone number and shows these (业主认证后自动关联名下资源).
 */
export async function linkPhone(db: Database, orgId: number, mobile: string): Promise<PhoneLink[]> {
  const number = mobile.trim();
  if (!isMainlandMobile(number)) return [];

  return repo.currentLinksByMobile(db, { orgId, mobile: number, today: businessDate() });
}

/** Ids asked for per statement, well under both dialects' parameter limits. */
const CONTACT_CHUNK = 500;

export interface PersonContact {
  id: number;
  name: string;
  mobile: string | null;
  email: string | null;
}

/** Where notices reach each of these people of a company; ids of another company are absent. */
export async function personContacts(
  db: Database,
  orgId: number,
  personIds: readonly number[],
): Promise<Map<number, PersonContact>> {
  const contacts = new Map<number, PersonContact>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += CONTACT_CHUNK) {
    const rows = await repo.personContacts(db, orgId, unique.slice(i, i + CONTACT_CHUNK));
    for (const row of rows) contacts.set(row.id, { ...row, email: row.email ?? null });
  }

  return contacts;
}
