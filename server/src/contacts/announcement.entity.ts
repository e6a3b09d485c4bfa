import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Registry } from '../registries/registry.entity';

/** One addressee of an announcement, as it was when the announcement was sent. */
@ObjectType({ description: 'Someone an announcement was sent to, as the contact person was at that moment.' })
export class AnnouncementRecipient {
  @Field(() => String, { description: 'Name of the contact person.' })
  name!: string;

  @Field(() => String, { description: 'The address the mail went to.' })
  email!: string;

  @Field(() => String, { description: "8-digit code of the contact person's institution." })
  institutionCode!: string;
}

/**
 * A message hub staff sent to every contact person of a registry, with the list of addressees as
 * it was when sent (contacts may change or go later; this stays what was sent to whom).
 */
@ObjectType({ description: 'A message sent to all contact persons of a registry (hub staff only).' })
@Entity({ tableName: 'announcement' })
@Index({ properties: ['registry', 'sentAt'] })
export class Announcement {
  [OptionalProps]?: 'sentAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Field(() => String, { description: 'Subject line.' })
  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Field(() => String, { description: 'The message text.' })
  @Property({ type: 'text' })
  body!: string;

  /** The hub staff member who sent it (audit log has the rest). */
  @Property({ type: 'uuid', nullable: true })
  sentBy?: string | null;

  @Field(() => Date, { description: 'When it was sent (UTC).' })
  @Property({ type: 'datetime' })
  sentAt: Date = new Date();

  @Field(() => [AnnouncementRecipient], { description: 'Everyone it was sent to. A plain list: the contact persons of one registry.' })
  @Property({ type: 'json' })
  recipients!: AnnouncementRecipient[];
}
