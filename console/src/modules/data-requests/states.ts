import type { DataRequestState } from '../../graphql/generated/graphql';

/** The protocol version the submit checkbox shows and submitDataRequest records (the server checks it is the current one). */
export const PROTOCOL_VERSION = '2.2';

/** The states in their life-cycle order, for the queue's filter. */
export const STATES: DataRequestState[] = [
  'SUBMITTED',
  'RETURNED_FOR_CHANGES',
  'AWAITING_CONSENTS',
  'IN_ASSESSMENT',
  'PRIVACY_COMMITTEE',
  'APPROVED',
  'APPROVED_WITH_CONDITIONS',
  'REJECTED',
  'QUOTE_SENT',
  'QUOTE_SIGNED',
  'DELIVERED',
  'IN_USE',
  'USAGE_ENDED',
  'DESTRUCTION_CONFIRMED',
  'WITHDRAWN',
];

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const STATE_TAG: Record<DataRequestState, TagType> = {
  DRAFT: 'info',
  SUBMITTED: 'primary',
  RETURNED_FOR_CHANGES: 'warning',
  AWAITING_CONSENTS: 'warning',
  IN_ASSESSMENT: 'primary',
  PRIVACY_COMMITTEE: 'primary',
  APPROVED: 'success',
  APPROVED_WITH_CONDITIONS: 'success',
  REJECTED: 'danger',
  QUOTE_SENT: 'warning',
  QUOTE_SIGNED: 'success',
  DELIVERED: 'success',
  IN_USE: 'success',
  USAGE_ENDED: 'info',
  DESTRUCTION_CONFIRMED: 'info',
  WITHDRAWN: 'info',
};

/** States whose form the requester may change and submit (again). */
export const EDITABLE: readonly DataRequestState[] = ['DRAFT', 'RETURNED_FOR_CHANGES'];

/** States the requester may withdraw from: up to the signed quote, which makes the agreement. */
export const WITHDRAWABLE: readonly DataRequestState[] = [
  'SUBMITTED',
  'RETURNED_FOR_CHANGES',
  'AWAITING_CONSENTS',
  'IN_ASSESSMENT',
  'PRIVACY_COMMITTEE',
  'APPROVED',
  'APPROVED_WITH_CONDITIONS',
  'QUOTE_SENT',
];

/** Moves that carry a decision (letter, conditions, narrowing). */
export const DECISIONS: readonly DataRequestState[] = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'];

/**
 * Hub staff's moves per state, as the server's life cycle allows them (its checks still apply and
 * name what is missing). Signing, the extract and the destruction statement are elsewhere; the usage
 * right also ends by itself (the daily task), hub staff may end it earlier.
 */
export const HUB_MOVES: Partial<Record<DataRequestState, DataRequestState[]>> = {
  SUBMITTED: ['AWAITING_CONSENTS', 'IN_ASSESSMENT', 'APPROVED', 'RETURNED_FOR_CHANGES'],
  AWAITING_CONSENTS: ['IN_ASSESSMENT', 'RETURNED_FOR_CHANGES'],
  IN_ASSESSMENT: ['PRIVACY_COMMITTEE', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'RETURNED_FOR_CHANGES'],
  PRIVACY_COMMITTEE: ['IN_ASSESSMENT', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'],
  APPROVED: ['QUOTE_SENT', 'DELIVERED'],
  APPROVED_WITH_CONDITIONS: ['QUOTE_SENT'],
  QUOTE_SIGNED: ['DELIVERED'],
  DELIVERED: ['USAGE_ENDED'],
  IN_USE: ['USAGE_ENDED'],
};

/** States of an approved request: only these can be published in the register. */
export const APPROVED_STATES: readonly DataRequestState[] = [
  'APPROVED',
  'APPROVED_WITH_CONDITIONS',
  'QUOTE_SENT',
  'QUOTE_SIGNED',
  'DELIVERED',
  'IN_USE',
  'USAGE_ENDED',
  'DESTRUCTION_CONFIRMED',
];

/** States after delivery: the delivery panel shows. */
export const DELIVERED_STATES: readonly DataRequestState[] = ['DELIVERED', 'IN_USE', 'USAGE_ENDED', 'DESTRUCTION_CONFIRMED'];

/** A step past its target date (a GraphQL Date, compared as text with today's local date). */
export function isOverdue(stepDueOn: string | null | undefined, today = new Date()): boolean {
  if (!stepDueOn) return false;
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return stepDueOn < local;
}
