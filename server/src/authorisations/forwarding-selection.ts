import { todayInAmsterdam } from '../common/calendar';
import type { ForwardSelection, ResolveSelection } from '../forwarding/module';
import { activeAuthorisation } from './authorisation-check';
import { processorOrganisations } from './authorisation.service';

const OPEN_FROM = '1900';
const OPEN_TO = '2999';

/** What an authorisation covers, as forwarding reads it. */
export interface CoveredByAuthorisation {
  id: string;
  organisationId: string;
  institutionId: string;
  registryId: string;
  subDeliveryId: string | null;
  fromPeriod: string | null;
  toPeriod: string | null;
  fields: string[];
}

export function selectionOf(covered: CoveredByAuthorisation): ForwardSelection {
  return {
    authorisationId: covered.id,
    organisationId: covered.organisationId,
    institutionIds: [covered.institutionId],
    registryId: covered.registryId,
    subDeliveryId: covered.subDeliveryId,
    // An open end of the authorised range reaches as far as any delivery can.
    periods: covered.fromPeriod || covered.toPeriod ? { from: covered.fromPeriod ?? OPEN_FROM, to: covered.toPeriod ?? OPEN_TO } : null,
    fields: covered.fields,
  };
}

/**
 * The forwarding routes' authorisation check: the selection one of the actor's processor
 * organisations may fetch under the authorisation, as it holds today (read anew on every request,
 * so a revocation or expiry applies at once); null for anything else, answered alike (404).
 */
export const authorisedSelection: ResolveSelection = async ({ em, actor, services }, { authorisationId }) => {
  const on = todayInAmsterdam(services.clock.now());
  for (const organisationId of processorOrganisations(actor)) {
    const authorisation = await activeAuthorisation(em, { organisationId, authorisationId, on });
    if (authorisation) return selectionOf({ ...authorisation, organisationId });
  }
  return null;
};
