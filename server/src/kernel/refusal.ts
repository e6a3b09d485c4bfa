import { type ClassType, createUnionType, Field, InterfaceType, Int, ObjectType } from 'type-graphql';
import { fillIn, type Language, type MessageParams, messages } from '../common/messages';
import { RefusalCode } from '../common/refusal-code';

export { RefusalCode } from '../common/refusal-code';

/**
 * Expected refusals are data, not errors: every mutation (and every query that can be refused)
 * answers a union of its success type and the refusal types, which all implement this interface.
 * GraphQL errors are left for bugs and for callers without the role the operation needs.
 */
@InterfaceType({ description: "Why something was refused: a code from the catalogue and a message in the caller's language." })
export abstract class Refusal {
  @Field(() => RefusalCode, { description: 'What was refused, from the catalogue of refusal codes.' })
  code!: RefusalCode;

  @Field(() => String, { description: "What is wrong, for people, in the caller's language." })
  message!: string;

  @Field(() => String, { nullable: true, description: "The input field that is wrong, when one is (its name as in the operation's arguments or input)." })
  field!: string | null;

  @Field(() => [RefusalParameter], {
    description: 'The values filled into the message, by name (e.g. `min` for PASSWORD_TOO_SHORT), for clients that word it themselves.',
  })
  parameters!: RefusalParameter[];
}

@ObjectType({ description: 'A value a refusal message was filled in with.' })
export class RefusalParameter {
  @Field(() => String, { description: 'Its name in the message template, e.g. `min`.' })
  name!: string;

  @Field(() => String, { description: 'Its value, as written into the message.' })
  value!: string;
}

@ObjectType({ implements: Refusal, description: 'A refusal: nothing was changed.' })
export class Refused extends Refusal {}

@ObjectType({ implements: Refusal, description: 'A login refused for too many failed attempts: try again after a while.' })
export class LockedOut extends Refusal {
  @Field(() => Int, { description: 'Seconds until another try can succeed.' })
  retryAfterSeconds!: number;
}

export interface RefuseOptions {
  /** Filled into the message and returned as `parameters`. */
  params?: MessageParams;
  /** The input field that is wrong. */
  field?: string;
  /** Other words than the code's own (the code stays): a key of the catalogue's `refusalDetail`. */
  detail?: keyof ReturnType<typeof messages>['refusalDetail'];
}

function fill<T extends Refusal>(refusal: T, language: Language, code: RefusalCode, options: RefuseOptions): T {
  const catalogue = messages(language);
  const params = options.params ?? {};
  const template = options.detail ? catalogue.refusalDetail[options.detail] : catalogue.refusal[code];
  return Object.assign(refusal, {
    code,
    message: fillIn(template, params),
    field: options.field ?? null,
    parameters: Object.entries(params).map(([name, value]) => Object.assign(new RefusalParameter(), { name, value: String(value) })),
  });
}

/** A refusal with the code's message from the catalogue, in the caller's language. */
export function refuse(language: Language, code: RefusalCode, options: RefuseOptions = {}): Refused {
  return fill(new Refused(), language, code, options);
}

/** A login refused until `retryAfterSeconds` have passed (ACCOUNT_LOCKED, ADDRESS_BLOCKED). */
export function lockedOut(language: Language, code: RefusalCode.ACCOUNT_LOCKED | RefusalCode.ADDRESS_BLOCKED, retryAfterSeconds: number): LockedOut {
  const refusal = fill(new LockedOut(), language, code, { params: { minutes: Math.ceil(retryAfterSeconds / 60) } });
  refusal.retryAfterSeconds = retryAfterSeconds;
  return refusal;
}

/** NOT_FOUND for an object the caller may not see or that does not exist: the two are never told apart. */
export function notFound(language: Language, object: keyof ReturnType<typeof messages>['object']): Refused {
  return refuse(language, RefusalCode.NOT_FOUND, { params: { object: messages(language).object[object] } });
}

export function isRefusal(value: unknown): value is Refusal {
  return value instanceof Refusal;
}

/**
 * The `XResult` union of an operation: its success type and the refusal types (`LockedOut` only
 * where a login step can lock out). Refusals are told from success by class (`refuse` makes
 * instances), so a success value may be an entity or a plain object of the success type's shape.
 */
export function resultUnion<T extends object>(name: string, description: string, success: ClassType<T>, options: { lockedOut?: boolean } = {}): T | Refusal {
  const types = options.lockedOut ? ([success, Refused, LockedOut] as const) : ([success, Refused] as const);
  return createUnionType({
    name,
    description,
    types: () => types,
    resolveType: (value) => (value instanceof LockedOut ? LockedOut : value instanceof Refused ? Refused : success),
  });
}
