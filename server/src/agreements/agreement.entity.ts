import { GraphQLSafeInt } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { LocalDateScalar } from '../common/scalars';
import { AgreementKind, AgreementStatus } from './agreement-kind';

/**
 * One agreement of an institution: per institution (general service, processing; `registry` null)
 * or per registry (supplement, data protocol). At most one of each kind per institution and
 * registry: recording it again updates it. The signed PDF is stored encrypted like delivery files;
 * only its storage key, size and hash are here.
 */
@ObjectType({ description: 'An agreement between the hub and an institution, with its status and dates.' })
@Entity({ tableName: 'agreement' })
@Unique({
  name: 'agreement_one_per_kind',
  expression: `create unique index "agreement_one_per_kind" on "agreement" ("institution_id", "kind", (coalesce("registry_id", '00000000-0000-0000-0000-000000000000'::uuid)))`,
})
@Index({ properties: ['registry'] })
export class Agreement {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  /** Null for the agreements that hold for the institution as a whole. */
  @ManyToOne(() => Registry, { ref: true, nullable: true, deleteRule: 'cascade' })
  registry?: Ref<Registry> | null;

  @Field(() => AgreementKind, { description: 'Which agreement.' })
  @Enum({ items: () => AgreementKind, type: 'string' })
  kind!: AgreementKind;

  @Field(() => AgreementStatus, { description: 'Where it stands.' })
  @Enum({ items: () => AgreementStatus, type: 'string' })
  status: AgreementStatus = AgreementStatus.TO_SEND;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was sent to the institution.' })
  @Property({ type: 'date', nullable: true })
  sentOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was signed.' })
  @Property({ type: 'date', nullable: true })
  signedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day it is valid; null: no end.' })
  @Property({ type: 'date', nullable: true })
  expiresOn?: string | null;

  /** Key of the encrypted signed PDF in the file store; never exposed. */
  @Property({ type: 'string', length: 200, nullable: true })
  documentKey?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Size of the signed PDF in bytes; null when none is uploaded.' })
  // A nullable union has no reflected type: say the mode, or MikroORM reads a JS bigint.
  @Property({ type: new BigIntType('string'), nullable: true })
  documentSize?: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the signed PDF as uploaded; null when none is uploaded.' })
  @Property({ type: 'string', length: 64, nullable: true })
  documentSha256?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the signed PDF was uploaded (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  documentUploadedAt?: Date | null;

  @Field(() => Date, { description: 'When the agreement was recorded (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed (UTC).' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
