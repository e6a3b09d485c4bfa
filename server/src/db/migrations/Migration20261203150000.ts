import { Migration } from '@mikro-orm/migrations';

/**
 * Processor links (hub staff: processor × registry or sub-delivery × the fields it may ever receive)
 * and institutions' authorisations (machtigingen) under them. One live link per processor and
 * registry stream; removed links and revoked authorisations stay for history.
 */
export class Migration20261203150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "processor_link" ("id" uuid not null, "organisation_id" uuid not null, "registry_id" uuid not null, "sub_delivery_id" uuid null, "fields" text[] not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "removed_at" timestamptz null, constraint "processor_link_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "processor_link_registry_id_index" on "processor_link" ("registry_id");`);
    this.addSql(
      `create unique index "processor_link_one_live" on "processor_link" ("organisation_id", "registry_id", (coalesce("sub_delivery_id", '00000000-0000-0000-0000-000000000000'::uuid))) where "removed_at" is null;`,
    );
    this.addSql(
      `create table "processor_authorisation" ("id" uuid not null, "link_id" uuid not null, "institution_id" uuid not null, "from_period" varchar(10) null, "to_period" varchar(10) null, "purpose" varchar(500) not null, "valid_from" date not null, "valid_until" date null, "fields" text[] not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "revoked_at" timestamptz null, constraint "processor_authorisation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "processor_authorisation_link_id_index" on "processor_authorisation" ("link_id");`);
    this.addSql(`create index "processor_authorisation_institution_id_created_at_index" on "processor_authorisation" ("institution_id", "created_at");`);
    this.addSql(
      `alter table "processor_link" add constraint "processor_link_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "processor_link" add constraint "processor_link_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "processor_link" add constraint "processor_link_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "processor_authorisation" add constraint "processor_authorisation_link_id_foreign" foreign key ("link_id") references "processor_link" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "processor_authorisation" add constraint "processor_authorisation_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "processor_authorisation" cascade;`);
    this.addSql(`drop table if exists "processor_link" cascade;`);
  }
}
