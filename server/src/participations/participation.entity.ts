import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Channel } from '../registries/channel';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { ParticipationState } from './participation-state';

/**
 * An institution takes part in a sub-delivery (deelname) from a start period, through one channel.
 * Deliveries are expected only in PRODUCTION; leaving is ENDED with an end period, so earlier
 * periods stay expected. `startDate`/`endDate` are the first day of the start period and the last
 * day of the end period, kept beside the codes for the set-based SQL.
 */
@ObjectType({ description: "An institution's participation (deelname) in a sub-delivery." })
@Entity({ tableName: 'participation' })
@Unique({ properties: ['institution', 'subDelivery'] })
@Index({ properties: ['subDelivery'] })
@Check({ name: 'participation_end_after_start', expression: 'end_date is null or end_date >= start_date' })
export class Participation {
  [OptionalProps]?: 'createdAt' | 'state' | 'channel';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'cascade' })
  subDelivery!: Ref<SubDelivery>;

  /** Period code, e.g. `2025K3`; exposed through the Period scalar by the resolver. */
  @Property({ type: 'string', length: 10 })
  startPeriod!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  endPeriod?: string | null;

  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => Channel, { description: 'The one channel the institution delivers through for this registry.' })
  @Enum({ items: () => Channel, type: 'string' })
  channel: Channel = Channel.PORTAL;

  @Field(() => ParticipationState, { description: 'Where the participation stands, from sign-up to the end.' })
  @Enum({ items: () => ParticipationState, type: 'string' })
  state: ParticipationState = ParticipationState.REQUESTED;

  @Field(() => Date, { description: 'When the participation was recorded (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
