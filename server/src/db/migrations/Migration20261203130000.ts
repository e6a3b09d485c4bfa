import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, dictionary versions over time and onboarding by upload:
 * - a version's dates become accepted from / required from / accepted until (the overlap window
 *   with the previous version); the shipped versions keep their dates, required from their first day;
 * - a draft (uploaded, not yet published) has no dates yet;
 * - an uploaded package is stored with its version (`package`, JSON), with a revision that counts
 *   uploads of the same draft version, and when it was uploaded and published (who: the audit log);
 * - a `dictionary` data version, bumped at commit by any change to a version, so every process
 *   reloads its catalogue of published dictionaries (common/data-versions.ts).
 */
export class Migration20261203130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dictionary_version" drop constraint "dictionary_version_valid_range";`);
    this.addSql(`alter table "dictionary_version" rename column "valid_from" to "accepted_from";`);
    this.addSql(`alter table "dictionary_version" rename column "valid_to" to "accepted_until";`);
    this.addSql(`alter table "dictionary_version" alter column "accepted_from" drop not null;`);
    this.addSql(`alter table "dictionary_version" add column "required_from" date null, add column "package" jsonb null, add column "revision" int not null default 1,
      add column "uploaded_at" timestamptz null, add column "published_at" timestamptz null;`);
    this.addSql(`update "dictionary_version" set "required_from" = "accepted_from";`);
    this.addSql(`alter table "dictionary_version" add constraint "dictionary_version_dates" check (("accepted_from" is null and "required_from" is null and "accepted_until" is null) or ("accepted_from" is not null and "required_from" is not null and "required_from" >= "accepted_from" and ("accepted_until" is null or "accepted_until" >= "accepted_from")));`);
    this.addSql(`insert into "data_version" ("name", "version") values ('dictionary', 0);`);
    this.addSql(`create constraint trigger "dictionary_version_dictionary_version" after insert or update or delete on "dictionary_version" deferrable initially deferred for each row execute function data_version_bump('dictionary');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "dictionary_version_dictionary_version" on "dictionary_version";`);
    this.addSql(`delete from "data_version" where "name" = 'dictionary';`);
    this.addSql(`alter table "dictionary_version" drop constraint "dictionary_version_dates";`);
    this.addSql(`delete from "dictionary_version" where "accepted_from" is null;`);
    this.addSql(`alter table "dictionary_version" drop column "required_from", drop column "package", drop column "revision", drop column "uploaded_at", drop column "published_at";`);
    this.addSql(`alter table "dictionary_version" alter column "accepted_from" set not null;`);
    this.addSql(`alter table "dictionary_version" rename column "accepted_until" to "valid_to";`);
    this.addSql(`alter table "dictionary_version" rename column "accepted_from" to "valid_from";`);
    this.addSql(`alter table "dictionary_version" add constraint "dictionary_version_valid_range" check ("valid_to" is null or "valid_to" >= "valid_from");`);
  }
}
