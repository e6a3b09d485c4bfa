import { AfnameFieldsResolver } from './afname-fields.resolver';
import { Authorisation } from './authorisation.entity';
import { AuthorisationResolver } from './authorisation.resolver';
import { ProcessorLink } from './processor-link.entity';
import { ProcessorLinkResolver } from './processor-link.resolver';

export { activeAuthorisation, type ActiveAuthorisation } from './authorisation-check';
export { authorisedSelection } from './forwarding-selection';
export { processorOrganisations } from './authorisation.service';

/** Authorisations (machtigingen): processor links and institutions' grants; the app wires this module through these exports only. */
export const authorisationResolvers = [ProcessorLinkResolver, AuthorisationResolver, AfnameFieldsResolver] as const;

export const authorisationEntities = [ProcessorLink, Authorisation] as const;
