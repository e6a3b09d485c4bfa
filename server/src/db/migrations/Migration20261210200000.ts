import { Migration } from '@mikro-orm/migrations';

/**
 * The entry portal's entries (Invoerportaal): one row per record entered by hand, its values sealed
 * (nothing of the record in clear), a finding summary of codes, fields and counts, and the delivery
 * that last carried it.
 */
export class Migration20261210200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "entry_draft" ("id" uuid not null, "institution_id" uuid not null, "unit" int not null, "sub_delivery_id" uuid not null, "dictionary_version_id" uuid not null, "period" varchar(10) not null, "sealed_values" text not null, "finding_summary" jsonb not null, "error_count" int not null default 0, "warning_count" int not null default 0, "submitted_in_id" uuid null, "submitted_at" timestamptz null, "created_by" uuid null, "created_at" timestamptz not null, "updated_by" uuid null, "updated_at" timestamptz not null, constraint "entry_draft_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "entry_draft_period_index" on "entry_draft" ("institution_id", "sub_delivery_id", "period", "created_at", "id");`);
    this.addSql(
      `alter table "entry_draft" add constraint "entry_draft_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "entry_draft" add constraint "entry_draft_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "entry_draft" add constraint "entry_draft_dictionary_version_id_foreign" foreign key ("dictionary_version_id") references "dictionary_version" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "entry_draft" add constraint "entry_draft_submitted_in_id_foreign" foreign key ("submitted_in_id") references "delivery" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "entry_draft" cascade;`);
  }
}
