import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { LocalDateScalar } from '../common/scalars';

/**
 * Institution A (`from`) joins B (`into`) from a day (fusie). An institution merges away once;
 * demergers are not modelled. `appliedAt` is set when A's participations and held records were
 * carried over to B: at once for a date that has come, else by the hourly `apply-mergers` task.
 */
@ObjectType('InstitutionMerger', { description: 'A merger: one institution joins another from a day (fusie).' })
@Entity({ tableName: 'institution_merger' })
@Check({ name: 'institution_merger_not_itself', expression: 'from_id <> into_id' })
export class InstitutionMerger {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, unique: true })
  from!: Ref<Institution>;

  @ManyToOne(() => Institution, { ref: true, index: true })
  into!: Ref<Institution>;

  @Field(() => LocalDateScalar, { description: 'From this day the merged institution delivers no more and its successor carries on.' })
  @Property({ type: 'date' })
  effectiveDate!: string;

  @Field(() => String, { nullable: true, description: 'Why or how, as hub staff noted it (at most 500 characters).' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => Date, { description: 'When the merger was recorded (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When participations and held records were carried over (UTC); null while the day has not come.' })
  @Property({ type: 'datetime', nullable: true })
  appliedAt?: Date | null;
}
