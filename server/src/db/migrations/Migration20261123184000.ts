import { Migration } from '@mikro-orm/migrations';

/**
 * The record store built for bulk merges (issue 5's end-to-end benchmark).
 *
 * - `held_record` is keyed by what identifies a record (sub-delivery, institution, record key)
 *   instead of a random uuid plus a unique index: one index to maintain per row instead of two.
 * - It has no foreign-key triggers: each cost a lookup per row (measured on PostgreSQL 15: inserting
 *   1,000,000 records took 22.2 s with the three foreign keys and 9.8 s without). Its rows are written
 *   only by the merge, which takes the sub-delivery, institution and delivery from the delivery row
 *   it processes, and deliveries are never deleted; `delivery_no_delete` now makes that a rule.
 * - `held_record_version` names its record by the same key.
 * - `delivery_record` (every record of every production delivery, used only as a staging area and
 *   for the "failed records" download) becomes `rejected_record`: the staging moves to a temporary
 *   table of the processing transaction, and only the rejected records stay.
 */
export class Migration20261123184000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "held_record_version" add column "sub_delivery_id" uuid, add column "institution_id" uuid, add column "record_key" text;`);
    this.addSql(`update "held_record_version" v set "sub_delivery_id" = h."sub_delivery_id", "institution_id" = h."institution_id", "record_key" = h."record_key" from "held_record" h where h."id" = v."held_record_id";`);
    this.addSql(`alter table "held_record_version" drop constraint "held_record_version_held_record_id_foreign", drop column "held_record_id";`);
    this.addSql(`alter table "held_record_version" alter column "sub_delivery_id" set not null, alter column "institution_id" set not null, alter column "record_key" set not null;`);
    this.addSql(`create index "held_record_version_record_index" on "held_record_version" ("sub_delivery_id", "institution_id", "record_key");`);

    this.addSql(`alter table "held_record" drop constraint "held_record_sub_delivery_id_foreign", drop constraint "held_record_institution_id_foreign", drop constraint "held_record_delivery_id_foreign";`);
    this.addSql(`alter table "held_record" drop constraint "held_record_pkey", drop column "id";`);
    this.addSql(`alter table "held_record" drop constraint "held_record_sub_delivery_id_institution_id_record_key_unique";`);
    this.addSql(`alter table "held_record" add constraint "held_record_pkey" primary key ("sub_delivery_id", "institution_id", "record_key");`);

    this.addSql(`create table "rejected_record" ("delivery_id" uuid not null, "record_number" int not null, "payload" jsonb not null, constraint "rejected_record_pkey" primary key ("delivery_id", "record_number"));`);
    this.addSql(`alter table "rejected_record" add constraint "rejected_record_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "rejected_record" ("delivery_id", "record_number", "payload") select "delivery_id", "record_number", "payload" from "delivery_record" where "rejected";`);
    this.addSql(`drop table "delivery_record";`);

    this.addSql(`create function delivery_no_delete() returns trigger language plpgsql as $$
      begin
        raise exception 'deliveries are never deleted: the record store and the audit trail refer to them' using errcode = 'restrict_violation';
      end $$;`);
    this.addSql(`create trigger delivery_no_delete before delete on "delivery" for each statement execute function delivery_no_delete();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger delivery_no_delete on "delivery";`);
    this.addSql(`drop function delivery_no_delete();`);
    this.addSql(`create table "delivery_record" ("delivery_id" uuid not null, "record_number" int not null, "record_key" text not null, "patient_ref" text null, "payload" jsonb not null, "rejected" boolean not null, constraint "delivery_record_pkey" primary key ("delivery_id", "record_number"));`);
    this.addSql(`alter table "delivery_record" add constraint "delivery_record_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "delivery_record" select "delivery_id", "record_number", '', null, "payload", true from "rejected_record";`);
    this.addSql(`drop table "rejected_record";`);
    this.addSql(`alter table "held_record" drop constraint "held_record_pkey";`);
    this.addSql(`alter table "held_record" add column "id" uuid not null default gen_random_uuid() primary key;`);
    this.addSql(`alter table "held_record" alter column "id" drop default;`);
    this.addSql(`alter table "held_record" add constraint "held_record_sub_delivery_id_institution_id_record_key_unique" unique ("sub_delivery_id", "institution_id", "record_key");`);
    this.addSql(`alter table "held_record" add constraint "held_record_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "held_record" add constraint "held_record_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "held_record" add constraint "held_record_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete restrict;`);
    this.addSql(`drop index "held_record_version_record_index";`);
    this.addSql(`alter table "held_record_version" add column "held_record_id" uuid;`);
    this.addSql(`update "held_record_version" v set "held_record_id" = h."id" from "held_record" h where h."sub_delivery_id" = v."sub_delivery_id" and h."institution_id" = v."institution_id" and h."record_key" = v."record_key";`);
    this.addSql(`alter table "held_record_version" drop column "sub_delivery_id", drop column "institution_id", drop column "record_key", alter column "held_record_id" set not null;`);
    this.addSql(`alter table "held_record_version" add constraint "held_record_version_held_record_id_foreign" foreign key ("held_record_id") references "held_record" ("id") on update cascade on delete cascade;`);
  }
}
