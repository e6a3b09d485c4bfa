import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';
import { Institution } from '../institutions/institution.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/**
 * The record store: the current version of each accepted production record, per sub-delivery,
 * institution and record key (the dictionary's primary key). Identifying fields in `payload` are
 * keyed pseudonyms, never clear values. Earlier versions live in `held_record_version`.
 */
@Entity({ tableName: 'held_record' })
@Unique({ properties: ['subDelivery', 'institution', 'recordKey'] })
export class HeldRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'restrict' })
  subDelivery!: Ref<SubDelivery>;

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'restrict' })
  institution!: Ref<Institution>;

  @Property({ type: 'text' })
  recordKey!: string;

  /** Who the record is about (the dictionary's patient fields, pseudonymised): T01 compares it. */
  @Property({ type: 'text', nullable: true })
  patientRef?: string | null;

  @Property({ type: 'jsonb' })
  payload!: Record<string, string>;

  @ManyToOne(() => Delivery, { ref: true, deleteRule: 'restrict' })
  delivery!: Ref<Delivery>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
