import { createUnionType, Field, InterfaceType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Expected refusals are results, not exceptions: every one has a stable code and a message. */
@InterfaceType({ description: 'A refusal the client is expected to handle: a stable code and a message in the user\'s language.' })
export abstract class ErrorResult {
  @Field(() => String, { description: 'Stable machine-readable reason, e.g. `INVALID_CREDENTIALS`.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong, for people, in the user\'s language.' })
  message!: string;
}

@ObjectType({ implements: ErrorResult, description: 'A login, second-factor, invitation or password step that was refused.' })
export class AuthRefusal extends ErrorResult {
  @Field(() => Int, { nullable: true, description: 'Seconds until another try can succeed, when locked out.' })
  retryAfterSeconds?: number | null;

  @Field(() => String, { nullable: true, description: 'The input field that is wrong, when one is.' })
  field?: string | null;
}

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

export const LoginResult = createUnionType({
  name: 'LoginResult',
  description: 'The next login step, or why the step was refused.',
  types: () => [LoginStep, AuthRefusal] as const,
  resolveType: (value) => ('stage' in value ? LoginStep : AuthRefusal),
});

@ObjectType({ description: 'A new authenticator secret to enter in an app (shown once, until confirmed with a code).' })
export class TotpSetup {
  @Field(() => String, { description: 'The secret in base32, for typing in.' })
  secret!: string;

  @Field(() => String, { description: '`otpauth://` URI, for a QR code.' })
  uri!: string;
}

export const TotpSetupResult = createUnionType({
  name: 'TotpSetupResult',
  description: 'A new authenticator secret, or why not.',
  types: () => [TotpSetup, AuthRefusal] as const,
  resolveType: (value) => ('secret' in value ? TotpSetup : AuthRefusal),
});

@ObjectType({ description: 'Something that succeeded.' })
export class Done {
  @Field(() => Boolean, { description: 'Always true.' })
  ok: boolean = true;
}

export const ActionResult = createUnionType({
  name: 'ActionResult',
  description: 'Success, or why the action was refused.',
  types: () => [Done, AuthRefusal] as const,
  resolveType: (value) => ('ok' in value ? Done : AuthRefusal),
});

export function refusal(code: string, message: string, extra: { retryAfterSeconds?: number; field?: string } = {}): AuthRefusal {
  return Object.assign(new AuthRefusal(), { code, message, retryAfterSeconds: extra.retryAfterSeconds ?? null, field: extra.field ?? null });
}
