import { Migration } from '@mikro-orm/migrations';

/** Heartbeats of delivery workers, so jobs of a killed worker are retried promptly. */
export class Migration20261123162203 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "worker_heartbeat" ("worker_id" text not null, "process_tag" text not null, "last_seen" timestamptz not null, constraint "worker_heartbeat_pkey" primary key ("worker_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "worker_heartbeat" cascade;`);

  }

}
