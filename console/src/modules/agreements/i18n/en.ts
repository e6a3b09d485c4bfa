import type { agreementsNl } from './nl';

/** The agreements module's texts in English: the same keys as the Dutch ones, or the typecheck fails. */
export const agreementsEn: typeof agreementsNl = {
  agreements: {
    title: 'Agreements',
    intro: 'The agreements between the institution and the Data Hub. A registry can go live only when all four are signed and valid.',
    empty: 'No agreements recorded yet.',
    registry: 'Registry',
    forInstitution: 'Whole institution',
    sentOn: 'Sent',
    signedOn: 'Signed',
    expiresOn: 'Valid until',
    document: 'Signed PDF',
    download: 'Download',
    upload: 'Upload PDF',
    uploaded: 'The signed PDF has been stored.',
    uploadFailed: 'The upload failed; please try again.',
    setStatus: 'Status',
    statusChanged: 'The status has been changed.',
    add: 'Record agreement',
    addKind: 'Kind',
    addRegistry: 'Registry (for registry supplement and data protocol)',
    added: 'The agreement has been recorded.',
    kind: {
      GENERAL_SERVICE: 'General service agreement',
      PROCESSING: 'Processing agreement',
      REGISTRY_SUPPLEMENT: 'Registry supplement',
      DATA_PROTOCOL: 'Data protocol / data transfer agreement',
    },
    status: {
      TO_SEND: 'To send',
      SENT: 'Sent',
      SIGNED: 'Signed',
      EXPIRED: 'Expired',
    },
  },
};
