import { randomUUID } from 'node:crypto';
import { Check, Collection, Entity, Enum, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Channel } from './channel';
import { SubDelivery } from './sub-delivery.entity';

@ObjectType({ simpleResolvers: true, description: 'A national quality registry (kwaliteitsregistratie) that institutions deliver to.' })
@Check({
  name: 'registry_accepted_channels_known',
  expression: "cardinality(accepted_channels) > 0 and accepted_channels <@ array['PORTAL', 'FHIR', 'ENTRY_PORTAL']::text[]",
})
@Entity({ tableName: 'registry' })
export class Registry {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Short code used in file names, e.g. `CAT`, `MMY`, `PMICD` (2–10 capitals).' })
  @Property({ type: 'string', length: 10, unique: true })
  code!: string;

  @Field(() => String, { description: 'Full name, e.g. "Cataract".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'The registry holder (houder) that owns the registry and its specification.' })
  @Property({ type: 'string', length: 200 })
  holder!: string;

  @Field(() => [Channel], { description: 'Delivery channels this registry accepts.' })
  @Enum({ items: () => Channel, array: true, type: 'text[]' })
  acceptedChannels: Channel[] = [Channel.PORTAL];

  @Field(() => Boolean, { description: "True when the hub also produces this registry's information product." })
  @Property({ type: 'boolean' })
  producesInformationProduct: boolean = false;

  @OneToMany(() => SubDelivery, (subDelivery) => subDelivery.registry)
  subDeliveries = new Collection<SubDelivery>(this);
}
