import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';
import { Institution } from '../institutions/institution.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/**
 * The record store: the current version of each accepted production record, per sub-delivery,
 * institution and record key (the dictionary's primary key). Identifying fields in `payload` are
 * keyed pseudonyms, never clear values. Earlier versions live in `held_record_version`.
 *
 * No foreign-key constraints: a bulk merge writes up to millions of rows and each constraint costs
 * a lookup per row (see Migration20261123184000); the merge takes all three references from the
 * delivery row it processes, and deliveries are never deleted (a trigger refuses it).
 */
@Entity({ tableName: 'held_record' })
@Unique({ name: 'held_record_change_seq_unique', properties: ['subDelivery', 'institution', 'changeSeq'] })
export class HeldRecord {
  @ManyToOne(() => SubDelivery, { ref: true, primary: true, createForeignKeyConstraint: false })
  subDelivery!: Ref<SubDelivery>;

  @ManyToOne(() => Institution, { ref: true, primary: true, createForeignKeyConstraint: false })
  institution!: Ref<Institution>;

  @PrimaryKey({ type: 'text' })
  recordKey!: string;

  /** Who the record is about (the dictionary's patient fields, pseudonymised): T01 compares it. */
  @Property({ type: 'text', nullable: true })
  patientRef?: string | null;

  @Property({ type: 'jsonb' })
  payload!: Record<string, string>;

  @ManyToOne(() => Delivery, { ref: true, createForeignKeyConstraint: false })
  delivery!: Ref<Delivery>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  /**
   * Forwarding's change sequence: a new value whenever the record changes for a processor (a new
   * version, withdrawn by a superseding delivery, returned). "Changed since" cursors compare it.
   */
  @Property({ type: 'bigint', defaultRaw: 'held_record_next_change()' })
  changeSeq!: string;

  /** One value per version (kept in `held_record_version` when replaced): afnames name the versions handed over by it. */
  @Property({ type: 'bigint', defaultRaw: 'held_record_next_version()' })
  versionSeq!: string;

  /** The delivery that brought it was superseded by one without it: not current, forwarded only as a withdrawal. */
  @Property({ type: 'boolean', default: false })
  withdrawn!: boolean;
}
