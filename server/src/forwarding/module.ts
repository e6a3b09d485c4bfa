import { Afname } from './afname.entity';
import { AfnameResolver } from './afname.resolver';

/** Forwarding (doorlevering), afnames and lineage: the app wires this module through these exports only. */
export const forwardingResolvers = [AfnameResolver] as const;

export const forwardingEntities = [Afname] as const;

export { forwardingRoutes, CURSOR_HEADER } from './forwarding.route';
export { type ForwardSelection, type ResolveSelection } from './forward-selection';
