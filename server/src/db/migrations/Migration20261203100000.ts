import { Migration } from '@mikro-orm/migrations';

/**
 * Institutions and organisations managed by hub staff: an institution's place, deactivation (when
 * and why: the row and its history stay), two more institution types (ZBC, other); a unit closed
 * from a date; organisations deactivated like institutions.
 */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "institution" drop constraint if exists "institution_type_check";`);
    this.addSql(
      `alter table "institution" add constraint "institution_type_check" check ("type" in ('UMC', 'GENERAL', 'CATEGORICAL', 'INDEPENDENT_TREATMENT_CENTRE', 'OTHER'));`,
    );
    this.addSql(`alter table "institution" add column "place" varchar(100) null, add column "deactivated_at" timestamptz null, add column "deactivation_reason" varchar(500) null;`);
    this.addSql(`alter table "institution_unit" add column "closed_from" date null;`);
    this.addSql(
      `alter table "organisation" add column "active" boolean not null default true, add column "deactivated_at" timestamptz null, add column "deactivation_reason" varchar(500) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "active", drop column "deactivated_at", drop column "deactivation_reason";`);
    this.addSql(`alter table "institution_unit" drop column "closed_from";`);
    this.addSql(`alter table "institution" drop column "place", drop column "deactivated_at", drop column "deactivation_reason";`);
    this.addSql(`alter table "institution" drop constraint if exists "institution_type_check";`);
    this.addSql(`alter table "institution" add constraint "institution_type_check" check ("type" in ('UMC', 'GENERAL', 'CATEGORICAL'));`);
  }
}
