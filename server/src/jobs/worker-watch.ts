import type pg from 'pg';
import type { Logger } from '../kernel/logger';

const BEAT_MS = 5000;
/** A worker silent for this long is dead; DATAHUB_WORKER_STALE_SECONDS overrides it (tests). */
const STALE_SECONDS = Number(process.env.DATAHUB_WORKER_STALE_SECONDS ?? '30');

/**
 * Beats for this process's workers (claimed as each starts a job) and unlocks jobs held by workers
 * of dead processes: locked by an id whose heartbeat is stale, or by an id nobody claimed while its
 * lock is older than the stale limit (a process killed before its first beat).
 */
export function startWorkerWatch(pool: pg.Pool, processTag: string, logger: Logger) {
  const claim = (workerId: string) =>
    pool
      .query(
        `insert into worker_heartbeat (worker_id, process_tag, last_seen) values ($1, $2, now())
         on conflict (worker_id) do update set process_tag = excluded.process_tag, last_seen = now()`,
        [workerId, processTag],
      )
      .catch((error: unknown) => logger.debug({ reason: String(error) }, 'could not claim a worker id'));
  const beat = async () => {
    await pool.query(`update worker_heartbeat set last_seen = now() where process_tag = $1`, [processTag]);
    const dead = await pool.query<{ worker_id: string }>(
      `select distinct j.locked_by as worker_id from graphile_worker._private_jobs j
         left join worker_heartbeat h on h.worker_id = j.locked_by
        where j.locked_by is not null
          and ((h.worker_id is not null and h.last_seen < now() - make_interval(secs => $1))
            or (h.worker_id is null and j.locked_at < now() - make_interval(secs => $1)))`,
      [STALE_SECONDS],
    );
    const ids = dead.rows.map((row) => row.worker_id);
    if (ids.length > 0) {
      await pool.query('select graphile_worker.force_unlock_workers($1::text[])', [ids]);
      await pool.query('delete from worker_heartbeat where worker_id = any($1::text[])', [ids]);
      logger.warn({ workers: ids.length }, 'unlocked the jobs of workers that stopped beating');
    }
  };
  const tick = () => void beat().catch((error: unknown) => logger.debug({ reason: String(error) }, 'worker heartbeat failed'));
  tick();
  const timer = setInterval(tick, BEAT_MS);
  timer.unref();
  return {
    claim,
    stop: () => clearInterval(timer),
  };
}
