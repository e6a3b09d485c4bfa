import { Afname } from './afname.entity';
import { AfnameResolver } from './afname.resolver';
import { ForwardedRecordsResolver } from './forwarded-records.resolver';

/** Forwarding (doorlevering), afnames and lineage: the app wires this module through these exports only. */
export const forwardingResolvers = [AfnameResolver, ForwardedRecordsResolver] as const;

export const forwardingEntities = [Afname] as const;

export { forwardingRoutes, CURSOR_HEADER } from './forwarding.route';
export { type ForwardSelection, type ResolveSelection } from './forward-selection';
export { AfnameView } from './lineage.types';
export { countChanges, lastCompleteFetch } from './changes-since';
/** The reading of held records by scope, for other modules that hand data over (data request extracts). */
export { type ForwardScope, scopeClause, subDeliveriesOf } from './forward-query';
export { changeHorizon } from './change-cursor';
