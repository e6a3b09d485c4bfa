import { todayInAmsterdam } from '../common/calendar';
import type { ResolveSelection } from '../forwarding/module';
import { activeAuthorisation } from './authorisation-check';
import { processorOrganisations } from './authorisation.service';

const OPEN_FROM = '1900';
const OPEN_TO = '2999';

/**
 * The forwarding routes' authorisation check: the selection one of the actor's processor
 * organisations may fetch under the authorisation, as it holds today (read anew on every request,
 * so a revocation or expiry applies at once); null for anything else, answered alike (404).
 */
export const authorisedSelection: ResolveSelection = async ({ em, actor, services }, { authorisationId }) => {
  const on = todayInAmsterdam(services.clock.now());
  for (const organisationId of processorOrganisations(actor)) {
    const authorisation = await activeAuthorisation(em, { organisationId, authorisationId, on });
    if (!authorisation) continue;
    return {
      authorisationId: authorisation.id,
      organisationId,
      institutionIds: [authorisation.institutionId],
      registryId: authorisation.registryId,
      subDeliveryId: authorisation.subDeliveryId,
      // An open end of the authorised range reaches as far as any delivery can.
      periods:
        authorisation.fromPeriod || authorisation.toPeriod ? { from: authorisation.fromPeriod ?? OPEN_FROM, to: authorisation.toPeriod ?? OPEN_TO } : null,
      fields: authorisation.fields,
    };
  }
  return null;
};
