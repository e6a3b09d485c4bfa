import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../../registries/channel';
import { DeliveryStatus } from '../../deliveries/delivery-status';
import { Frequency } from '../../common/period';
import { LocalDateScalar, PeriodScalar } from '../../common/scalars';
import type { ReadGrant } from '../../access/read-scope';
import { type Connection, connectionTypes } from '../../common/pagination';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';

export enum ExpectedDeliveryState {
  OPEN = 'OPEN',
  MISSING = 'MISSING',
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
}

registerEnumType(ExpectedDeliveryState, {
  name: 'ExpectedDeliveryState',
  description: 'Where an expected delivery stands on the `asOf` day.',
  valuesConfig: {
    OPEN: { description: 'Not delivered yet; the deadline is today or later.' },
    MISSING: { description: 'Not delivered and the deadline has passed.' },
    ON_TIME: { description: 'Fulfilled on or before the deadline.' },
    LATE: { description: 'Fulfilled after the deadline.' },
  },
});

/**
 * A period an institution is expected to deliver for a sub-delivery. Fulfilled by a production
 * delivery processed as PROCESSED or PROCESSED_WITH_ERRORS (not REJECTED or FAILED, never a test).
 */
@ObjectType({ simpleResolvers: true, description: 'An expected delivery (verwachte aanlevering): institution, sub-delivery, period and deadline.' })
export class ExpectedDelivery {
  institutionId!: string;
  registryId!: string;
  subDeliveryId!: string;

  @Field(() => Registry, { description: 'The registry.' })
  registry!: Registry;

  @Field(() => SubDelivery, { description: 'The sub-delivery (stream).' })
  subDelivery!: SubDelivery;

  @Field(() => PeriodScalar, { description: 'The period, e.g. `2026K1`; `TOTAAL` for the yearly TOTAAL redelivery (see periodEnd).' })
  period!: string;

  @Field(() => LocalDateScalar, { description: 'Last day the period covers; for TOTAAL, 31 December of the year it covers.' })
  periodEnd!: string;

  @Field(() => Frequency, { description: 'The schedule the period comes from.' })
  frequency!: Frequency;

  @Field(() => LocalDateScalar, { description: "The date by which it is due (the schedule's, or the institution-specific one)." })
  deadline!: string;

  @Field(() => Boolean, { description: 'True when hub staff set an institution-specific deadline for this period.' })
  deadlineAdjusted!: boolean;

  @Field(() => String, { nullable: true, description: "Hub staff's reason for the institution-specific deadline; null when not adjusted." })
  deadlineReason?: string | null;

  @Field(() => ExpectedDeliveryState, { description: 'Where it stands on the `asOf` day.' })
  state!: ExpectedDeliveryState;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Delivery date of the first fulfilling delivery; null while unfulfilled.' })
  deliveredOn?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The most recent production delivery of a stream and period, when it was rejected or processed with errors.',
})
export class RejectedDelivery {
  institutionId!: string;
  registryId!: string;
  subDeliveryId!: string;

  @Field(() => Registry, { description: 'The registry.' })
  registry!: Registry;

  @Field(() => SubDelivery, { description: 'The sub-delivery (stream).' })
  subDelivery!: SubDelivery;

  @Field(() => ID, { description: 'The delivery, for its detail page and report.' })
  deliveryId!: string;

  @Field(() => PeriodScalar, { description: 'The period it was delivered for.' })
  period!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The deadline of that period; null when the period is not expected (outside the participation or schedule).',
  })
  deadline?: string | null;

  @Field(() => Channel, { description: 'How it was delivered.' })
  channel!: Channel;

  @Field(() => Int, { description: 'Unit number (instellingsonderdeel).' })
  unit!: number;

  @Field(() => String, { description: 'The file name as uploaded.' })
  fileName!: string;

  @Field(() => LocalDateScalar, { description: 'Delivery date (Europe/Amsterdam).' })
  deliveryDate!: string;

  @Field(() => Date, { description: 'When it was delivered (UTC).' })
  deliveredAt!: Date;

  @Field(() => DeliveryStatus, { description: 'PROCESSED_WITH_ERRORS (Verwerkt met fouten) or REJECTED (Afgekeurd).' })
  status!: DeliveryStatus;
}

export const { Connection: ExpectedDeliveryConnection } = connectionTypes(() => ExpectedDelivery, {
  name: 'ExpectedDelivery',
  description: 'A page of expected deliveries.',
  totalCount: 'How many match in all (the "16" of "5/16"); computed by the same statement as the page.',
});

export const { Connection: RejectedDeliveryConnection } = connectionTypes(() => RejectedDelivery, {
  name: 'RejectedDelivery',
  description: 'A page of rejected and erroneous deliveries, newest first.',
  totalCount: 'How many in all; computed by the same statement as the page.',
});

export type ExpectedDeliveryPage = Connection<ExpectedDelivery> & { totalCount: number };
export type RejectedDeliveryPage = Connection<RejectedDelivery> & { totalCount: number };

/** Overzicht for one institution on one day: the connections resolve lazily, one statement each. */
@ObjectType({ simpleResolvers: true, description: 'Overzicht of one institution: missing, upcoming and rejected deliveries.' })
export class DeliveryOverview {
  institutionId!: string;
  grants!: ReadGrant[];
  /** Institution, grants and day as one cache key, made once per request for the three lists. */
  cacheKey!: string;

  @Field(() => LocalDateScalar, { description: 'The day the overview is computed for.' })
  asOf!: string;
}
