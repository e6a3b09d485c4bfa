import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { DataRequest } from './data-request.entity';
import { AuthorityKind, ConsentKind } from './data-request-enums';

/** An institution's written consent to a joint request, or its written order to provide identifying data. */
@ObjectType({ description: "An institution's consent to a joint data request, or its written order for identifying data." })
@Entity({ tableName: 'data_request_consent' })
@Unique({ properties: ['request', 'institution', 'kind'] })
export class DataRequestConsent {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => DataRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<DataRequest>;

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @Field(() => ConsentKind, { description: 'Consent or written order.' })
  @Enum({ items: () => ConsentKind, type: 'string' })
  kind!: ConsentKind;

  @Property({ type: 'uuid', nullable: true })
  givenByUserId?: string | null;

  @Field(() => String, { description: 'Who gave it.' })
  @Property({ type: 'string', length: 200 })
  givenByName!: string;

  @Field(() => Date, { description: 'When (UTC).' })
  @Property({ type: 'datetime' })
  givenAt!: Date;

  @Field(() => String, { nullable: true, description: 'A note with it.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}

/** A flag hub staff set on a user: a director's authority for an institution, or privacy committee membership. */
@ObjectType({ description: 'A data request flag on a user: director authority for an institution, or privacy committee membership.' })
@Entity({ tableName: 'data_request_authority' })
@Unique({ properties: ['userId', 'kind', 'institution'] })
@Index({ properties: ['userId'] })
export class DataRequestAuthority {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The user.' })
  @Property({ type: 'uuid' })
  userId!: string;

  @Field(() => AuthorityKind, { description: 'Director or committee member.' })
  @Enum({ items: () => AuthorityKind, type: 'string' })
  kind!: AuthorityKind;

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade', nullable: true })
  institution?: Ref<Institution> | null;

  @Field(() => Date, { description: 'When it was set (UTC).' })
  @Property({ type: 'datetime' })
  grantedAt!: Date;
}
