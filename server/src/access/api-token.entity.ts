import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/**
 * A bearer token for a machine client. It belongs to a user (and carries that user's roles) or,
 * made by hub staff, to a processor organisation (and carries PROCESSOR of it). Only the SHA-256
 * of the token is stored; the token itself is shown once.
 */
@ObjectType({ description: "An API token for dashboards and processors' systems." })
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Name given by its maker, e.g. "Kwaliteitsdashboard".' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Field(() => String, { description: 'The first characters of the token, to recognise it.' })
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'cascade' })
  user?: Ref<User> | null;

  @ManyToOne(() => Organisation, { ref: true, nullable: true, deleteRule: 'cascade' })
  organisation?: Ref<Organisation> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Field(() => Date, { description: 'When it was made (UTC).' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { description: 'After this moment (UTC) the token is refused.' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while valid.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last use (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;
}
