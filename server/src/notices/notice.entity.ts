import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum NoticeStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DROPPED = 'DROPPED',
  FAILED = 'FAILED',
}

registerEnumType(NoticeStatus, {
  name: 'NoticeStatus',
  description: 'Where a notice stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent, or to be retried after a failed attempt.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    DROPPED: { description: 'Not sent: the authorisation no longer holds, or the endpoint was removed.' },
    FAILED: { description: 'Every attempt failed; the next change sends a new notice.' },
  },
});

/**
 * One notice that new data is available under an authorisation: ids, counts and status only, never
 * record data. Changes that come while a notice is still pending join it (`generation` counts them),
 * so a burst of deliveries gives one notice.
 */
@ObjectType({ description: 'A notice to a processor that new data is available under an authorisation: no data, only where it stands.' })
@Entity({ tableName: 'notice' })
@Index({ name: 'notice_organisation_created_index', properties: ['organisationId', 'createdAt', 'id'] })
@Index({
  name: 'notice_one_pending',
  expression: `create unique index "notice_one_pending" on "notice" ("authorisation_id") where "status" = 'PENDING'`,
})
export class Notice {
  [OptionalProps]?: 'createdAt' | 'attempts' | 'generation' | 'status';

  @Field(() => ID, { description: 'Stable identifier; sent as `noticeId` and in the `Datahub-Notice-Id` header.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Field(() => ID, { description: 'The authorisation new data is available under.' })
  @Property({ type: 'uuid' })
  authorisationId!: string;

  /** The sub-delivery that changed; null when changes of several sub-deliveries joined one notice. */
  @Property({ type: 'uuid', nullable: true })
  subDeliveryId?: string | null;

  @Field(() => Date, { description: 'When it was made (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the latest change it tells of happened (UTC).' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  /** How many changes joined it while pending; an attempt marks it delivered only if none joined meanwhile. */
  @Property({ type: 'integer' })
  generation: number = 1;

  @Field(() => NoticeStatus, { description: 'Where it stands.' })
  @Enum({ items: () => NoticeStatus, type: 'string' })
  status: NoticeStatus = NoticeStatus.PENDING;

  @Field(() => Int, { description: 'Attempts made to send it.' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last attempt's answer; null when none came." })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt got no answer: TIMEOUT, NETWORK, NON_PUBLIC_ADDRESS (the name resolved to a non-public address), REDIRECT or STATUS; null after success.',
  })
  @Property({ type: 'text', nullable: true })
  lastErrorKind?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;
}
