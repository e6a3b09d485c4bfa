import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';

/**
 * A contact person an institution named for a registry when it signed up (name, role, e-mail,
 * phone of hospital staff; nothing about patients). Kept as given at sign-up; maintaining a
 * registry's contact persons afterwards is another module's.
 */
@ObjectType({ description: 'A contact person named at sign-up for a registry.' })
@Entity({ tableName: 'sign_up_contact' })
@Index({ properties: ['institution', 'registry'] })
export class SignUpContact {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Field(() => String, { description: 'Name (up to 200 characters).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'Role for the registry, e.g. "registratiecoördinator" (up to 200 characters).' })
  @Property({ type: 'string', length: 200 })
  role!: string;

  @Field(() => String, { description: 'E-mail address.' })
  @Property({ type: 'string', length: 320 })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number, as given (up to 40 characters).' })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field(() => Date, { description: 'When it was given (UTC).' })
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
