import { Migration } from '@mikro-orm/migrations';

/**
 * Institution mergers (fusies): institution A joins B from a day. The read scope caches the applied
 * mergers per `overview` data version, so every change to this table bumps that version, as
 * participations and institutions do (Migration20261123183134).
 */
export class Migration20261203140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "institution_merger" ("id" uuid not null, "from_id" uuid not null, "into_id" uuid not null, "effective_date" date not null, "note" text null, "created_at" timestamptz not null, "applied_at" timestamptz null, constraint "institution_merger_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "institution_merger" add constraint "institution_merger_from_id_unique" unique ("from_id");`);
    this.addSql(`create index "institution_merger_into_id_index" on "institution_merger" ("into_id");`);
    this.addSql(`alter table "institution_merger" add constraint "institution_merger_not_itself" check (from_id <> into_id);`);
    this.addSql(
      `alter table "institution_merger" add constraint "institution_merger_from_id_foreign" foreign key ("from_id") references "institution" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "institution_merger" add constraint "institution_merger_into_id_foreign" foreign key ("into_id") references "institution" ("id") on update cascade;`,
    );
    this.addSql(
      `create constraint trigger "institution_merger_overview_version" after insert or update or delete on "institution_merger" deferrable initially deferred for each row execute function data_version_bump('overview');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "institution_merger" cascade;`);
  }
}
