import type { ParticipationState } from '../../graphql/generated/graphql';

type Mover = 'HUB' | 'LOCAL_ADMIN';

/**
 * The moves the server allows (server/src/participations/lifecycle.ts), to offer only buttons that
 * can work; the server decides, and its refusal (e.g. go-live criteria not met) is shown as it says.
 */
const MOVES: { from: ParticipationState; to: ParticipationState; by: Mover[] }[] = [
  { from: 'REQUESTED', to: 'AGREEMENTS_SENT', by: ['HUB'] },
  { from: 'AGREEMENTS_SENT', to: 'AGREEMENTS_SIGNED', by: ['HUB'] },
  { from: 'AGREEMENTS_SIGNED', to: 'ACCOUNTS_READY', by: ['HUB', 'LOCAL_ADMIN'] },
  { from: 'ACCOUNTS_READY', to: 'TESTING', by: ['HUB', 'LOCAL_ADMIN'] },
  { from: 'TESTING', to: 'PRODUCTION', by: ['HUB'] },
  { from: 'PRODUCTION', to: 'SUSPENDED', by: ['HUB'] },
  { from: 'SUSPENDED', to: 'PRODUCTION', by: ['HUB'] },
  { from: 'REQUESTED', to: 'ENDED', by: ['HUB', 'LOCAL_ADMIN'] },
  ...(['AGREEMENTS_SENT', 'AGREEMENTS_SIGNED', 'ACCOUNTS_READY', 'TESTING', 'PRODUCTION', 'SUSPENDED'] as const).map((from) => ({
    from,
    to: 'ENDED' as const,
    by: ['HUB' as const],
  })),
];

/** The states a participation in `from` can be moved to by hub staff (`hub`) or its local administrator. */
export function movesFor(from: ParticipationState, hub: boolean): ParticipationState[] {
  return MOVES.filter((move) => move.from === from && move.by.includes(hub ? 'HUB' : 'LOCAL_ADMIN')).map((move) => move.to);
}

/** Ending from these needs the last period still expected. */
export const END_PERIOD_NEEDED: ParticipationState[] = ['PRODUCTION', 'SUSPENDED'];

export const STATES: ParticipationState[] = [
  'REQUESTED',
  'AGREEMENTS_SENT',
  'AGREEMENTS_SIGNED',
  'ACCOUNTS_READY',
  'TESTING',
  'PRODUCTION',
  'SUSPENDED',
  'ENDED',
];

export const STATE_TAG: Record<ParticipationState, 'info' | 'primary' | 'success' | 'warning' | 'danger'> = {
  REQUESTED: 'info',
  AGREEMENTS_SENT: 'info',
  AGREEMENTS_SIGNED: 'info',
  ACCOUNTS_READY: 'primary',
  TESTING: 'warning',
  PRODUCTION: 'success',
  SUSPENDED: 'danger',
  ENDED: 'info',
};
