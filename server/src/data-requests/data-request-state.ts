import { registerEnumType } from 'type-graphql';

/** Where a data request (gegevensverzoek) stands, from draft to the confirmed destruction of the data. */
export enum DataRequestState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED_FOR_CHANGES = 'RETURNED_FOR_CHANGES',
  AWAITING_CONSENTS = 'AWAITING_CONSENTS',
  IN_ASSESSMENT = 'IN_ASSESSMENT',
  PRIVACY_COMMITTEE = 'PRIVACY_COMMITTEE',
  APPROVED = 'APPROVED',
  APPROVED_WITH_CONDITIONS = 'APPROVED_WITH_CONDITIONS',
  REJECTED = 'REJECTED',
  QUOTE_SENT = 'QUOTE_SENT',
  QUOTE_SIGNED = 'QUOTE_SIGNED',
  DELIVERED = 'DELIVERED',
  IN_USE = 'IN_USE',
  USAGE_ENDED = 'USAGE_ENDED',
  DESTRUCTION_CONFIRMED = 'DESTRUCTION_CONFIRMED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(DataRequestState, {
  name: 'DataRequestState',
  description: 'Where a data request stands (docs/data-requests.md shows the life cycle).',
  valuesConfig: {
    DRAFT: { description: 'Being written by the requester; editable, not yet seen by the hub.' },
    SUBMITTED: { description: 'Submitted with the protocol accepted; waiting for intake by hub staff.' },
    RETURNED_FOR_CHANGES: { description: 'Sent back by hub staff: the requester edits it and submits again.' },
    AWAITING_CONSENTS: { description: "A joint request: the other institutions' written consents are being collected." },
    IN_ASSESSMENT: { description: 'Hub staff assess it (legal frameworks, privacy, competition, sector interests).' },
    PRIVACY_COMMITTEE: { description: 'Referred to the privacy committee, whose advice comes before the decision.' },
    APPROVED: { description: 'Approved (own data: without assessment).' },
    APPROVED_WITH_CONDITIONS: { description: 'Approved with conditions and possibly a narrowed scope.' },
    REJECTED: { description: 'Rejected: final.' },
    QUOTE_SENT: { description: 'The quote was sent to the requester.' },
    QUOTE_SIGNED: { description: 'The signed quote is in: the data may be delivered.' },
    DELIVERED: { description: 'Delivered: the usage right runs from the delivery date.' },
    IN_USE: { description: 'The requester confirmed receipt; the data is in use.' },
    USAGE_ENDED: { description: 'The usage right ended; destruction is due within three calendar months.' },
    DESTRUCTION_CONFIRMED: { description: 'The requester confirmed the destruction: final.' },
    WITHDRAWN: { description: 'Withdrawn by the requester: final.' },
  },
});
