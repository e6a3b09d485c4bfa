import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Channel } from '../registries/channel';
import { Registry } from '../registries/registry.entity';

export enum ChannelSwitchStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}

registerEnumType(ChannelSwitchStatus, {
  name: 'ChannelSwitchStatus',
  description: 'Where a request to switch channels stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for hub staff.' },
    APPROVED: { description: 'Approved: the channel changes from the effective period.' },
    DECLINED: { description: 'Declined: the channel stays.' },
  },
});

/**
 * An institution's request to deliver to a registry through another channel, and the hub's
 * decision. An approved request is the channel's history: from the first day of its effective
 * period its channel is the active one (channels/channel-rule.ts), until a later approved switch.
 */
@ObjectType({ description: 'A request to deliver to a registry through another channel, and its decision.' })
@Entity({ tableName: 'channel_switch_request' })
@Index({ properties: ['institution', 'registry', 'status'] })
@Index({ properties: ['status', 'requestedAt'] })
export class ChannelSwitchRequest {
  [OptionalProps]?: 'status' | 'requestedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Field(() => Channel, { nullable: true, description: 'The active channel when the request was made (null: none yet).' })
  @Enum({ items: () => Channel, type: 'string', nullable: true })
  fromChannel?: Channel | null;

  @Field(() => Channel, { description: 'The channel asked for.' })
  @Enum({ items: () => Channel, type: 'string' })
  channel!: Channel;

  @Field(() => String, { description: 'Why the institution wants to switch.' })
  @Property({ type: 'string', length: 500 })
  reason!: string;

  /** Period code; served through the Period scalar by the resolver. */
  @Property({ type: 'string', length: 10 })
  desiredPeriod!: string;

  @Field(() => ChannelSwitchStatus, { description: 'Where the request stands.' })
  @Enum({ items: () => ChannelSwitchStatus, type: 'string' })
  status: ChannelSwitchStatus = ChannelSwitchStatus.PENDING;

  /** Period code from which an approved switch holds. */
  @Property({ type: 'string', length: 10, nullable: true })
  effectivePeriod?: string | null;

  /** First day of the effective period, kept beside the code for the channel rule's query. */
  @Property({ type: 'date', nullable: true })
  effectiveDate?: string | null;

  @Field(() => String, { nullable: true, description: "The hub's note with the decision." })
  @Property({ type: 'string', length: 500, nullable: true })
  decisionNote?: string | null;

  @Property({ type: 'uuid', nullable: true })
  requestedBy?: string | null;

  @Field(() => Date, { description: 'When it was requested (UTC).' })
  @Property({ type: 'datetime' })
  requestedAt: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  decidedBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;
}
