import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Frequency } from '../common/period';
import { DeadlineRule } from './deadline-rule';
import { Registry } from './registry.entity';

registerEnumType(Frequency, {
  name: 'Frequency',
  description: "Length of a delivery period; as a sub-delivery's frequency, the minimum (delivering more often is allowed).",
  valuesConfig: {
    MONTH: { description: 'Monthly (`2026M03`).' },
    QUARTER: { description: 'Quarterly (`2026K1`).' },
    HALF_YEAR: { description: 'Half-yearly (`2026H1`).' },
    YEAR: { description: 'Yearly (`2026`).' },
    TOTAL: { description: 'Everything so far (`TOTAAL`).' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'A stream of a registry (deelaanlevering) with its own dictionary, frequency and deadlines, e.g. MMY IKNL.',
})
@Entity({ tableName: 'sub_delivery' })
@Unique({ properties: ['registry', 'code'] })
export class SubDelivery {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Field(() => String, { description: 'Code within the registry, e.g. `Cataract`, `IKNL`, `PROMS`.' })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @Field(() => String, { description: 'Name shown to users.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Frequency, { description: 'Minimum delivery frequency.' })
  @Enum({ items: () => Frequency, type: 'string' })
  frequency!: Frequency;

  @Field(() => DeadlineRule, { description: "How each period's deadline is found." })
  @Embedded(() => DeadlineRule, { prefix: 'deadline_' })
  deadlineRule!: DeadlineRule;
}
