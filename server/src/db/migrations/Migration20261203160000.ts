import { Migration } from '@mikro-orm/migrations';

/**
 * Forwarding (doorlevering): every held record gets a change sequence (bumped whenever the record
 * changes for a processor: a new version, a withdrawal by supersession, a return) and a version
 * sequence (one value per version, kept with the version in `held_record_version`), and a fetch is
 * recorded as an `afname` whose handed-over versions are one int8multirange of version sequence
 * values (docs/forwarding.md explains the choice).
 */
export class Migration20261203160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence if not exists "held_record_change_seq";`);
    this.addSql(`create sequence if not exists "held_record_version_seq";`);
    // Defaults through a function, not `nextval(…)` itself, which the ORM's schema diff takes for a serial column.
    this.addSql(`create function "held_record_next_change"() returns bigint language sql volatile as $$ select nextval('held_record_change_seq') $$;`);
    this.addSql(`create function "held_record_next_version"() returns bigint language sql volatile as $$ select nextval('held_record_version_seq') $$;`);
    this.addSql(
      `alter table "held_record" add column "change_seq" bigint not null default held_record_next_change(), add column "version_seq" bigint not null default held_record_next_version(), add column "withdrawn" boolean not null default false;`,
    );
    this.addSql(`alter table "held_record" add constraint "held_record_change_seq_unique" unique ("sub_delivery_id", "institution_id", "change_seq");`);
    this.addSql(`alter table "held_record_version" add column "version_seq" bigint null;`);
    this.addSql(
      `create table "afname" ("id" uuid not null, "fetched_at" timestamptz not null, "organisation_id" uuid null, "user_id" uuid null, "token_id" uuid null, "authorisation_id" uuid null, "registry_id" uuid not null, "sub_delivery_id" uuid null, "institution_ids" uuid[] not null, "period_from" text null, "period_to" text null, "fields" text[] not null, "format" text not null, "since_seq" bigint null, "until_seq" bigint not null, "record_count" int not null, "withdrawn_count" int not null, "complete" boolean not null, "version_seqs" int8multirange not null, constraint "afname_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "afname_institution_ids_index" on "afname" using gin ("institution_ids");`);
    this.addSql(`create index "afname_fetched_at_index" on "afname" ("fetched_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "afname" cascade;`);
    this.addSql(`alter table "held_record_version" drop column "version_seq";`);
    this.addSql(`alter table "held_record" drop column "change_seq", drop column "version_seq", drop column "withdrawn";`);
    this.addSql(`drop function if exists "held_record_next_change"();`);
    this.addSql(`drop function if exists "held_record_next_version"();`);
    this.addSql(`drop sequence if exists "held_record_change_seq";`);
    this.addSql(`drop sequence if exists "held_record_version_seq";`);
  }
}
