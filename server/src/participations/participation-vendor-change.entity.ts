import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import { Participation } from './participation.entity';

/** An institution changed the EHR vendor (EPD-leverancier) whose software produces a participation's deliveries. */
@ObjectType({ description: 'A change of EHR vendor (EPD-leverancier) for a participation.' })
@Entity({ tableName: 'participation_vendor_change' })
@Index({ properties: ['participation', 'changedOn'] })
export class ParticipationVendorChange {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Participation, { ref: true, deleteRule: 'cascade' })
  participation!: Ref<Participation>;

  @Field(() => String, { description: 'The vendor before.' })
  @Property({ type: 'string', length: 200 })
  fromVendor!: string;

  @Field(() => String, { description: 'The vendor after.' })
  @Property({ type: 'string', length: 200 })
  toVendor!: string;

  @Field(() => LocalDateScalar, { description: 'The day the new vendor took over.' })
  @Property({ type: 'date' })
  changedOn!: string;

  @Field(() => Boolean, { description: 'True when the change put the participation back in TESTING until a clean test delivery is in.' })
  @Property({ type: 'boolean' })
  backToTesting!: boolean;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
