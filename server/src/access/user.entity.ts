import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity';

/**
 * A person with an account. The password hash and TOTP secret have no @Field:
 * a column without @Field is not in the API.
 */
@ObjectType({ description: 'A person with an account on the hub.' })
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'active' | 'totpEnabled' | 'language' | 'createdAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'E-mail address, lower case; also the login name.' })
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  @Field(() => String, { description: 'Name shown to colleagues.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'restrict' })
  organisation!: Ref<Organisation>;

  @Property({ type: 'text', nullable: true })
  passwordHash?: string | null;

  @Field(() => Boolean, { description: 'False once deactivated: the account can no longer log in and its sessions end.' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Base32 TOTP secret, encrypted with the server key (see access/secret-box.ts). */
  @Property({ type: 'text', nullable: true })
  totpSecretSealed?: string | null;

  @Field(() => Boolean, { description: 'True once an authenticator app is set up; until then login asks to set one up.' })
  @Property({ type: 'boolean' })
  totpEnabled: boolean = false;

  /** The last TOTP time step accepted: a code is never accepted twice. */
  @Property({ type: 'bigint', nullable: true })
  totpLastStep?: string | null;

  @Field(() => String, { description: 'Language for mails and messages: `nl` or `en`.' })
  @Property({ type: 'string', length: 2 })
  language: string = 'nl';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
