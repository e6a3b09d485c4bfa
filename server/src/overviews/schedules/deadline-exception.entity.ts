import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../../access/user.entity';
import { Institution } from '../../institutions/institution.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { LocalDateScalar } from '../../common/scalars';

/**
 * Hub staff's decision for one institution, sub-delivery and period: another deadline, or an
 * exemption (nothing expected). `periodEnd` tells TOTAAL years apart (31 December of the year the
 * TOTAAL delivery covers) and is the period's last day otherwise. Every change is audited.
 */
@ObjectType({ description: 'An institution-specific deadline or exemption for one period of a sub-delivery.' })
@Entity({ tableName: 'deadline_exception' })
@Unique({ properties: ['institution', 'subDelivery', 'period', 'periodEnd'] })
@Check({ name: 'deadline_exception_deadline_or_exempt', expression: '(exempt and deadline is null) or (not exempt and deadline is not null)' })
export class DeadlineException {
  [OptionalProps]?: 'setAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'cascade' })
  subDelivery!: Ref<SubDelivery>;

  /** Period code; exposed through the Period scalar by the resolver. */
  @Property({ type: 'string', length: 10 })
  period!: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the period (for TOTAAL: 31 December of the year it covers).' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The deadline that applies instead of the schedule's; null when exempt." })
  @Property({ type: 'date', nullable: true })
  deadline?: string | null;

  @Field(() => Boolean, { description: 'True when nothing is expected for this period.' })
  @Property({ type: 'boolean' })
  exempt!: boolean;

  @Field(() => String, { description: 'Why (up to 500 characters).' })
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  setBy?: Ref<User> | null;

  @Field(() => Date, { description: 'When it was set (UTC).' })
  @Property({ type: 'datetime' })
  setAt: Date = new Date();
}
