import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';

export enum OrganisationKind {
  HUB = 'HUB',
  INSTITUTION = 'INSTITUTION',
  PROCESSOR = 'PROCESSOR',
  REQUESTER = 'REQUESTER',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What an organisation is to the hub.',
  valuesConfig: {
    HUB: { description: 'The hub itself (DHD).' },
    INSTITUTION: { description: 'A healthcare institution; linked to its Institution.' },
    PROCESSOR: { description: "A data processor (verwerker), e.g. a registry's analysis bureau, IKNL, the implant register." },
    REQUESTER: { description: 'A third party that files data requests (verzoeker).' },
  },
});

@ObjectType({ description: 'An organisation whose people use the hub.' })
@Entity({ tableName: 'organisation' })
export class Organisation {
  [OptionalProps]?: 'active';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => OrganisationKind, { description: 'Hub, institution, processor or requester.' })
  @Enum({ items: () => OrganisationKind, type: 'string' })
  kind!: OrganisationKind;

  @Field(() => String, { description: 'Name of the organisation.' })
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => Boolean, { description: 'False once hub staff deactivated it: its people and its API tokens can no longer act.' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Date, { nullable: true, description: 'When hub staff deactivated it (UTC); null while active.' })
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was deactivated (up to 500 characters); null while active.' })
  @Property({ type: 'string', length: 500, nullable: true })
  deactivationReason?: string | null;

  @ManyToOne(() => Institution, { ref: true, nullable: true, unique: true, deleteRule: 'restrict' })
  institution?: Ref<Institution> | null;
}
