import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Delivery } from '../deliveries/delivery.entity';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Institution } from '../institutions/institution.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** How many findings of one code a draft has on one field: no values, so it may be kept in clear. */
export interface EntryFindingCount {
  code: string;
  /** The message class (F, W, …). */
  class: string;
  field: string | null;
  count: number;
}

/**
 * One record entered by hand in the entry portal (Invoerportaal): a draft for an institution,
 * sub-delivery and period until a submit turns the period's entries into a delivery. The values are
 * sealed (AES-256-GCM under the server secret): the table holds nothing of the record in clear, only
 * the finding summary (codes, field names, counts) the list shows.
 */
@ObjectType({ description: 'An entry (invoer): one record entered by hand in the entry portal, kept per institution, sub-delivery and period.' })
@Entity({ tableName: 'entry_draft' })
@Index({ name: 'entry_draft_period_index', properties: ['institution', 'subDelivery', 'period', 'createdAt', 'id'] })
export class EntryDraft {
  [OptionalProps]?: 'errorCount' | 'warningCount' | 'submittedIn' | 'submittedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'restrict' })
  institution!: Ref<Institution>;

  @Field(() => Int, { description: 'Unit number (instellingsonderdeel) it was entered for.' })
  @Property({ type: 'integer' })
  unit!: number;

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'restrict' })
  subDelivery!: Ref<SubDelivery>;

  @ManyToOne(() => DictionaryVersion, { ref: true, deleteRule: 'restrict' })
  dictionaryVersion!: Ref<DictionaryVersion>;

  /** Period code, e.g. `2026K1`; exposed through the Period scalar by the resolver. */
  @Property({ type: 'string', length: 10 })
  period!: string;

  /** The values by field name as JSON, sealed. Never exposed as stored; the resolver unseals them for the entry's own submitters. */
  @Property({ type: 'text' })
  sealedValues!: string;

  /** What the engine found, without values. */
  @Property({ type: 'json' })
  findingSummary!: EntryFindingCount[];

  @Field(() => Int, { description: 'Findings that reject the record (classes F and TF).' })
  @Property({ type: 'integer' })
  errorCount: number = 0;

  @Field(() => Int, { description: 'Warnings (classes W and TW).' })
  @Property({ type: 'integer' })
  warningCount: number = 0;

  /** The delivery that last carried it unchanged; null while it is a draft (new, or changed since). */
  @ManyToOne(() => Delivery, { ref: true, nullable: true, deleteRule: 'set null' })
  submittedIn?: Ref<Delivery> | null;

  @Field(() => Date, { nullable: true, description: 'When it was last submitted (UTC); kept when it is changed afterwards.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Field(() => Date, { description: 'When it was entered (UTC).' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  updatedBy?: string | null;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
