import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { resultUnion } from '../kernel/refusal';

export enum LoginStage {
  SECOND_FACTOR = 'SECOND_FACTOR',
  TOTP_SETUP = 'TOTP_SETUP',
  SIGNED_IN = 'SIGNED_IN',
}

registerEnumType(LoginStage, {
  name: 'LoginStage',
  description: 'Where a login stands.',
  valuesConfig: {
    SECOND_FACTOR: { description: 'Password accepted; enter the authenticator code (or ask for a mailed code).' },
    TOTP_SETUP: { description: 'Password accepted; set up an authenticator app first (or ask for a mailed code).' },
    SIGNED_IN: { description: 'Fully signed in.' },
  },
});

@ObjectType({ description: 'The next step of a login.' })
export class LoginStep {
  @Field(() => LoginStage, { description: 'What the user does next.' })
  stage!: LoginStage;
}

export const LoginResult = resultUnion('LoginResult', 'The next login step, or why the step was refused.', LoginStep, { lockedOut: true });

@ObjectType({ description: 'A new authenticator secret to enter in an app (shown once, until confirmed with a code).' })
export class TotpSetup {
  @Field(() => String, { description: 'The secret in base32, for typing in.' })
  secret!: string;

  @Field(() => String, { description: '`otpauth://` URI, for a QR code.' })
  uri!: string;
}

export const TotpSetupResult = resultUnion('TotpSetupResult', 'A new authenticator secret, or why not.', TotpSetup);

@ObjectType({ description: 'Something that succeeded.' })
export class Done {
  @Field(() => Boolean, { description: 'Always true.' })
  ok: boolean = true;
}

export const ActionResult = resultUnion('ActionResult', 'Done, or why the action was refused.', Done);

@ObjectType({ description: 'The session ended, or there was none.' })
export class LoggedOut {
  @Field(() => Boolean, { description: 'True when a session was ended; false when the request had none.' })
  sessionEnded!: boolean;
}

export const LogoutResult = resultUnion('LogoutResult', 'Logged out (logging out is never refused today; the union leaves room).', LoggedOut);

export const AccountChangeResult = resultUnion(
  'AccountChangeResult',
  'Done, or why your own sign-in was not changed (a wrong current password counts as a failed login and can lock the account).',
  Done,
  { lockedOut: true },
);
