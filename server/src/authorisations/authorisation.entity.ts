import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import { Institution } from '../institutions/institution.entity';
import { ProcessorLink } from './processor-link.entity';

/**
 * An institution's authorisation (machtiging) of a processor: through one processor link, for the
 * link's registry or sub-delivery, optionally a period range, a purpose, valid from/until a day, and
 * the link's fields or a subset. Revoking sets `revokedAt`; the row stays for history. Whether it
 * holds on a day is `activeAuthorisation` (authorisation-check.ts), read anew on every request.
 */
@ObjectType({ description: "An institution's authorisation (machtiging) of a processor to receive chosen fields of a registry's data." })
@Entity({ tableName: 'processor_authorisation' })
@Index({ properties: ['institution', 'createdAt'] })
@Index({ properties: ['link'] })
export class Authorisation {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ProcessorLink, { ref: true, deleteRule: 'cascade' })
  link!: Ref<ProcessorLink>;

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  /** Period codes, exposed through the Period scalar by the resolver; null: open. */
  @Property({ type: 'string', length: 10, nullable: true })
  fromPeriod?: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  toPeriod?: string | null;

  @Field(() => String, { description: 'What the processor receives the data for (up to 500 characters).' })
  @Property({ type: 'string', length: 500 })
  purpose!: string;

  @Field(() => LocalDateScalar, { description: 'First day it holds.' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day it holds; null: until revoked.' })
  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  @Field(() => [String], { description: "The fields the processor receives: the link's set or a subset." })
  @Property({ type: 'text[]' })
  fields!: string[];

  @Field(() => Date, { description: 'When it was granted (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed (UTC).' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was revoked (UTC): from then on nothing is forwarded under it. Null while not revoked.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
