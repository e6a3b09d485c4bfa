import type { AgreementKind, AgreementStatus } from '../../../graphql/generated/graphql';

/** The agreements module's texts in Dutch, merged into the console's catalogue (i18n/nl.ts). */
export const agreementsNl = {
  agreements: {
    title: 'Overeenkomsten',
    intro: 'De overeenkomsten tussen de instelling en de Datahub. Een registratie kan pas live als alle vier getekend en geldig zijn.',
    empty: 'Nog geen overeenkomsten vastgelegd.',
    registry: 'Registratie',
    forInstitution: 'Hele instelling',
    sentOn: 'Verstuurd',
    signedOn: 'Getekend',
    expiresOn: 'Geldig t/m',
    document: 'Getekende PDF',
    download: 'Downloaden',
    upload: 'PDF uploaden',
    uploaded: 'De getekende PDF is opgeslagen.',
    uploadFailed: 'Het uploaden is mislukt; probeer het opnieuw.',
    setStatus: 'Status',
    statusChanged: 'De status is gewijzigd.',
    add: 'Overeenkomst vastleggen',
    addKind: 'Soort',
    addRegistry: 'Registratie (bij registratiebijlage en dataprotocol)',
    added: 'De overeenkomst is vastgelegd.',
    kind: {
      GENERAL_SERVICE: 'Algemene dienstverleningsovereenkomst',
      PROCESSING: 'Verwerkersovereenkomst',
      REGISTRY_SUPPLEMENT: 'Registratiebijlage',
      DATA_PROTOCOL: 'Dataprotocol / gegevensleveringsovereenkomst',
    } satisfies Record<AgreementKind, string>,
    status: {
      TO_SEND: 'Te versturen',
      SENT: 'Verstuurd',
      SIGNED: 'Getekend',
      EXPIRED: 'Verlopen',
    } satisfies Record<AgreementStatus, string>,
  },
};
