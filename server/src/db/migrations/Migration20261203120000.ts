import { Migration } from '@mikro-orm/migrations';

/**
 * Agreements with their encrypted signed PDF (one of each kind per institution, and per registry for
 * the per-registry kinds: a unique index over the registry or the nil uuid), registry contact
 * persons, announcements with their recipients, and channel switch requests (an approved one is
 * the active channel from its effective date).
 */
export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "channel_switch_request" ("id" uuid not null, "institution_id" uuid not null, "registry_id" uuid not null, "from_channel" text check ("from_channel" in ('PORTAL', 'FHIR', 'ENTRY_PORTAL')) null, "channel" text check ("channel" in ('PORTAL', 'FHIR', 'ENTRY_PORTAL')) not null, "reason" varchar(500) not null, "desired_period" varchar(10) not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'DECLINED')) not null default 'PENDING', "effective_period" varchar(10) null, "effective_date" date null, "decision_note" varchar(500) null, "requested_by" uuid null, "requested_at" timestamptz not null, "decided_by" uuid null, "decided_at" timestamptz null, constraint "channel_switch_request_pkey" primary key ("id"));`);
    this.addSql(`create index "channel_switch_request_status_requested_at_index" on "channel_switch_request" ("status", "requested_at");`);
    this.addSql(`create index "channel_switch_request_institution_id_registry_id_status_index" on "channel_switch_request" ("institution_id", "registry_id", "status");`);
    this.addSql(`create table "announcement" ("id" uuid not null, "registry_id" uuid not null, "subject" varchar(200) not null, "body" text not null, "sent_by" uuid null, "sent_at" timestamptz not null, "recipients" jsonb not null, constraint "announcement_pkey" primary key ("id"));`);
    this.addSql(`create index "announcement_registry_id_sent_at_index" on "announcement" ("registry_id", "sent_at");`);
    this.addSql(`create table "agreement" ("id" uuid not null, "institution_id" uuid not null, "registry_id" uuid null, "kind" text check ("kind" in ('GENERAL_SERVICE', 'PROCESSING', 'REGISTRY_SUPPLEMENT', 'DATA_PROTOCOL')) not null, "status" text check ("status" in ('TO_SEND', 'SENT', 'SIGNED', 'EXPIRED')) not null default 'TO_SEND', "sent_on" date null, "signed_on" date null, "expires_on" date null, "document_key" varchar(200) null, "document_size" bigint null, "document_sha256" varchar(64) null, "document_uploaded_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "agreement_pkey" primary key ("id"));`);
    this.addSql(`create index "agreement_registry_id_index" on "agreement" ("registry_id");`);
    this.addSql(`create unique index "agreement_one_per_kind" on "agreement" ("institution_id", "kind", (coalesce("registry_id", '00000000-0000-0000-0000-000000000000'::uuid)));`);
    this.addSql(`create table "registry_contact" ("id" uuid not null, "institution_id" uuid not null, "registry_id" uuid not null, "name" varchar(200) not null, "role" varchar(200) not null, "email" varchar(320) not null, "phone" varchar(40) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "registry_contact_pkey" primary key ("id"));`);
    this.addSql(`create index "registry_contact_registry_id_index" on "registry_contact" ("registry_id");`);
    this.addSql(`create index "registry_contact_institution_id_registry_id_index" on "registry_contact" ("institution_id", "registry_id");`);
    this.addSql(`alter table "channel_switch_request" add constraint "channel_switch_request_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "channel_switch_request" add constraint "channel_switch_request_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "announcement" add constraint "announcement_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement" add constraint "agreement_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement" add constraint "agreement_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "registry_contact" add constraint "registry_contact_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "registry_contact" add constraint "registry_contact_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_switch_request" cascade;`);
    this.addSql(`drop table if exists "announcement" cascade;`);
    this.addSql(`drop table if exists "agreement" cascade;`);
    this.addSql(`drop table if exists "registry_contact" cascade;`);
  }
}
