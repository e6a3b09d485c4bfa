import { type Actor, isAuthenticated, isHubStaff } from '../kernel/actor';
import { Role } from '../kernel/role';

/** A submitter of this institution for any registry: the only one who may learn more about its deliveries' targets. */
export function maySubmitAt(actor: Actor, institutionId: string): boolean {
  return isAuthenticated(actor) && actor.grants.some((grant) => grant.role === Role.SUBMITTER && grant.institutionId === institutionId);
}

/** A submitter of this institution for this registry (or exactly this sub-delivery) may deliver. */
export function maySubmit(actor: Actor, target: { institutionId: string; registryId: string; subDeliveryId: string }): boolean {
  return (
    isAuthenticated(actor) &&
    actor.grants.some(
      (grant) =>
        grant.role === Role.SUBMITTER &&
        grant.institutionId === target.institutionId &&
        grant.registryId === target.registryId &&
        (grant.subDeliveryId === null || grant.subDeliveryId === target.subDeliveryId),
    )
  );
}

/**
 * Who may read a delivery and its report: hub staff, and the institution's submitters and viewers
 * for that registry (or sub-delivery). Anyone else gets "not found".
 */
export function mayRead(actor: Actor, target: { institutionId: string; registryId: string; subDeliveryId: string }): boolean {
  if (isHubStaff(actor)) return true;
  return (
    isAuthenticated(actor) &&
    actor.grants.some(
      (grant) =>
        (grant.role === Role.SUBMITTER || grant.role === Role.VIEWER) &&
        grant.institutionId === target.institutionId &&
        grant.registryId === target.registryId &&
        (grant.subDeliveryId === null || grant.subDeliveryId === target.subDeliveryId),
    )
  );
}

/**
 * The (institution, registry, sub-delivery) scopes the actor may read, for list queries; null for
 * hub staff (everything).
 */
export function readableScopes(actor: Actor): { institutionId: string; registryId: string; subDeliveryId: string | null }[] | null {
  if (isHubStaff(actor)) return null;
  if (!isAuthenticated(actor)) return [];
  return actor.grants
    .filter((grant) => (grant.role === Role.SUBMITTER || grant.role === Role.VIEWER) && grant.institutionId && grant.registryId)
    .map((grant) => ({ institutionId: grant.institutionId as string, registryId: grant.registryId as string, subDeliveryId: grant.subDeliveryId }));
}
