import { DataRequestState as S } from './data-request-state';

/**
 * Who may make a move: the requester (a user of the requesting organisation), hub staff, or a
 * committee member (a hub user with the committee flag). Hub staff may act for a requester who sent
 * the form or the signed quote by mail: such moves list both.
 */
export type Mover = 'REQUESTER' | 'HUB';

/** A move that needs more than a role: checked when it is made, refused naming what is missing. */
export type MoveCheck =
  /** Own data only: skips assessment and quote. */
  | 'OWN_DATA'
  /** Not own data: own data never goes through assessment. */
  | 'NOT_OWN_DATA'
  /** Joint requests only. */
  | 'JOINT'
  /** Every other institution of a joint request consented in writing. */
  | 'CONSENTS'
  /** The kind is confirmed by hub staff. */
  | 'KIND_CONFIRMED'
  /** A decision: the letter text, considerations recorded, the committee's advice when referred, written orders for identifying data. */
  | 'DECISION'
  /** A quote with a valid fee proposal exists. */
  | 'QUOTE'
  /** Delivery: written orders for identifying data. */
  | 'DELIVERY'
  /** Delivery: the extract is prepared. */
  | 'EXTRACT';

export interface Move {
  from: S;
  to: S;
  by: readonly Mover[];
  checks?: readonly MoveCheck[];
}

const HUB: readonly Mover[] = ['HUB'];
const REQUESTER_OR_HUB: readonly Mover[] = ['REQUESTER', 'HUB'];

/** States a requester may still withdraw from: before the signed quote makes it an agreement (protocol art. 15). */
const WITHDRAWABLE = [
  S.SUBMITTED,
  S.RETURNED_FOR_CHANGES,
  S.AWAITING_CONSENTS,
  S.IN_ASSESSMENT,
  S.PRIVACY_COMMITTEE,
  S.APPROVED,
  S.APPROVED_WITH_CONDITIONS,
  S.QUOTE_SENT,
] as const;

/**
 * Every allowed move (docs/data-requests.md). Anything not here is refused naming from, to and the
 * open moves. REJECTED, WITHDRAWN and DESTRUCTION_CONFIRMED are final; DRAFT → SUBMITTED is
 * `submitDataRequest`, which checks the form.
 */
export const MOVES: readonly Move[] = [
  { from: S.DRAFT, to: S.SUBMITTED, by: REQUESTER_OR_HUB },
  { from: S.RETURNED_FOR_CHANGES, to: S.SUBMITTED, by: REQUESTER_OR_HUB },
  ...[S.SUBMITTED, S.AWAITING_CONSENTS, S.IN_ASSESSMENT].map((from) => ({ from, to: S.RETURNED_FOR_CHANGES, by: HUB })),
  // Own data (protocol art. 3): no assessment, straight to delivery preparation.
  { from: S.SUBMITTED, to: S.APPROVED, by: HUB, checks: ['KIND_CONFIRMED', 'OWN_DATA', 'DECISION'] },
  { from: S.SUBMITTED, to: S.AWAITING_CONSENTS, by: HUB, checks: ['KIND_CONFIRMED', 'JOINT'] },
  { from: S.SUBMITTED, to: S.IN_ASSESSMENT, by: HUB, checks: ['KIND_CONFIRMED', 'NOT_OWN_DATA', 'CONSENTS'] },
  { from: S.AWAITING_CONSENTS, to: S.IN_ASSESSMENT, by: HUB, checks: ['CONSENTS'] },
  { from: S.IN_ASSESSMENT, to: S.PRIVACY_COMMITTEE, by: HUB },
  { from: S.PRIVACY_COMMITTEE, to: S.IN_ASSESSMENT, by: HUB },
  ...[S.IN_ASSESSMENT, S.PRIVACY_COMMITTEE].flatMap((from) =>
    [S.APPROVED, S.APPROVED_WITH_CONDITIONS, S.REJECTED].map((to) => ({ from, to, by: HUB, checks: ['DECISION'] as const })),
  ),
  ...[S.APPROVED, S.APPROVED_WITH_CONDITIONS].map((from) => ({ from, to: S.QUOTE_SENT, by: HUB, checks: ['QUOTE'] as const })),
  // Signed by the requester in the system, or recorded by hub staff on receipt of a signed copy.
  { from: S.QUOTE_SENT, to: S.QUOTE_SIGNED, by: REQUESTER_OR_HUB },
  // Data only after the signed quote (art. 13); own data needs no quote.
  { from: S.QUOTE_SIGNED, to: S.DELIVERED, by: HUB, checks: ['DELIVERY', 'EXTRACT'] },
  { from: S.APPROVED, to: S.DELIVERED, by: HUB, checks: ['OWN_DATA', 'DELIVERY', 'EXTRACT'] },
  { from: S.DELIVERED, to: S.IN_USE, by: REQUESTER_OR_HUB },
  ...[S.DELIVERED, S.IN_USE].map((from) => ({ from, to: S.USAGE_ENDED, by: HUB })),
  { from: S.USAGE_ENDED, to: S.DESTRUCTION_CONFIRMED, by: REQUESTER_OR_HUB },
  ...WITHDRAWABLE.map((from) => ({ from, to: S.WITHDRAWN, by: REQUESTER_OR_HUB })),
];

export function findMove(from: S, to: S): Move | undefined {
  return MOVES.find((move) => move.from === from && move.to === to);
}

export function movesFrom(from: S): Move[] {
  return MOVES.filter((move) => move.from === from);
}

/** States in which the requester may still change the request's form. */
export const EDITABLE: ReadonlySet<S> = new Set([S.DRAFT, S.RETURNED_FOR_CHANGES]);

/**
 * Target durations in working days of the steps that wait on the hub or an institution; a step
 * past its target shows up as overdue for hub staff. States without a target wait on the requester
 * or are governed by the usage term.
 */
export const TARGET_WORKING_DAYS: Partial<Record<S, number>> = {
  [S.SUBMITTED]: 5,
  [S.AWAITING_CONSENTS]: 20,
  [S.IN_ASSESSMENT]: 20,
  [S.PRIVACY_COMMITTEE]: 30,
  [S.APPROVED]: 10,
  [S.APPROVED_WITH_CONDITIONS]: 10,
  [S.QUOTE_SIGNED]: 10,
};
