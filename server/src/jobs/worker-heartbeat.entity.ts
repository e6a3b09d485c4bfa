import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Which graphile-worker worker ids belong to a live process. A process killed with -9 stops
 * beating; any other worker then unlocks the jobs those ids held, so they are retried at once
 * instead of after graphile-worker's four-hour lock timeout.
 */
@Entity({ tableName: 'worker_heartbeat' })
export class WorkerHeartbeat {
  @PrimaryKey({ type: 'text' })
  workerId!: string;

  @Property({ type: 'text' })
  processTag!: string;

  @Property({ type: 'datetime' })
  lastSeen!: Date;
}
