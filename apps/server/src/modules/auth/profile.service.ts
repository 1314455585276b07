import type { Database } from '../../db/database.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { requireActor } from '../../platform/scope.js';
import { getCompany } from '../org/company.service.js';
import { allVisibleProjects } from '../org/project.service.js';
import type { Profile } from './auth.schemas.js';

/** Profiles by session, valid while the company's auth epoch stays the same. */
const profileCache = new Map<string, { epoch: number; profile: Profile }>();
const PROFILE_CACHE_LIMIT = 10_000;

/** Who the caller is, what they may do and which projects they see: drives the console menu. */
export async function getProfile(db: Database, ctx: RequestContext): Promise<Profile> {
  const actor = requireActor(ctx);
  const cached = profileCache.get(actor.sessionId);
  if (cached && cached.epoch === actor.authEpoch && actor.kind === 'employee')
    return cached.profile;

  const profile = await buildProfile(db, actor);
  if (profileCache.size >= PROFILE_CACHE_LIMIT) {
    profileCache.delete(profileCache.keys().next().value as string);
  }
  profileCache.set(actor.sessionId, { epoch: actor.authEpoch, profile });

  return profile;
}

async function buildProfile(db: Database, actor: Actor): Promise<Profile> {
  const base = {
    id: actor.id,
    kind: actor.kind,
    name: actor.name,
    username: actor.username,
    channel: actor.channel,
    permissions: [...actor.permissions].sort(),
    allProjects: actor.projectIds === 'all',
  };
  if (actor.orgId === null) return { ...base, orgId: null, orgName: null, projects: [] };

  const company = await getCompany(db, actor.orgId);
  const projects = await allVisibleProjects(db, {
    orgId: actor.orgId,
    projectIds: actor.projectIds,
  });

  return {
    ...base,
    orgId: actor.orgId,
    orgName: company.name,
    projects: projects
      .filter((p) => p.status === 'active')
      .map(({ id, name, code }) => ({ id, name, code })),
  };
}
