import { registerEnumType } from 'type-graphql';

/**
 * Where an institution's participation (deelname) in a sub-delivery stands, from sign-up to the
 * end. Deliveries are expected only in PRODUCTION (and, for ENDED, up to the end period).
 */
export enum ParticipationState {
  REQUESTED = 'REQUESTED',
  AGREEMENTS_SENT = 'AGREEMENTS_SENT',
  AGREEMENTS_SIGNED = 'AGREEMENTS_SIGNED',
  ACCOUNTS_READY = 'ACCOUNTS_READY',
  TESTING = 'TESTING',
  PRODUCTION = 'PRODUCTION',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
}

registerEnumType(ParticipationState, {
  name: 'ParticipationState',
  description: 'Where a participation stands, from sign-up to the end.',
  valuesConfig: {
    REQUESTED: { description: 'Signed up (aangemeld); nothing arranged yet.' },
    AGREEMENTS_SENT: { description: 'The agreements were sent to the institution.' },
    AGREEMENTS_SIGNED: { description: 'The agreements came back signed.' },
    ACCOUNTS_READY: { description: 'A local administrator and a submitter for the registry exist.' },
    TESTING: { description: 'Test deliveries are made towards the go-live criteria.' },
    PRODUCTION: { description: 'Live: deliveries are expected from the start period.' },
    SUSPENDED: { description: 'Paused: nothing is expected meanwhile.' },
    ENDED: { description: 'Stopped: deliveries were expected up to the end period only.' },
  },
});
