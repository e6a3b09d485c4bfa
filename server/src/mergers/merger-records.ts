import type { EntityManager } from '@mikro-orm/postgresql';
import { TAKE_CHANGE_LOCK_SHARED } from '../records/change-lock';

/**
 * A's held records are copied into B's record store (A's stay where they are, readable under A):
 * same sub-delivery, record key, payload (already pseudonymised), version and originating delivery.
 * Where B already holds a record with the same key, B's own is kept. One statement, whatever the volume.
 */
export async function copyHeldRecords(tx: EntityManager, fromId: string, intoId: string, now: Date): Promise<number> {
  await tx.execute(TAKE_CHANGE_LOCK_SHARED);
  const result = await tx.execute<{ affectedRows: number }>(
    `insert into held_record (sub_delivery_id, institution_id, record_key, patient_ref, payload, delivery_id, version, updated_at)
     select sub_delivery_id, ?, record_key, patient_ref, payload, delivery_id, version, ? from held_record where institution_id = ?
     on conflict do nothing`,
    [intoId, now, fromId],
    'run',
  );
  return result.affectedRows;
}
