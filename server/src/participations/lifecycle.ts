import { ParticipationState as S } from './participation-state';

/** Who may make a move: hub staff, the institution's local administrator, or either. */
export type Mover = 'HUB' | 'LOCAL_ADMIN';

/** A move that needs more than a role: checked when it is made, refused naming what is missing. */
export type MoveCheck = 'AGREEMENTS' | 'ACCOUNTS' | 'GO_LIVE' | 'END_PERIOD';

export interface Move {
  from: S;
  to: S;
  by: readonly Mover[];
  check?: MoveCheck;
}

const HUB: readonly Mover[] = ['HUB'];
const HUB_OR_LA: readonly Mover[] = ['HUB', 'LOCAL_ADMIN'];

/**
 * Every allowed move (README, "Participation lifecycle"). Anything not here is refused with a
 * message naming from, to and the moves that are open. ENDED is final.
 */
export const MOVES: readonly Move[] = [
  { from: S.REQUESTED, to: S.AGREEMENTS_SENT, by: HUB },
  { from: S.AGREEMENTS_SENT, to: S.AGREEMENTS_SIGNED, by: HUB, check: 'AGREEMENTS' },
  { from: S.AGREEMENTS_SIGNED, to: S.ACCOUNTS_READY, by: HUB_OR_LA, check: 'ACCOUNTS' },
  { from: S.ACCOUNTS_READY, to: S.TESTING, by: HUB_OR_LA },
  { from: S.TESTING, to: S.PRODUCTION, by: HUB, check: 'GO_LIVE' },
  { from: S.PRODUCTION, to: S.SUSPENDED, by: HUB },
  { from: S.SUSPENDED, to: S.PRODUCTION, by: HUB },
  // A local administrator may withdraw a sign-up nothing has been arranged for yet.
  { from: S.REQUESTED, to: S.ENDED, by: HUB_OR_LA },
  ...[S.AGREEMENTS_SENT, S.AGREEMENTS_SIGNED, S.ACCOUNTS_READY, S.TESTING].map((from) => ({ from, to: S.ENDED, by: HUB })),
  // Once deliveries were expected, ending needs the last period that stays expected.
  ...[S.PRODUCTION, S.SUSPENDED].map((from) => ({ from, to: S.ENDED, by: HUB, check: 'END_PERIOD' as const })),
];

export function findMove(from: S, to: S): Move | undefined {
  return MOVES.find((move) => move.from === from && move.to === to);
}

export function movesFrom(from: S): Move[] {
  return MOVES.filter((move) => move.from === from);
}
