import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from './user.entity';

/**
 * A server-side session (docs/security.md#sessions-and-login). The cookie carries a random 128-bit id; only its
 * SHA-256 is stored, so a copy of the table opens no session.
 */
@ObjectType({ description: 'A login session of a user.' })
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'secondFactorFailures';

  @Field(() => ID, { description: 'Identifier of the session row (not the cookie value).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Field(() => Date, { description: 'When the session started (UTC).' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { description: 'Last request in this session (UTC); idle for 30 minutes ends it.' })
  @Property({ type: 'datetime' })
  lastSeenAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the second factor was passed; null while it is still asked.' })
  @Property({ type: 'datetime', nullable: true })
  secondFactorAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the session was ended (logout, replaced, deactivation, by hub staff).' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  /** Wrong second-factor codes in this session; past the limit the session ends. */
  @Property({ type: 'integer' })
  secondFactorFailures: number = 0;

  @Field(() => String, { nullable: true, description: 'Address the session was started from.' })
  @Property({ type: 'string', length: 64, nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Browser the session was started from (user agent, shortened).' })
  @Property({ type: 'string', length: 300, nullable: true })
  userAgent?: string | null;
}
