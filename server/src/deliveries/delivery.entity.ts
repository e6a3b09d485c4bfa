import { GraphQLSafeInt } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../access/user.entity';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Institution } from '../institutions/institution.entity';
import { Channel } from '../registries/channel';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { LocalDateScalar } from '../common/scalars';
import { DeliveryStatus } from './delivery-status';
import { DeliveryFailure } from './delivery-failure';

/**
 * One file (or later a FHIR submission) for institution + unit + sub-delivery + period. The
 * stored file is encrypted at rest and named by `storageKey`; the uploaded name is metadata only.
 */
@ObjectType({ description: 'A delivery (aanlevering): one file for an institution, unit, sub-delivery and period.' })
@Entity({ tableName: 'delivery' })
@Index({ properties: ['institution', 'subDelivery', 'period', 'deliveredAt'] })
@Index({ properties: ['institution', 'deliveredAt'] })
// Aangeleverd's keyset order (Migration20261124090000).
@Index({ name: 'delivery_list_order_index', properties: ['deliveredAt', 'id'] })
// Partial indexes for the overviews (issue 6), created by Migration20261123161958; declared here so
// a generated migration does not propose dropping them.
@Index({
  name: 'delivery_fulfilment_index',
  expression: `create index "delivery_fulfilment_index" on "delivery" ("institution_id", "sub_delivery_id", "period", "delivery_date") where not "test" and "status" in ('PROCESSED', 'PROCESSED_WITH_ERRORS')`,
})
@Index({
  name: 'delivery_latest_final_index',
  expression: `create index "delivery_latest_final_index" on "delivery" ("institution_id", "sub_delivery_id", "period", "delivered_at" desc) include ("status", "delivery_date") where not "test" and "status" in ('PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED')`,
})
export class Delivery {
  [OptionalProps]?: 'status' | 'recordCount' | 'acceptedCount' | 'rejectedCount' | 'errorCount' | 'warningCount' | 'progressDone' | 'attempts';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'restrict' })
  institution!: Ref<Institution>;

  @Field(() => Int, { description: 'Unit number (instellingsonderdeel).' })
  @Property({ type: 'integer' })
  unit!: number;

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'restrict' })
  subDelivery!: Ref<SubDelivery>;

  @ManyToOne(() => DictionaryVersion, { ref: true, deleteRule: 'restrict' })
  dictionaryVersion!: Ref<DictionaryVersion>;

  /** Period code, e.g. `2026K1`; exposed through the Period scalar by the resolver. */
  @Property({ type: 'string', length: 10 })
  period!: string;

  @Field(() => Boolean, { description: 'A test delivery: checked and reported, never ingested, never superseding production.' })
  @Property({ type: 'boolean' })
  test!: boolean;

  @Field(() => Channel, { description: 'How it was delivered.' })
  @Enum({ items: () => Channel, type: 'string' })
  channel!: Channel;

  @Field(() => DeliveryStatus, { description: 'Where it stands.' })
  @Enum({ items: () => DeliveryStatus, type: 'string' })
  status: DeliveryStatus = DeliveryStatus.RECEIVED;

  /** Why processing failed (FAILED only), as a DeliveryFailure code; shown through the field resolvers failureCode and failureReason. */
  @Enum({ items: () => DeliveryFailure, type: 'string', nullable: true })
  failureReason?: DeliveryFailure | null;

  @Field(() => String, { description: 'The file name as uploaded (metadata only, never a path).' })
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Field(() => Boolean, { description: 'True when the name followed the convention; otherwise the fields were filled in by hand (B08).' })
  @Property({ type: 'boolean' })
  fileNameConforming!: boolean;

  @Field(() => Int, { nullable: true, description: 'Sequence number (volgnummer) from the name or the form.' })
  @Property({ type: 'integer', nullable: true })
  sequenceNumber?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Creation date (aanmaakdatum) from the name or the form.' })
  @Property({ type: 'date', nullable: true })
  creationDate?: string | null;

  /** Stored as bigint (read as a decimal string); served as SafeInt, exact up to 8 PiB. */
  @Field(() => GraphQLSafeInt, { description: 'File size in bytes.' })
  @Property({ type: 'bigint' })
  size!: string;

  @Field(() => String, { description: "SHA-256 of the file's bytes, hex." })
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  @ManyToOne(() => Delivery, { ref: true, nullable: true, deleteRule: 'set null' })
  sameBytesAs?: Ref<Delivery> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  deliveredBy?: Ref<User> | null;

  @Field(() => Date, { description: 'When it was delivered (UTC).' })
  @Property({ type: 'datetime' })
  deliveredAt!: Date;

  @Field(() => LocalDateScalar, { description: 'Delivery date in Europe/Amsterdam (compared with the deadline).' })
  @Property({ type: 'date' })
  deliveryDate!: string;

  @Field(() => Date, { nullable: true, description: 'When processing started (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  processingStartedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When processing ended (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  processedAt?: Date | null;

  @Field(() => Int, { description: 'Data records in the file.' })
  @Property({ type: 'integer' })
  recordCount: number = 0;

  @Field(() => Int, { description: "Records ingested (0 for a test delivery's would-be count: see status)." })
  @Property({ type: 'integer' })
  acceptedCount: number = 0;

  @Field(() => Int, { description: 'Records not ingested.' })
  @Property({ type: 'integer' })
  rejectedCount: number = 0;

  @Field(() => Int, { description: 'Report lines of class F, BF or TF.' })
  @Property({ type: 'integer' })
  errorCount: number = 0;

  @Field(() => Int, { description: 'Report lines of class W, BW or TW.' })
  @Property({ type: 'integer' })
  warningCount: number = 0;

  /** Bytes read so far while processing (see `progress`). */
  @Property({ type: 'bigint' })
  progressDone: string = '0';

  @Property({ type: 'integer' })
  attempts: number = 0;

  @ManyToOne(() => Delivery, { ref: true, nullable: true, deleteRule: 'set null' })
  supersededBy?: Ref<Delivery> | null;

  @Field(() => Date, { nullable: true, description: 'When a newer production delivery for the same stream and period replaced this one.' })
  @Property({ type: 'datetime', nullable: true })
  supersededAt?: Date | null;
}
