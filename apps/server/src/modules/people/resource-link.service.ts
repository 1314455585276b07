import type { Database } from '../../db/database.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { type Scope, scopeOf } from '../../platform/scope.js';
import { businessDate, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type { CreateLinkInput, EndLinkInput, TransferInput } from './people.schemas.js';
import { type ResourceLink, newPersonRow, personForField, toLink } from './person.service.js';
import * as repo from './people.repository.js';

type ResourceRow = NonNullable<Awaited<ReturnType<typeof repo.findResourceInScope>>>;

/** The reason a transfer writes on the links it ends. */
export const TRANSFER_REASON = 'transfer';

export interface ResourcePeople {
  resourceId: number;
  projectId: number;
  kind: ResourceRow['kind'];
  code: string;
  links: ResourceLink[];
}

async function resourceInScope(db: Database, scope: Scope, id: number): Promise<ResourceRow> {
  const resource = await repo.findResourceInScope(db, scope, id);
  if (!resource) throw notFound('resource');

  return resource;
}

async function linksById(db: Database, scope: Scope, ids: number[]): Promise<ResourceLink[]> {
  const rows = await repo.listLinks(db, scope, { ids, today: businessDate() });

  return rows.map(toLink).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

/** Everyone who is or was linked to a resource, current links first. */
export async function resourcePeople(
  db: Database,
  ctx: RequestContext,
  resourceId: number,
): Promise<ResourcePeople> {
  const scope = scopeOf(ctx);
  const resource = await resourceInScope(db, scope, resourceId);
  const links = (await repo.listLinks(db, scope, { resourceId, today: businessDate() })).map(
    toLink,
  );

  return {
    resourceId,
    projectId: resource.projectId,
    kind: resource.kind,
    code: resource.code,
    links: [...links.filter((l) => l.current), ...links.filter((l) => !l.current)],
  };
}

/** Links a person of the resource's project to it as owner, co-owner, family member or tenant. */
export async function linkPerson(
  db: Database,
  ctx: RequestContext,
  resourceId: number,
  input: CreateLinkInput,
): Promise<ResourceLink> {
  const scope = scopeOf(ctx);
  const resource = await resourceInScope(db, scope, resourceId);
  const person = await personForField(db, scope, input.personId, 'personId');
  if (person.projectId !== resource.projectId) {
    throw invalidField('personId', 'validation.person_other_project');
  }
  if (input.role === 'family' && !input.relation) {
    throw invalidField('relation', 'validation.required');
  }
  if (input.role !== 'family' && input.relation) {
    throw invalidField('relation', 'validation.relation_family_only');
  }

  const id = await inTransaction(db, async (tx) => {
    if (await repo.hasOpenLink(tx, { resourceId, personId: person.id })) {
      throw invalidField('personId', 'validation.already_linked');
    }

    const linkId = await repo.insertLink(tx, {
      org_id: scope.orgId,
      project_id: resource.projectId,
      resource_id: resourceId,
      person_id: person.id,
      role: input.role,
      relation: input.relation ?? null,
      start_date: input.startDate,
      end_date: null,
      end_reason: null,
      created_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'resource-person.create',
      entityType: 'resource_person',
      entityId: linkId,
      projectId: resource.projectId,
      after: { resourceId, ...input },
    });

    return linkId;
  });

  const [created] = await linksById(db, scope, [id]);

  return created;
}

/** Ends a link on a date, for a reason; links are history and are never deleted. */
export async function endLink(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: EndLinkInput,
): Promise<ResourceLink> {
  const scope = scopeOf(ctx);

  await inTransaction(db, async (tx) => {
    const link = await repo.findLink(tx, scope, id, businessDate());
    if (!link) throw notFound('resource_person');
    // Someone ended it meanwhile: the caller's screen is out of date.
    if (link.endDate !== null) throw new AppError('CONFLICT');
    if (input.date < link.startDate) throw invalidField('date', 'validation.end_before_link_start');

    await repo.endLinks(tx, [id], input);
    await recordAudit(tx, ctx, {
      action: 'resource-person.end',
      entityType: 'resource_person',
      entityId: id,
      projectId: link.projectId,
      before: link,
      after: { ...link, endDate: input.date, endReason: input.reason },
    });
  });

  const [ended] = await linksById(db, scope, [id]);

  return ended;
}

export interface TransferResult {
  resourceId: number;
  ended: ResourceLink[];
  started: ResourceLink[];
}

/** The people a transfer makes owners, checked before anything is written. */
async function newOwnerIds(
  db: Database,
  scope: Scope,
  resource: ResourceRow,
  ids: number[],
): Promise<number[]> {
  const seen = new Set<number>();
  for (const [index, id] of ids.entries()) {
    const field = `newOwnerIds.${index}`;
    if (seen.has(id)) throw invalidField(field, 'validation.duplicate');
    seen.add(id);

    const person = await personForField(db, scope, id, field);
    if (person.projectId !== resource.projectId) {
      throw invalidField(field, 'validation.person_other_project');
    }
  }

  return ids;
}

async function startOwnerLinks(
  tx: Transaction<DB>,
  resource: ResourceRow & { orgId: number },
  people: { personIds: number[]; date: string },
): Promise<number[]> {
  const started: number[] = [];
  for (const [index, personId] of people.personIds.entries()) {
    started.push(
      await repo.insertLink(tx, {
        org_id: resource.orgId,
        project_id: resource.projectId,
        resource_id: resource.id,
        person_id: personId,
        // The first new owner is the owner of record (产权人); the others co-own.
        role: index === 0 ? 'owner' : 'co_owner',
        relation: null,
        start_date: people.date,
        end_date: null,
        end_reason: null,
        created_at: nowInstant(),
      }),
    );
  }

  return started;
}

/**
 * Ownership transfer (过户): on the transfer date every open owner, co-owner and family link of
 * the resource ends with reason `transfer`, and owner links start for the new people (existing
 * ones by id, then new ones given inline). Tenants stay: a sale does not end a lease.
 */
export async function transferOwnership(
  db: Database,
  ctx: RequestContext,
  resourceId: number,
  input: TransferInput,
): Promise<TransferResult> {
  const scope = scopeOf(ctx);
  const resource = await resourceInScope(db, scope, resourceId);
  const existingIds = await newOwnerIds(db, scope, resource, input.newOwnerIds ?? []);
  const inline = (input.newOwners ?? []).map((person, index) =>
    newPersonRow(person, {
      orgId: scope.orgId,
      projectId: resource.projectId,
      prefix: `newOwners.${index}.`,
    }),
  );
  if (existingIds.length + inline.length === 0) {
    throw invalidField('newOwnerIds', 'validation.required');
  }

  const result = await inTransaction(db, async (tx) => {
    const open = await repo.openLinksOfResource(tx, {
      resourceId,
      roles: ['owner', 'co_owner', 'family'],
      date: input.date,
    });
    if (open.some((link) => link.startDate > input.date)) {
      throw invalidField('date', 'validation.link_starts_after');
    }

    const ended = open.map((link) => link.id);
    await repo.endLinks(tx, ended, { date: input.date, reason: TRANSFER_REASON });
    const createdIds: number[] = [];
    for (const row of inline) createdIds.push(await repo.insertPerson(tx, row));
    const started = await startOwnerLinks(
      tx,
      { ...resource, orgId: scope.orgId },
      { personIds: [...existingIds, ...createdIds], date: input.date },
    );
    await recordAudit(tx, ctx, {
      action: 'resource.transfer',
      entityType: 'resource',
      entityId: resourceId,
      projectId: resource.projectId,
      before: { links: open },
      after: { date: input.date, endedLinkIds: ended, startedLinkIds: started, createdIds },
    });

    return { ended, started };
  });

  return {
    resourceId,
    ended: await linksById(db, scope, result.ended),
    started: await linksById(db, scope, result.started),
  };
}
