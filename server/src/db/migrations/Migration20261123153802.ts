import { Migration } from '@mikro-orm/migrations';

/** Domain core: institutions with units, registries with sub-deliveries and dictionary versions. */
export class Migration20261123153802 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "institution" ("id" uuid not null, "code" varchar(8) not null, "name" varchar(200) not null, "type" text check ("type" in ('UMC', 'GENERAL', 'CATEGORICAL')) not null, "active" boolean not null default true, constraint "institution_pkey" primary key ("id"));`);
    this.addSql(`alter table "institution" add constraint "institution_code_unique" unique ("code");`);

    this.addSql(`create table "institution_unit" ("id" uuid not null, "institution_id" uuid not null, "number" int not null, "name" varchar(200) not null, constraint "institution_unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "institution_unit" add constraint "institution_unit_institution_id_number_unique" unique ("institution_id", "number");`);

    this.addSql(`create table "registry" ("id" uuid not null, "code" varchar(10) not null, "name" varchar(200) not null, "holder" varchar(200) not null, "accepted_channels" text[] not null, "produces_information_product" boolean not null default false, constraint "registry_pkey" primary key ("id"));`);
    this.addSql(`alter table "registry" add constraint "registry_code_unique" unique ("code");`);

    this.addSql(`create table "sub_delivery" ("id" uuid not null, "registry_id" uuid not null, "code" varchar(40) not null, "name" varchar(200) not null, "frequency" text check ("frequency" in ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'TOTAL')) not null, "deadline_kind" text check ("deadline_kind" in ('AFTER_PERIOD_END', 'FIXED_DATE')) not null, "deadline_months_after_period_end" smallint null, "deadline_years_after_period_year" smallint null, "deadline_month" smallint null, "deadline_day" smallint null, "deadline_last_day_of_month" boolean not null default false, constraint "sub_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "sub_delivery" add constraint "sub_delivery_registry_id_code_unique" unique ("registry_id", "code");`);

    this.addSql(`create table "dictionary_version" ("id" uuid not null, "sub_delivery_id" uuid not null, "version" varchar(20) not null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'RETIRED')) not null default 'DRAFT', "valid_from" date not null, "valid_to" date null, constraint "dictionary_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "dictionary_version" add constraint "dictionary_version_sub_delivery_id_version_unique" unique ("sub_delivery_id", "version");`);

    this.addSql(`alter table "institution_unit" add constraint "institution_unit_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sub_delivery" add constraint "sub_delivery_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dictionary_version" add constraint "dictionary_version_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`);
    // Rules the database keeps even when a bug or a hand-written query would not.
    this.addSql(`alter table "institution" add constraint "institution_code_8_digits" check ("code" ~ '^[0-9]{8}$');`);
    this.addSql(`alter table "institution_unit" add constraint "institution_unit_number_not_negative" check ("number" >= 0);`);
    this.addSql(`alter table "registry" add constraint "registry_accepted_channels_known" check (cardinality("accepted_channels") > 0 and "accepted_channels" <@ array['PORTAL', 'FHIR', 'ENTRY_PORTAL']::text[]);`);
    this.addSql(`alter table "dictionary_version" add constraint "dictionary_version_valid_range" check ("valid_to" is null or "valid_to" >= "valid_from");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "institution_unit" drop constraint "institution_unit_institution_id_foreign";`);

    this.addSql(`alter table "sub_delivery" drop constraint "sub_delivery_registry_id_foreign";`);

    this.addSql(`alter table "dictionary_version" drop constraint "dictionary_version_sub_delivery_id_foreign";`);

    this.addSql(`drop table if exists "institution" cascade;`);

    this.addSql(`drop table if exists "institution_unit" cascade;`);

    this.addSql(`drop table if exists "registry" cascade;`);

    this.addSql(`drop table if exists "sub_delivery" cascade;`);

    this.addSql(`drop table if exists "dictionary_version" cascade;`);
  }

}
