import { hasRole, isHubStaff, type Actor } from '../../kernel/actor';
import { Role } from '../../kernel/role';
import { empty, raw, sql, type Sql } from './sql';

/**
 * What an actor may see of the expected and actual deliveries: hub staff everything; a local
 * administrator every stream of their institution; submitters and viewers the registries or
 * sub-deliveries their roles name. `null` grants mean "all of that institution".
 */
export interface StreamGrant {
  institutionId: string;
  registryId: string | null;
  subDeliveryId: string | null;
}

export type StreamScope = { all: true } | { all: false; grants: StreamGrant[] };

const INSTITUTION_ROLES = [Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER];

export function streamScope(actor: Actor): StreamScope {
  if (isHubStaff(actor)) return { all: true };
  if (!hasRole(actor, ...INSTITUTION_ROLES)) return { all: false, grants: [] };
  const grants = actor.grants
    .filter((grant) => INSTITUTION_ROLES.includes(grant.role) && grant.institutionId)
    .map((grant) => ({
      institutionId: grant.institutionId as string,
      registryId: grant.role === Role.LOCAL_ADMIN ? null : grant.registryId,
      subDeliveryId: grant.role === Role.LOCAL_ADMIN ? null : grant.subDeliveryId,
    }));
  return { all: false, grants };
}

/** The scope narrowed to one institution (hub staff: all of it); null when the actor sees none of it. */
export function scopeForInstitution(scope: StreamScope, institutionId: string): StreamGrant[] | null {
  if (scope.all) return [{ institutionId, registryId: null, subDeliveryId: null }];
  const grants = scope.grants.filter((grant) => grant.institutionId === institutionId);
  return grants.length ? grants : null;
}

/** Whether the grants (of one institution, from scopeForInstitution) cover a stream. */
export function grantsCover(grants: StreamGrant[], stream: { registryId: string; subDeliveryId: string }): boolean {
  return grants.some(
    (grant) =>
      (grant.registryId === null || grant.registryId === stream.registryId) && (grant.subDeliveryId === null || grant.subDeliveryId === stream.subDeliveryId),
  );
}

export function institutionIdsOf(grants: StreamGrant[]): string[] {
  return [...new Set(grants.map((grant) => grant.institutionId))];
}

/**
 * A SQL condition over columns `institution`, `registry`, `subDelivery` (qualified names) that
 * holds for the streams the grants allow; `null` grants: no condition (hub staff, all).
 */
export function grantCondition(grants: StreamGrant[] | null, columns: { institution: string; registry: string; subDelivery: string }): Sql {
  if (grants === null) return empty;
  const json = JSON.stringify(grants.map((grant) => ({ i: grant.institutionId, r: grant.registryId, s: grant.subDeliveryId })));
  return sql` and exists (select 1 from jsonb_to_recordset(${json}::jsonb) as g(i uuid, r uuid, s uuid) where g.i = ${raw(columns.institution)} and (g.r is null or g.r = ${raw(columns.registry)}) and (g.s is null or g.s = ${raw(columns.subDelivery)}))`;
}
