import { randomUUID } from 'node:crypto';
import { Check, Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { LocalDateScalar } from '../common/scalars';
import type { DictionaryPackage } from './package/dictionary-package';

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
@Check({
  name: 'dictionary_version_dates',
  expression:
    '(accepted_from is null and required_from is null and accepted_until is null) or (accepted_from is not null and required_from is not null and required_from >= accepted_from and (accepted_until is null or accepted_until >= accepted_from))',
})
@Entity({ tableName: 'dictionary_version' })
@Unique({ properties: ['subDelivery', 'version'] })
export class DictionaryVersion {
  [OptionalProps]?: 'status' | 'revision';

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

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day deliveries may follow this version; null while a draft.' })
  @Property({ type: 'date', nullable: true })
  acceptedFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'From this day on this is the version institutions must deliver with (go-live criteria); null while a draft.',
  })
  @Property({ type: 'date', nullable: true })
  requiredFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day deliveries may follow this version (the end of its overlap with the next); null while open-ended. Later uploads with it get B07.',
  })
  @Property({ type: 'date', nullable: true })
  acceptedUntil?: string | null;

  @Field(() => Int, { description: 'How many times this version was uploaded as a package while a draft (1 for a shipped version).' })
  @Property({ type: 'integer', default: 1 })
  revision: number = 1;

  /** The uploaded package (docs/dictionary-packages.md); null for a version shipped in `dictionaries/`. Not in the API as such. */
  @Property({ type: 'json', nullable: true, lazy: true })
  package?: DictionaryPackage | null;

  @Field(() => Date, { nullable: true, description: 'When the package was last uploaded; null for a shipped version.' })
  @Property({ type: 'timestamptz', nullable: true })
  uploadedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When hub staff published this version; null for a draft or a shipped version.' })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;
}
