import { Entity, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Registry } from '../registries/registry.entity';

/**
 * A registry's go-live criteria and its rule for vendor changes. A table of this module's own,
 * one row per registry that differs from the defaults (no row: the defaults), so the registry
 * entity stays with the registries module.
 */
@ObjectType({ description: "A registry's go-live criteria: what an institution in TESTING needs before PRODUCTION." })
@Entity({ tableName: 'registry_go_live_settings' })
export class GoLiveSettings {
  /** One row per registry; the registry module's entity does not know of it. */
  @OneToOne(() => Registry, { primary: true, ref: true, owner: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Field(() => Int, { description: 'How many clean test deliveries (currently required dictionary version, no F, BF or TF line) are needed; default 1.' })
  @Property({ type: 'integer' })
  minCleanTestDeliveries: number = 1;

  @Field(() => Boolean, { description: 'True: a participation in TESTING goes to PRODUCTION by itself once the criteria are met (audited as the system).' })
  @Property({ type: 'boolean' })
  autoGoLive: boolean = false;

  @Field(() => Boolean, { description: 'True: an EHR vendor change puts a participation in PRODUCTION back in TESTING until a clean test delivery is in.' })
  @Property({ type: 'boolean' })
  vendorChangeBackToTesting: boolean = false;
}

export const DEFAULT_GO_LIVE = { minCleanTestDeliveries: 1, autoGoLive: false, vendorChangeBackToTesting: false } as const;
