import { Migration } from '@mikro-orm/migrations';

/**
 * The participation lifecycle: every move kept (participation_transition, also where suspension
 * spans come from), EHR vendor changes, a registry's go-live criteria (one row per registry that
 * differs from the defaults). Contact persons named at sign-up are the institution's registry contact
 * persons (registry_contact). Existing participations get no history rows: their history starts
 * with their next move.
 */
export class Migration20261203110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "registry_go_live_settings" ("registry_id" uuid not null, "min_clean_test_deliveries" int not null default 1, "auto_go_live" boolean not null default false, "vendor_change_back_to_testing" boolean not null default false, constraint "registry_go_live_settings_pkey" primary key ("registry_id"));`);
    this.addSql(`create table "participation_vendor_change" ("id" uuid not null, "participation_id" uuid not null, "from_vendor" varchar(200) not null, "to_vendor" varchar(200) not null, "changed_on" date not null, "back_to_testing" boolean not null, "recorded_at" timestamptz not null, constraint "participation_vendor_change_pkey" primary key ("id"));`);
    this.addSql(`create index "participation_vendor_change_participation_id_changed_on_index" on "participation_vendor_change" ("participation_id", "changed_on");`);
    this.addSql(`create table "participation_transition" ("id" uuid not null, "participation_id" uuid not null, "from_state" text check ("from_state" in ('REQUESTED', 'AGREEMENTS_SENT', 'AGREEMENTS_SIGNED', 'ACCOUNTS_READY', 'TESTING', 'PRODUCTION', 'SUSPENDED', 'ENDED')) null, "to_state" text check ("to_state" in ('REQUESTED', 'AGREEMENTS_SENT', 'AGREEMENTS_SIGNED', 'ACCOUNTS_READY', 'TESTING', 'PRODUCTION', 'SUSPENDED', 'ENDED')) not null, "at" timestamptz not null, "actor_user_id" uuid null, "actor_name" varchar(200) not null, "note" text null, constraint "participation_transition_pkey" primary key ("id"));`);
    this.addSql(`create index "participation_transition_participation_id_at_index" on "participation_transition" ("participation_id", "at");`);
    this.addSql(`alter table "registry_go_live_settings" add constraint "registry_go_live_settings_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participation_vendor_change" add constraint "participation_vendor_change_participation_id_foreign" foreign key ("participation_id") references "participation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participation_transition" add constraint "participation_transition_participation_id_foreign" foreign key ("participation_id") references "participation" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "participation_transition" cascade;`);
    this.addSql(`drop table if exists "participation_vendor_change" cascade;`);
    this.addSql(`drop table if exists "registry_go_live_settings" cascade;`);
  }
}
