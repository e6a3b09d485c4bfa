import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';

/**
 * Each record of a production delivery as delivered (identifying fields pseudonymised), with its
 * outcome: the staging area the record store is merged from, the history of what each delivery
 * brought, and the source of the "failed records only" download.
 */
@Entity({ tableName: 'delivery_record' })
export class DeliveryRecord {
  @ManyToOne(() => Delivery, { ref: true, deleteRule: 'cascade', primary: true })
  delivery!: Ref<Delivery>;

  @PrimaryKey({ type: 'integer' })
  recordNumber!: number;

  @Property({ type: 'text' })
  recordKey!: string;

  @Property({ type: 'text', nullable: true })
  patientRef?: string | null;

  @Property({ type: 'jsonb' })
  payload!: Record<string, string>;

  /** Rejected by the file's own checks (F) or by a conflict with data held (TF). */
  @Property({ type: 'boolean' })
  rejected!: boolean;
}
