import type { EntityManager } from '@mikro-orm/postgresql';
import { runMigrations } from 'graphile-worker';
import pg from 'pg';

export const PROCESS_DELIVERY = 'process-delivery';
export const MAX_DELIVERY_ATTEMPTS = 3;

/**
 * The job queue is graphile-worker 0.16 in the same PostgreSQL. Its schema is created at start (by
 * the server and by `pnpm worker`), so jobs can be added in any transaction of ours.
 */
export async function prepareQueue(databaseUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined);
  try {
    await runMigrations({ pgPool: pool, logger: undefined });
  } finally {
    await pool.end();
  }
}

/**
 * Adds the processing job in the caller's transaction: the delivery row and its job are committed
 * together or not at all (docs/security.md#job-queue). The job key makes a second add for the same
 * delivery replace, not duplicate, the first.
 */
export async function enqueueDeliveryProcessing(em: EntityManager, deliveryId: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      `select graphile_worker.add_job(?, json_build_object('deliveryId', ?::text), job_key := ?, max_attempts := ?)`,
      [PROCESS_DELIVERY, deliveryId, `delivery:${deliveryId}`, MAX_DELIVERY_ATTEMPTS],
      'all',
      em.getTransactionContext(),
    );
}
