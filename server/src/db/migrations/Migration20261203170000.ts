import { Migration } from '@mikro-orm/migrations';

/**
 * Notices to processors that new data is available: one endpoint per processor organisation (URL
 * and sealed signing secret), and a `notice` row per notice holding only ids, counts and status,
 * never record data. At most one pending notice per authorisation: a change while one is pending
 * joins it.
 */
export class Migration20261203170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notice_endpoint" ("id" uuid not null, "organisation_id" uuid not null, "url" text not null, "sealed_secret" text null, "active" boolean not null default true, "created_at" timestamptz not null, "created_by" uuid null, "updated_at" timestamptz not null, constraint "notice_endpoint_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "notice_endpoint" add constraint "notice_endpoint_organisation_unique" unique ("organisation_id");`);
    this.addSql(
      `create table "notice" ("id" uuid not null, "organisation_id" uuid not null, "authorisation_id" uuid not null, "sub_delivery_id" uuid null, "created_at" timestamptz not null, "occurred_at" timestamptz not null, "generation" int not null default 1, "status" text check ("status" in ('PENDING', 'DELIVERED', 'DROPPED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "last_status_code" int null, "last_error_kind" text null, "delivered_at" timestamptz null, constraint "notice_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "notice_one_pending" on "notice" ("authorisation_id") where "status" = 'PENDING';`);
    this.addSql(`create index "notice_organisation_created_index" on "notice" ("organisation_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notice" cascade;`);
    this.addSql(`drop table if exists "notice_endpoint" cascade;`);
  }
}
