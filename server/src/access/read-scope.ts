import type { RequestContext } from '../kernel/context';
import { type Actor, hasRole, isHubStaff } from '../kernel/actor';
import { Role } from '../kernel/role';
import { appliedMergers, type MergerLink } from '../mergers/merger.query';
import { keyOf } from '../overviews/common/overview-cache';

/**
 * One stream (or all streams) of one institution that an actor may read. Local administrators read
 * every stream of their institution (deliveries, reports, overviews, participations), but not record
 * content; submitters and viewers read the registries or sub-deliveries their roles name, record
 * content included. `null` registry/sub-delivery: all of that institution.
 */
export interface ReadGrant {
  institutionId: string;
  registryId: string | null;
  subDeliveryId: string | null;
  /** May read the records as delivered (failed-record exports): submitters and viewers only. */
  recordContent: boolean;
  /** Only what was delivered before this day (`YYYY-MM-DD`): a merged institution's history, read by its successor's users. */
  before: string | null;
}

/** What an actor may read: hub staff everything, anyone else their grants (none for processors and requesters). */
export type ReadScope = { all: true } | { all: false; grants: ReadGrant[] };

const INSTITUTION_ROLES = [Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER];

/** The grants of the actor's own roles, without what mergers add. */
function ownGrants(actor: Actor): ReadGrant[] {
  return actor.grants
    .filter((grant) => INSTITUTION_ROLES.includes(grant.role) && grant.institutionId)
    .map((grant) => {
      const admin = grant.role === Role.LOCAL_ADMIN;
      return {
        institutionId: grant.institutionId as string,
        registryId: admin ? null : grant.registryId,
        subDeliveryId: admin ? null : grant.subDeliveryId,
        recordContent: !admin,
        before: null,
      };
    });
}

const earlier = (a: string | null, b: string): string => (a !== null && a < b ? a : b);

/**
 * The successor's grants extended to what merged into it: B's users read A's streams as their
 * roles at B allow, delivered before the merger's day; through chains too (A into B into C).
 */
export function withMergers(grants: ReadGrant[], mergers: readonly MergerLink[]): ReadGrant[] {
  const all = [...grants];
  let added = grants;
  const seen = new Set<string>();
  while (added.length) {
    const next: ReadGrant[] = [];
    for (const merger of mergers) {
      const into = added.filter((grant) => grant.institutionId === merger.intoId);
      if (!into.length || seen.has(`${merger.fromId}>${merger.intoId}`)) continue;
      seen.add(`${merger.fromId}>${merger.intoId}`);
      next.push(...into.map((grant) => ({ ...grant, institutionId: merger.fromId, before: earlier(grant.before, merger.effectiveDate) })));
    }
    all.push(...next);
    added = next;
  }
  return all;
}

/**
 * The one read scope that overviews, participations, deliveries, reports and exports all use. The
 * applied mergers are cached per `overview` data version (a merger bumps it), so a warm request
 * reads nothing more for it.
 */
export async function readScope(ctx: Pick<RequestContext, 'em' | 'actor' | 'services' | 'request'>): Promise<ReadScope> {
  if (isHubStaff(ctx.actor)) return { all: true };
  if (!hasRole(ctx.actor, ...INSTITUTION_ROLES)) return { all: false, grants: [] };
  const own = ownGrants(ctx.actor);
  const mergers = await ctx.services.overviewCache.get(ctx, keyOf('appliedMergers'), () => appliedMergers(ctx.em));
  return { all: false, grants: withMergers(own, mergers) };
}

/** The scope narrowed to one institution (hub staff: all of it); null when the actor sees none of it. */
export function scopeForInstitution(scope: ReadScope, institutionId: string): ReadGrant[] | null {
  if (scope.all) return [{ institutionId, registryId: null, subDeliveryId: null, recordContent: true, before: null }];
  const grants = scope.grants.filter((grant) => grant.institutionId === institutionId);
  return grants.length ? grants : null;
}

/** The grants that cover a stream (and, when `on` is given, a delivery of that day). */
function covering(grants: ReadGrant[], stream: { registryId: string; subDeliveryId: string }, on: string | null): ReadGrant[] {
  return grants.filter(
    (grant) =>
      (grant.registryId === null || grant.registryId === stream.registryId) &&
      (grant.subDeliveryId === null || grant.subDeliveryId === stream.subDeliveryId) &&
      (grant.before === null || on === null || on < grant.before),
  );
}

/** Whether the grants (of one institution, from scopeForInstitution) cover a stream; `on`: a delivery day. */
export function grantsCover(grants: ReadGrant[], stream: { registryId: string; subDeliveryId: string }, on: string | null = null): boolean {
  return covering(grants, stream, on).length > 0;
}

export function institutionIdsOf(grants: ReadGrant[]): string[] {
  return [...new Set(grants.map((grant) => grant.institutionId))];
}

/** May read a stream's deliveries, reports and overview rows (`on`: the delivery day, for history read through a merger). */
export function mayReadStream(scope: ReadScope, institutionId: string, registryId: string, subDeliveryId: string, on: string | null = null): boolean {
  const grants = scopeForInstitution(scope, institutionId);
  return grants !== null && grantsCover(grants, { registryId, subDeliveryId }, on);
}

/** May read the records as delivered (failed-record exports): hub staff, and submitters and viewers of that registry. */
export function mayReadRecordContent(scope: ReadScope, institutionId: string, registryId: string, subDeliveryId: string, on: string | null = null): boolean {
  const grants = scopeForInstitution(scope, institutionId);
  return grants !== null && covering(grants, { registryId, subDeliveryId }, on).some((grant) => grant.recordContent);
}

type GrantColumns = { institution: string; registry: string; subDelivery: string; date?: string };

/**
 * A SQL predicate over the given qualified columns (trusted names, never input) that holds for the
 * streams the grants allow; `date`: the delivery day column, compared with a grant's `before`.
 */
export function grantPredicate(grants: ReadGrant[], columns: GrantColumns): { text: string; values: unknown[] } {
  const json = JSON.stringify(grants.map((grant) => ({ i: grant.institutionId, r: grant.registryId, s: grant.subDeliveryId, b: grant.before })));
  const before = columns.date ? ` and (g.b is null or ${columns.date} < g.b)` : '';
  return {
    text: `exists (select 1 from jsonb_to_recordset(?::jsonb) as g(i uuid, r uuid, s uuid, b date) where g.i = ${columns.institution} and (g.r is null or g.r = ${columns.registry}) and (g.s is null or g.s = ${columns.subDelivery})${before})`,
    values: [json],
  };
}

/** grantPredicate to append after a `where …` (` and exists (…)`); `null` grants: no condition (hub staff, all). */
export function grantCondition(grants: ReadGrant[] | null, columns: GrantColumns): { text: string; values: unknown[] } {
  if (grants === null) return { text: '', values: [] };
  const predicate = grantPredicate(grants, columns);
  return { text: ` and ${predicate.text}`, values: predicate.values };
}
