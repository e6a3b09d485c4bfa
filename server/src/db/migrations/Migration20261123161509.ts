import { Migration } from '@mikro-orm/migrations';

/** Deliveries, their report lines, the records each delivery brought, and the record store with its history. */
export class Migration20261123161509 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "delivery" ("id" uuid not null, "institution_id" uuid not null, "unit" int not null, "sub_delivery_id" uuid not null, "dictionary_version_id" uuid not null, "period" varchar(10) not null, "test" boolean not null, "channel" text check ("channel" in ('PORTAL', 'FHIR', 'ENTRY_PORTAL')) not null, "status" text check ("status" in ('RECEIVED', 'PROCESSING', 'PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED')) not null default 'RECEIVED', "failure_reason" text null, "file_name" varchar(255) not null, "file_name_conforming" boolean not null, "sequence_number" int null, "creation_date" date null, "size" bigint not null, "sha256" varchar(64) not null, "storage_key" varchar(200) not null, "same_bytes_as_id" uuid null, "delivered_by_id" uuid null, "delivered_at" timestamptz not null, "delivery_date" date not null, "processing_started_at" timestamptz null, "processed_at" timestamptz null, "record_count" int not null default 0, "accepted_count" int not null default 0, "rejected_count" int not null default 0, "error_count" int not null default 0, "warning_count" int not null default 0, "progress_done" bigint not null default '0', "attempts" int not null default 0, "superseded_by_id" uuid null, "superseded_at" timestamptz null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_institution_id_delivered_at_index" on "delivery" ("institution_id", "delivered_at");`);
    this.addSql(`create index "delivery_institution_id_sub_delivery_id_period_del_313b1_index" on "delivery" ("institution_id", "sub_delivery_id", "period", "delivered_at");`);

    this.addSql(`create table "report_line" ("id" bigserial primary key, "delivery_id" uuid not null, "ordinal" int not null, "record_number" int null, "code" varchar(40) not null, "class" varchar(2) not null, "field" varchar(100) null, "params" jsonb not null, "key_values" jsonb null);`);
    this.addSql(`create index "report_line_delivery_id_code_index" on "report_line" ("delivery_id", "code");`);
    this.addSql(`alter table "report_line" add constraint "report_line_delivery_id_ordinal_unique" unique ("delivery_id", "ordinal");`);

    this.addSql(`create table "held_record" ("id" uuid not null, "sub_delivery_id" uuid not null, "institution_id" uuid not null, "record_key" text not null, "patient_ref" text null, "payload" jsonb not null, "delivery_id" uuid not null, "version" int not null, "updated_at" timestamptz not null, constraint "held_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "held_record" add constraint "held_record_sub_delivery_id_institution_id_record_key_unique" unique ("sub_delivery_id", "institution_id", "record_key");`);

    this.addSql(`create table "held_record_version" ("id" bigserial primary key, "held_record_id" uuid not null, "version" int not null, "payload" jsonb not null, "delivery_id" uuid not null, "replaced_at" timestamptz not null);`);

    this.addSql(`create table "delivery_record" ("delivery_id" uuid not null, "record_number" int not null, "record_key" text not null, "patient_ref" text null, "payload" jsonb not null, "rejected" boolean not null, constraint "delivery_record_pkey" primary key ("delivery_id", "record_number"));`);

    this.addSql(`alter table "delivery" add constraint "delivery_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "delivery" add constraint "delivery_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "delivery" add constraint "delivery_dictionary_version_id_foreign" foreign key ("dictionary_version_id") references "dictionary_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "delivery" add constraint "delivery_same_bytes_as_id_foreign" foreign key ("same_bytes_as_id") references "delivery" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "delivery" add constraint "delivery_delivered_by_id_foreign" foreign key ("delivered_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "delivery" add constraint "delivery_superseded_by_id_foreign" foreign key ("superseded_by_id") references "delivery" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "report_line" add constraint "report_line_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "held_record" add constraint "held_record_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "held_record" add constraint "held_record_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "held_record" add constraint "held_record_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "held_record_version" add constraint "held_record_version_held_record_id_foreign" foreign key ("held_record_id") references "held_record" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "held_record_version" add constraint "held_record_version_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "delivery_record" add constraint "delivery_record_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "delivery" drop constraint "delivery_same_bytes_as_id_foreign";`);

    this.addSql(`alter table "delivery" drop constraint "delivery_superseded_by_id_foreign";`);

    this.addSql(`alter table "report_line" drop constraint "report_line_delivery_id_foreign";`);

    this.addSql(`alter table "held_record" drop constraint "held_record_delivery_id_foreign";`);

    this.addSql(`alter table "held_record_version" drop constraint "held_record_version_delivery_id_foreign";`);

    this.addSql(`alter table "delivery_record" drop constraint "delivery_record_delivery_id_foreign";`);

    this.addSql(`alter table "held_record_version" drop constraint "held_record_version_held_record_id_foreign";`);

    this.addSql(`drop table if exists "delivery" cascade;`);

    this.addSql(`drop table if exists "report_line" cascade;`);

    this.addSql(`drop table if exists "held_record" cascade;`);

    this.addSql(`drop table if exists "held_record_version" cascade;`);

    this.addSql(`drop table if exists "delivery_record" cascade;`);
  }

}
