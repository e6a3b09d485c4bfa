import type { Role } from '../../graphql/generated/graphql';
import { hasRole } from './session';

/** Which role decides the landing page of someone holding several: the widest view first. */
const PRECEDENCE: Role[] = ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER', 'PROCESSOR', 'REQUESTER'];

/**
 * Each role's landing page (route name): institution users their Overzicht, hub staff the
 * registries and institutions they manage, processors the data they may take, requesters their
 * data requests. Only for showing things: the server decides what each caller gets.
 */
export const LANDING_ROUTE: Record<Role, string> = {
  HUB_STAFF: 'registries',
  LOCAL_ADMIN: 'overview',
  SUBMITTER: 'overview',
  VIEWER: 'overview',
  PROCESSOR: 'my-authorisations',
  REQUESTER: 'my-data-requests',
};

/** The role that decides the signed-in user's landing page and help texts; null when signed out. */
export function leadingRole(): Role | null {
  return PRECEDENCE.find((role) => hasRole(role)) ?? null;
}

/** The route name of the signed-in user's landing page (the registries when signed out). */
export function landingRoute(): string {
  const role = leadingRole();
  return role ? LANDING_ROUTE[role] : 'registries';
}
