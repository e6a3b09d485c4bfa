import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import { Institution } from './institution.entity';

@ObjectType({
  description: 'A unit of an institution (instellingsonderdeel): a location or department that delivers separately.',
})
@Check({ name: 'institution_unit_number_not_negative', expression: 'number >= 0' })
@Entity({ tableName: 'institution_unit' })
@Unique({ properties: ['institution', 'number'] })
export class InstitutionUnit {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @Field(() => Int, { description: 'Unit number as used in file names (`0`, `1`, …); 0 is the institution as a whole.' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'Name of the location or department.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Closed from this day on: no delivery with a delivery date on or after it is accepted for the unit. Null while open.',
  })
  @Property({ type: 'date', nullable: true })
  closedFrom?: string | null;
}
