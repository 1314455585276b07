import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import { scopeOf } from '../../platform/scope.js';
import { businessDate, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import * as repo from './people.repository.js';

/** One owner named on an imported row: the resource, the person, and since when. */
export interface ImportedOwner {
  resourceId: number;
  name: string;
  mobile: string | null;
  since: string | null;
}

const CHUNK = 1000;

/**
 * Links the owners named in an import: a person of the project with the same name and mobile is
 * reused, otherwise created; a resource gets an owner link unless that person already owns it.
 * Running the same rows again creates nothing. Each chunk commits on its own.
 */
export async function linkImportedOwners(
  db: Database,
  ctx: RequestContext,
  options: { projectId: number; owners: ImportedOwner[] },
): Promise<{ peopleCreated: number; linksCreated: number }> {
  const { orgId } = scopeOf(ctx);
  const people = await repo.peopleByNameAndMobile(db, options.projectId);
  const owners = await repo.openOwnersByResource(db, options.projectId);
  const today = businessDate();
  let peopleCreated = 0;
  let linksCreated = 0;

  for (let i = 0; i < options.owners.length; i += CHUNK) {
    const chunk = options.owners.slice(i, i + CHUNK);
    await inTransaction(db, async (tx) => {
      const at = nowInstant();
      const key = (o: ImportedOwner) => `${o.name}|${o.mobile ?? ''}`;
      const fresh = new Map<string, ImportedOwner>();
      for (const owner of chunk) if (!people.has(key(owner))) fresh.set(key(owner), owner);

      const created = await repo.insertPeople(
        tx,
        [...fresh.values()].map((owner) => ({
          org_id: orgId,
          project_id: options.projectId,
          name: owner.name,
          mobile: owner.mobile,
          id_type: null,
          id_number: null,
          gender: null,
          birthday: null,
          tags: '[]',
          note: null,
          created_at: at,
          updated_at: at,
        })),
      );
      for (const [k, id] of created) people.set(k, id);
      peopleCreated += created.size;

      const links = [];
      for (const owner of chunk) {
        const personId = people.get(key(owner))!;
        const current = owners.get(owner.resourceId) ?? new Set<number>();
        if (current.has(personId)) continue;
        links.push({
          org_id: orgId,
          project_id: options.projectId,
          resource_id: owner.resourceId,
          person_id: personId,
          role: current.size === 0 ? ('owner' as const) : ('co_owner' as const),
          relation: null,
          start_date: owner.since ?? today,
          end_date: null,
          end_reason: null,
          created_at: at,
        });
        current.add(personId);
        owners.set(owner.resourceId, current);
      }
      await repo.insertLinks(tx, links);
      linksCreated += links.length;
    });
  }

  return { peopleCreated, linksCreated };
}
