import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';
import { HeldRecord } from './held-record.entity';

/** An earlier version of a held record, kept when a later delivery replaced it (T02). */
@Entity({ tableName: 'held_record_version' })
export class HeldRecordVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => HeldRecord, { ref: true, deleteRule: 'cascade' })
  heldRecord!: Ref<HeldRecord>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'jsonb' })
  payload!: Record<string, string>;

  @ManyToOne(() => Delivery, { ref: true, deleteRule: 'restrict' })
  delivery!: Ref<Delivery>;

  @Property({ type: 'datetime' })
  replacedAt!: Date;
}
