import { Migration } from '@mikro-orm/migrations';

/**
 * Schedules, participations, deadline exceptions and reminders (issue 6), and two partial indexes
 * on `delivery` for the overview queries: the first fulfilling delivery date per stream and period,
 * and the most recent final production delivery per stream and period (Overzicht's rejected table);
 * and `overview_period_starts`, generate_series over period starts with a realistic row estimate.
 */
export class Migration20261123161958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "participation" ("id" uuid not null, "institution_id" uuid not null, "sub_delivery_id" uuid not null, "start_period" varchar(10) not null, "start_date" date not null, "end_period" varchar(10) null, "end_date" date null, "channel" text check ("channel" in ('PORTAL', 'FHIR', 'ENTRY_PORTAL')) not null default 'PORTAL', "active" boolean not null default true, "created_at" timestamptz not null, constraint "participation_pkey" primary key ("id"));`);
    this.addSql(`create index "participation_sub_delivery_id_index" on "participation" ("sub_delivery_id");`);
    this.addSql(`alter table "participation" add constraint "participation_institution_id_sub_delivery_id_unique" unique ("institution_id", "sub_delivery_id");`);
    this.addSql(`alter table "participation" add constraint "participation_end_after_start" check (end_date is null or end_date >= start_date);`);

    this.addSql(`create table "delivery_schedule" ("id" uuid not null, "sub_delivery_id" uuid not null, "frequency" text check ("frequency" in ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'TOTAL')) not null, "deadline_kind" text check ("deadline_kind" in ('AFTER_PERIOD_END', 'FIXED_DATE')) not null, "deadline_months_after_period_end" smallint null, "deadline_years_after_period_year" smallint null, "deadline_month" smallint null, "deadline_day" smallint null, "deadline_last_day_of_month" boolean not null default false, constraint "delivery_schedule_pkey" primary key ("id"));`);
    this.addSql(`alter table "delivery_schedule" add constraint "delivery_schedule_sub_delivery_id_frequency_unique" unique ("sub_delivery_id", "frequency");`);

    this.addSql(`create table "sent_reminder" ("id" bigserial primary key, "user_id" uuid not null, "institution_id" uuid not null, "sub_delivery_id" uuid not null, "period" varchar(10) not null, "period_end" date not null, "kind" text check ("kind" in ('DAYS_14_BEFORE', 'DAYS_3_BEFORE', 'OVERDUE')) not null, "sent_on" date not null);`);
    this.addSql(`alter table "sent_reminder" add constraint "sent_reminder_user_id_institution_id_sub_delivery_a4821_unique" unique ("user_id", "institution_id", "sub_delivery_id", "period", "period_end", "kind");`);

    this.addSql(`create table "reminder_opt_out" ("id" bigserial primary key, "user_id" uuid not null, "registry_id" uuid not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "reminder_opt_out" add constraint "reminder_opt_out_user_id_registry_id_unique" unique ("user_id", "registry_id");`);

    this.addSql(`create table "reminder_digest" ("user_id" uuid not null, "sent_on" date not null, "items" int not null, "sent_at" timestamptz not null, constraint "reminder_digest_pkey" primary key ("user_id", "sent_on"));`);
    this.addSql(`create index "reminder_digest_sent_on_index" on "reminder_digest" ("sent_on");`);

    this.addSql(`create table "deadline_exception" ("id" uuid not null, "institution_id" uuid not null, "sub_delivery_id" uuid not null, "period" varchar(10) not null, "period_end" date not null, "deadline" date null, "exempt" boolean not null, "reason" varchar(500) not null, "set_by_id" uuid null, "set_at" timestamptz not null, constraint "deadline_exception_pkey" primary key ("id"), constraint deadline_exception_deadline_or_exempt check ((exempt and deadline is null) or (not exempt and deadline is not null)));`);
    this.addSql(`alter table "deadline_exception" add constraint "deadline_exception_institution_id_sub_delivery_id_dcff5_unique" unique ("institution_id", "sub_delivery_id", "period", "period_end");`);

    this.addSql(`alter table "participation" add constraint "participation_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participation" add constraint "participation_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "delivery_schedule" add constraint "delivery_schedule_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sent_reminder" add constraint "sent_reminder_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sent_reminder" add constraint "sent_reminder_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sent_reminder" add constraint "sent_reminder_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reminder_opt_out" add constraint "reminder_opt_out_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reminder_opt_out" add constraint "reminder_opt_out_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reminder_digest" add constraint "reminder_digest_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "deadline_exception" add constraint "deadline_exception_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deadline_exception" add constraint "deadline_exception_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deadline_exception" add constraint "deadline_exception_set_by_id_foreign" foreign key ("set_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "delivery_fulfilment_index" on "delivery" ("institution_id", "sub_delivery_id", "period", "delivery_date") where not "test" and "status" in ('PROCESSED', 'PROCESSED_WITH_ERRORS');`);
    this.addSql(`create index "delivery_latest_final_index" on "delivery" ("institution_id", "sub_delivery_id", "period", "delivered_at" desc) include ("status", "delivery_date") where not "test" and "status" in ('PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED');`);
    // generate_series is estimated at 1,000 rows; over 4,000 participations that made PostgreSQL
    // plan for millions of periods (JIT, disk sorts). A plpgsql wrapper carries a realistic estimate.
    this.addSql(`create function "overview_period_starts"(first_start date, last_start date, months int) returns setof date
      language plpgsql immutable strict rows 16 as $$
      begin
        return query select g::date from generate_series(first_start, last_start, make_interval(months => months)) as g;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "overview_period_starts"(date, date, int);`);
    this.addSql(`drop index if exists "delivery_fulfilment_index";`);
    this.addSql(`drop index if exists "delivery_latest_final_index";`);
    this.addSql(`drop table if exists "participation" cascade;`);

    this.addSql(`drop table if exists "delivery_schedule" cascade;`);

    this.addSql(`drop table if exists "sent_reminder" cascade;`);

    this.addSql(`drop table if exists "reminder_opt_out" cascade;`);

    this.addSql(`drop table if exists "reminder_digest" cascade;`);

    this.addSql(`drop table if exists "deadline_exception" cascade;`);
  }

}
