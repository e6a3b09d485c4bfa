import { Agreement } from './agreement.entity';
import { AgreementResolver } from './agreement.resolver';

export { agreementsSigned } from './agreement.service';
export { agreementDocumentRoute } from './agreement-document.route';

/** Agreements (overeenkomsten): the app wires this module through these exports only. */
export const agreementResolvers = [AgreementResolver] as const;

export const agreementEntities = [Agreement] as const;
