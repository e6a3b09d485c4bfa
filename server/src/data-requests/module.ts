import { DataRequest, DataRequestTransition } from './data-request.entity';
import { DataRequestAuthority, DataRequestConsent } from './data-request-consent.entity';
import { DataRequestQuote } from './data-request-quote.entity';
import { DataRequestAuthorityResolver, DataRequestConsentResolver, DataRequestResolver } from './data-request.resolver';

/** Data requests (gegevensverzoeken) under the protocol: the app wires this module through these exports only. */
export const dataRequestResolvers = [DataRequestResolver, DataRequestConsentResolver, DataRequestAuthorityResolver] as const;

export const dataRequestEntities = [DataRequest, DataRequestTransition, DataRequestQuote, DataRequestConsent, DataRequestAuthority] as const;

export { dataRequestExtractRoute, dataRequestFileRoute, dataRequestQuoteRoute, quoteStylesheetRoute } from './data-request.routes';
export { runDataRequestAftercare } from './aftercare.service';
