import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';

/**
 * A record of a production delivery rejected by the file's own checks (F) or by a conflict with
 * data held (TF), as delivered (identifying fields pseudonymised): the source of the "failed
 * records only" download. Accepted records go to the record store (`held_record`) only.
 */
@Entity({ tableName: 'rejected_record' })
export class RejectedRecord {
  @ManyToOne(() => Delivery, { ref: true, deleteRule: 'cascade', primary: true })
  delivery!: Ref<Delivery>;

  @PrimaryKey({ type: 'integer' })
  recordNumber!: number;

  @Property({ type: 'jsonb' })
  payload!: Record<string, string>;
}
