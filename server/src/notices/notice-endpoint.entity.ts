import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Where a processor organisation wants to be told that new data is available: one per
 * organisation. The signing secret is kept sealed (AES-GCM under the server secret) and shown only
 * when it is made; removing sets `active` false and forgets the secret. No foreign key to the
 * organisation: the module keeps to its own tables, and the row names the organisation by id.
 */
@ObjectType({ description: "A processor organisation's HTTPS endpoint for signed notices that new data is available (never carrying data)." })
@Entity({ tableName: 'notice_endpoint' })
@Unique({ name: 'notice_endpoint_organisation_unique', properties: ['organisationId'] })
export class NoticeEndpoint {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'active';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The processor organisation.' })
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Field(() => String, { description: 'The URL notices are POSTed to.' })
  @Property({ type: 'text' })
  url!: string;

  /** The signing secret, sealed; null once removed. Never exposed. */
  @Property({ type: 'text', nullable: true })
  sealedSecret?: string | null;

  @Field(() => Boolean, { description: 'False once removed: no notices are sent.' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Date, { description: 'When it was registered (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** The user who registered it (null for an API token). */
  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Field(() => Date, { description: 'When its URL or secret last changed, or it was removed (UTC).' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
