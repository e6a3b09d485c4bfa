import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Organisation } from './organisation.entity';
import { Role } from '../kernel/role';
import { User } from './user.entity';

/** An invitation by e-mail to join an institution: the link is valid 7 days and used once. */
@ObjectType({ description: 'An invitation to a colleague to get an account.' })
@Entity({ tableName: 'invitation' })
export class Invitation {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Address the invitation was sent to.' })
  @Property({ type: 'string', length: 320 })
  email!: string;

  @Field(() => String, { description: 'Name of the invited person.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The organisation the new account belongs to (the institution's, the hub, a processor or requester). */
  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @ManyToOne(() => Institution, { ref: true, nullable: true, deleteRule: 'cascade' })
  institution?: Ref<Institution> | null;

  @Field(() => Role, { description: 'Role granted on acceptance.' })
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  /** The role's scope as asked (codes and ids, no personal data); checked again on acceptance. */
  @Property({ type: 'json' })
  scope!: { institutionCode: string | null; registryCodes: string[]; subDeliveryCode: string | null; organisationId: string | null };

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  invitedBy?: Ref<User> | null;

  @Field(() => Date, { description: 'When it was sent (UTC).' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { description: 'After this moment the link no longer works (7 days).' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted; null while open.' })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;
}
