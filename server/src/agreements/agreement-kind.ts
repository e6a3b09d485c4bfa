import { registerEnumType } from 'type-graphql';

/**
 * The agreements an institution signs before it delivers to a registry. The first two are signed
 * once per institution; the other two once per registry.
 */
export enum AgreementKind {
  GENERAL_SERVICE = 'GENERAL_SERVICE',
  PROCESSING = 'PROCESSING',
  REGISTRY_SUPPLEMENT = 'REGISTRY_SUPPLEMENT',
  DATA_PROTOCOL = 'DATA_PROTOCOL',
}

/** Kinds that belong to one registry; the others belong to the institution as a whole. */
export const PER_REGISTRY: readonly AgreementKind[] = [AgreementKind.REGISTRY_SUPPLEMENT, AgreementKind.DATA_PROTOCOL];

export enum AgreementStatus {
  TO_SEND = 'TO_SEND',
  SENT = 'SENT',
  SIGNED = 'SIGNED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(AgreementKind, {
  name: 'AgreementKind',
  description: 'Kind of agreement (overeenkomst) between the hub and an institution.',
  valuesConfig: {
    GENERAL_SERVICE: { description: 'General service agreement (algemene dienstverleningsovereenkomst); once per institution.' },
    PROCESSING: { description: 'Processing agreement (verwerkersovereenkomst); once per institution.' },
    REGISTRY_SUPPLEMENT: { description: "The registry's supplementary agreement (registratiebijlage); per registry." },
    DATA_PROTOCOL: { description: 'Data protocol or data transfer agreement (dataprotocol / gegevensleveringsovereenkomst); per registry.' },
  },
});

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement stands.',
  valuesConfig: {
    TO_SEND: { description: 'Still to be sent to the institution.' },
    SENT: { description: 'Sent; not yet signed.' },
    SIGNED: { description: 'Signed by the institution (valid until its expiry date, if it has one).' },
    EXPIRED: { description: 'No longer valid.' },
  },
});
