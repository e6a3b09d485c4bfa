import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organisation } from '../access/organisation.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/**
 * What hub staff allow a processor (verwerker) ever to receive of one registry, or of one of its
 * sub-deliveries: the outer bound of every authorisation an institution grants it. The field set is
 * checked against the current dictionary when stored; identifying fields are never in it. A removed
 * link stays (history) with `removedAt`; one live link per processor and registry stream.
 */
@ObjectType({ description: 'A processor linked by hub staff to a registry (or one sub-delivery) with the fields it may ever receive.' })
@Entity({ tableName: 'processor_link' })
@Unique({
  name: 'processor_link_one_live',
  expression: `create unique index "processor_link_one_live" on "processor_link" ("organisation_id", "registry_id", (coalesce("sub_delivery_id", '00000000-0000-0000-0000-000000000000'::uuid))) where "removed_at" is null`,
})
@Index({ properties: ['registry'] })
export class ProcessorLink {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  /** Null: every sub-delivery of the registry. */
  @ManyToOne(() => SubDelivery, { ref: true, nullable: true, deleteRule: 'cascade' })
  subDelivery?: Ref<SubDelivery> | null;

  @Field(() => [String], { description: "Names of the dictionary fields the processor may ever receive, in the dictionary's order." })
  @Property({ type: 'text[]' })
  fields!: string[];

  @Field(() => Date, { description: 'When hub staff made the link (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed (UTC).' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When hub staff removed it (UTC); its authorisations were revoked then. Null while live.' })
  @Property({ type: 'datetime', nullable: true })
  removedAt?: Date | null;
}
