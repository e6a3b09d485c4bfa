import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { LocalDateScalar } from '../common/scalars';

export enum DictionaryStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

registerEnumType(DictionaryStatus, {
  name: 'DictionaryStatus',
  description: 'Life cycle of a dictionary version.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; deliveries against it are refused.' },
    ACTIVE: { description: 'Deliveries may follow it.' },
    RETIRED: { description: 'No longer accepted for new deliveries.' },
  },
});

@ObjectType({ description: 'A version of a sub-delivery\'s data dictionary (e.g. CAT Cataract `1.4`).' })
@Check({ name: 'dictionary_version_valid_range', expression: 'valid_to is null or valid_to >= valid_from' })
@Entity({ tableName: 'dictionary_version' })
@Unique({ properties: ['subDelivery', 'version'] })
export class DictionaryVersion {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'cascade' })
  subDelivery!: Ref<SubDelivery>;

  @Field(() => String, { description: 'Version as written in file names, e.g. `1.4`, `2018.0.5`.' })
  @Property({ type: 'string', length: 20 })
  version!: string;

  @Field(() => DictionaryStatus, { description: 'Whether deliveries may follow this version.' })
  @Enum({ items: () => DictionaryStatus, type: 'string' })
  status: DictionaryStatus = DictionaryStatus.DRAFT;

  @Field(() => LocalDateScalar, { description: 'First day deliveries may follow this version.' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day deliveries may follow this version; null while open-ended.' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;
}
