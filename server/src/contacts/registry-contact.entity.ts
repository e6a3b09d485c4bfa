import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';

/**
 * A contact person of an institution for one registry (contactpersoon): hospital staff, not
 * patients. Still personal data, so only hub staff and that institution's local administrators
 * see them; announcements of the registry are mailed to them.
 */
@ObjectType({ description: "A contact person of an institution for a registry (hub staff and the institution's local administrators only)." })
@Entity({ tableName: 'registry_contact' })
@Index({ properties: ['institution', 'registry'] })
@Index({ properties: ['registry'] })
export class RegistryContact {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Field(() => String, { description: 'Full name (1–200 characters).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'Role or function for the registry, e.g. "kwaliteitsfunctionaris" (1–200 characters).' })
  @Property({ type: 'string', length: 200 })
  role!: string;

  @Field(() => String, { description: 'E-mail address; announcements of the registry go here.' })
  @Property({ type: 'string', length: 320 })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number, as written (at most 40 characters).' })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field(() => Date, { description: 'When the contact person was added (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the contact person last changed (UTC).' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
