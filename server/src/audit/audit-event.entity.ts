import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AuditEventType {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  READ = 'READ',
  SEARCH = 'SEARCH',
  EXPORT = 'EXPORT',
  LOGIN = 'LOGIN',
  LOGIN_FAILURE = 'LOGIN_FAILURE',
  LOGOUT = 'LOGOUT',
  AUTHORISATION_FAILURE = 'AUTHORISATION_FAILURE',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  REFUSAL = 'REFUSAL',
}

registerEnumType(AuditEventType, {
  name: 'AuditEventType',
  description: 'Kind of audited event (NEN 7513).',
  valuesConfig: {
    CREATE: { description: 'Something was made: an account, invitation, token, delivery, organisation.' },
    UPDATE: { description: 'Something was changed: roles, activation, participation, deadlines, settings.' },
    DELETE: { description: 'Something was removed.' },
    READ: { description: 'Personal or delivered data was read (a report, a list of people).' },
    SEARCH: { description: 'A list of deliveries or audit entries was searched.' },
    EXPORT: { description: 'Data left the hub as a file (report export, audit CSV).' },
    LOGIN: { description: 'A login step succeeded.' },
    LOGIN_FAILURE: { description: 'A login step failed (wrong password or code, locked out).' },
    LOGOUT: { description: 'A session was ended by its user.' },
    AUTHORISATION_FAILURE: { description: "Something was refused because it was not the actor's to see or do." },
    SESSION_EXPIRED: { description: 'A session ended by its idle or absolute time limit.' },
    REFUSAL: { description: 'A change was refused by a rule (e.g. the last local administrator); the refusal code is the detail.' },
  },
});

export enum AuditOutcome {
  SUCCESS = 'SUCCESS',
  REFUSED = 'REFUSED',
  FAILURE = 'FAILURE',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited event ended, as follows from its kind.',
  valuesConfig: {
    SUCCESS: { description: 'It happened.' },
    REFUSED: { description: 'It was refused (AUTHORISATION_FAILURE, REFUSAL); the code is the detail.' },
    FAILURE: { description: 'A login step failed (LOGIN_FAILURE).' },
  },
});

/** The event kinds of each outcome other than SUCCESS (every other kind is a success). */
export const OUTCOME_EVENTS: Record<Exclude<AuditOutcome, AuditOutcome.SUCCESS>, AuditEventType[]> = {
  [AuditOutcome.REFUSED]: [AuditEventType.AUTHORISATION_FAILURE, AuditEventType.REFUSAL],
  [AuditOutcome.FAILURE]: [AuditEventType.LOGIN_FAILURE],
};

export function outcomeOf(event: AuditEventType): AuditOutcome {
  if (OUTCOME_EVENTS.REFUSED.includes(event)) return AuditOutcome.REFUSED;
  if (OUTCOME_EVENTS.FAILURE.includes(event)) return AuditOutcome.FAILURE;
  return AuditOutcome.SUCCESS;
}

/**
 * One row of the NEN 7513 audit log: append-only (a trigger refuses UPDATE and DELETE, see the
 * migration), written in the same transaction as the change it records. Actor details are copied,
 * not referenced, so the row stays true when the user is changed later.
 */
@ObjectType({ description: 'An entry of the audit log (NEN 7513).' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['institutionId', 'at'] })
@Index({ properties: ['actorUserId', 'at'] })
export class AuditEvent {
  [OptionalProps]?: 'at';

  @Field(() => ID, { description: 'Sequence number.' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date, { description: 'When it happened (UTC).' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  @Field(() => AuditEventType, { description: 'What happened.' })
  @Enum({ items: () => AuditEventType, type: 'string' })
  event!: AuditEventType;

  @Field(() => ID, { nullable: true, description: 'Id of the user who acted; null for anonymous requests and the system.' })
  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address of that user at the time.' })
  @Property({ type: 'string', length: 320, nullable: true })
  actorEmail?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organisation of the actor at the time.' })
  @Property({ type: 'uuid', nullable: true })
  actorOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Roles the actor held, e.g. `LOCAL_ADMIN@11111111`.' })
  @Property({ type: 'text', nullable: true })
  actorRoles?: string | null;

  @Field(() => String, { description: 'Through what: SESSION, TOKEN, CLI, SYSTEM or ANONYMOUS, with the session or token id.' })
  @Property({ type: 'string', length: 100 })
  channel!: string;

  @Field(() => String, { nullable: true, description: "On whose behalf, when not the actor's own (e.g. a processor organisation)." })
  @Property({ type: 'string', length: 200, nullable: true })
  onBehalfOf?: string | null;

  @Field(() => String, { description: 'The operation or action, e.g. `inviteUser`, `login`.' })
  @Property({ type: 'string', length: 100 })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Kind of object acted on, e.g. `User`, `Session`.' })
  @Property({ type: 'string', length: 60, nullable: true })
  objectType?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the object, or a description of the record set.' })
  @Property({ type: 'string', length: 200, nullable: true })
  objectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Institution whose data or people it concerns.' })
  @Property({ type: 'uuid', nullable: true })
  institutionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Client address.' })
  @Property({ type: 'string', length: 64, nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Client user agent (shortened).' })
  @Property({ type: 'string', length: 300, nullable: true })
  userAgent?: string | null;

  @Field(() => String, { nullable: true, description: 'Short outcome or reason code (never identifying values).' })
  @Property({ type: 'string', length: 200, nullable: true })
  detail?: string | null;
}
