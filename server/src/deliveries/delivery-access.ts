import { type Actor, isAuthenticated } from '../kernel/actor';
import { Role } from '../kernel/role';

// Who may read deliveries, reports and record content: access/read-scope.ts (one scope for every read).

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
