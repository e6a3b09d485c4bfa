import { Role } from './role';

/** One role the actor holds now, with its scope (ids; null where the role has no such scope). */
export interface Grant {
  role: Role;
  institutionId: string | null;
  institutionCode: string | null;
  registryId: string | null;
  subDeliveryId: string | null;
  organisationId: string | null;
}

/**
 * Who makes this request, read anew from the database on every request: a role revoked or an
 * account disabled is refused on the very next request, live sessions included.
 */
export interface Actor {
  /** `institutionId`: the institution the user's organisation is, if any (audit rows about the user carry it). */
  user: { id: string; email: string; name: string; organisationId: string; institutionId: string | null; language: string } | null;
  session: { id: string; secondFactorPassed: boolean } | null;
  token: { id: string; organisationId: string | null } | null;
  grants: Grant[];
  /** SESSION:<id>, TOKEN:<id>, CLI, SYSTEM or ANONYMOUS: recorded in the audit log. */
  channel: string;
  address: string | null;
  userAgent: string | null;
  language: 'nl' | 'en';
}

export function anonymousActor(address: string | null, userAgent: string | null, language: 'nl' | 'en'): Actor {
  return { user: null, session: null, token: null, grants: [], channel: 'ANONYMOUS', address, userAgent, language };
}

export const systemActor: Actor = { ...anonymousActor(null, null, 'nl'), channel: 'SYSTEM' };

/** Signed in with both factors, or holding a valid API token. */
export function isAuthenticated(actor: Actor): boolean {
  return actor.token !== null || (actor.session?.secondFactorPassed ?? false);
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return isAuthenticated(actor) && actor.grants.some((grant) => roles.includes(grant.role));
}

export function isHubStaff(actor: Actor): boolean {
  return hasRole(actor, Role.HUB_STAFF);
}

/** Institutions where the actor holds one of the roles (hub staff: null, meaning every institution). */
export function institutionScope(actor: Actor, roles: Role[]): Set<string> | null {
  if (isHubStaff(actor)) return null;
  if (!isAuthenticated(actor)) return new Set();
  return new Set(actor.grants.filter((grant) => roles.includes(grant.role) && grant.institutionId).map((grant) => grant.institutionId as string));
}

/** Hub staff, or local administrator of this institution. */
export function administersInstitution(actor: Actor, institutionId: string): boolean {
  return (
    isHubStaff(actor) || (isAuthenticated(actor) && actor.grants.some((grant) => grant.role === Role.LOCAL_ADMIN && grant.institutionId === institutionId))
  );
}

/** For the audit log: `HUB_STAFF`, `LOCAL_ADMIN@11111111`, `SUBMITTER@11111111/<registry id>`. */
export function describeRoles(actor: Actor): string {
  return actor.grants
    .map((grant) => {
      const scope = [grant.institutionCode, grant.registryId, grant.subDeliveryId, grant.organisationId].filter(Boolean).join('/');
      return scope ? `${grant.role}@${scope}` : grant.role;
    })
    .join(' ');
}
