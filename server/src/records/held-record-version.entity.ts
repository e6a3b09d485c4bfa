import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';
import { Institution } from '../institutions/institution.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** An earlier version of a held record (named by the record store's key), kept when a later delivery replaced it (T02). */
@Entity({ tableName: 'held_record_version' })
@Index({ name: 'held_record_version_record_index', properties: ['subDelivery', 'institution', 'recordKey'] })
export class HeldRecordVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => SubDelivery, { ref: true, createForeignKeyConstraint: false })
  subDelivery!: Ref<SubDelivery>;

  @ManyToOne(() => Institution, { ref: true, createForeignKeyConstraint: false })
  institution!: Ref<Institution>;

  @Property({ type: 'text' })
  recordKey!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'jsonb' })
  payload!: Record<string, string>;

  @ManyToOne(() => Delivery, { ref: true, deleteRule: 'restrict' })
  delivery!: Ref<Delivery>;

  @Property({ type: 'datetime' })
  replacedAt!: Date;

  /** The version's sequence value while it was current (null for versions replaced before forwarding existed). */
  @Property({ type: 'bigint', nullable: true })
  versionSeq?: string | null;
}
