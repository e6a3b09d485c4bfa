import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, ManyToOne, PrimaryKey, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DeadlineRule } from '../../registries/deadline-rule';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { Frequency } from '../../common/period';

/**
 * One delivery rhythm of a sub-delivery with its deadline rule, derived from the dictionary's
 * `schedule` list (CAT: QUARTER and TOTAL; MMY: HALF_YEAR and YEAR). A sub-delivery can have
 * several: each produces its own expected deliveries.
 *
 * TOTAL: `TOTAAL` has no dates of its own, so a TOTAL schedule expects one TOTAAL delivery per
 * calendar year Y, covering everything up to 31 December Y; its deadline is the rule applied to
 * year Y (CAT: 10 January Y+1). A TOTAAL delivery delivered in calendar year Y+1 counts for year Y.
 */
@ObjectType({ description: 'A delivery rhythm of a sub-delivery: a frequency with its deadline rule.' })
@Entity({ tableName: 'delivery_schedule' })
@Unique({ properties: ['subDelivery', 'frequency'] })
export class DeliverySchedule {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'cascade' })
  subDelivery!: Ref<SubDelivery>;

  @Field(() => Frequency, { description: 'Length of the expected periods (TOTAL: one TOTAAL delivery per calendar year).' })
  @Enum({ items: () => Frequency, type: 'string' })
  frequency!: Frequency;

  @Field(() => DeadlineRule, { description: "How each period's deadline is found (TOTAL: applied to the calendar year it covers)." })
  @Embedded(() => DeadlineRule, { prefix: 'deadline_' })
  deadlineRule!: DeadlineRule;
}
