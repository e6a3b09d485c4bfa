import { Migration } from '@mikro-orm/migrations';

/**
 * Identity and access: organisations, users, role assignments, sessions, API tokens, one-time
 * secrets, invitations, login failures; and the append-only NEN 7513 audit log.
 */
export class Migration20261123154842 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null default now(), "event" text check ("event" in ('CREATE', 'UPDATE', 'DELETE', 'READ', 'SEARCH', 'EXPORT', 'LOGIN', 'LOGIN_FAILURE', 'LOGOUT', 'AUTHORISATION_FAILURE', 'SESSION_EXPIRED')) not null, "actor_user_id" uuid null, "actor_email" varchar(320) null, "actor_organisation_id" uuid null, "actor_roles" text null, "channel" varchar(100) not null, "on_behalf_of" varchar(200) null, "action" varchar(100) not null, "object_type" varchar(60) null, "object_id" varchar(200) null, "institution_id" uuid null, "address" varchar(64) null, "user_agent" varchar(300) null, "detail" varchar(200) null);`);
    this.addSql(`create index "audit_event_actor_user_id_at_index" on "audit_event" ("actor_user_id", "at");`);
    this.addSql(`create index "audit_event_institution_id_at_index" on "audit_event" ("institution_id", "at");`);

    this.addSql(`create table "login_failure" ("id" bigserial primary key, "address" varchar(64) not null, "at" timestamptz not null);`);
    this.addSql(`create index "login_failure_address_at_index" on "login_failure" ("address", "at");`);

    this.addSql(`create table "organisation" ("id" uuid not null, "kind" text check ("kind" in ('HUB', 'INSTITUTION', 'PROCESSOR', 'REQUESTER')) not null, "name" varchar(200) not null, "institution_id" uuid null, constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_name_unique" unique ("name");`);
    this.addSql(`alter table "organisation" add constraint "organisation_institution_id_unique" unique ("institution_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "organisation_id" uuid not null, "password_hash" text null, "active" boolean not null default true, "totp_secret_sealed" text null, "totp_enabled" boolean not null default false, "totp_last_step" bigint null, "failed_logins" int not null default 0, "locked_until" timestamptz null, "language" varchar(2) not null default 'nl', "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "second_factor_at" timestamptz null, "revoked_at" timestamptz null, "second_factor_failures" int not null default 0, "address" varchar(64) null, "user_agent" varchar(300) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "role_assignment" ("id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER', 'PROCESSOR', 'REQUESTER')) not null, "institution_id" uuid null, "registry_id" uuid null, "sub_delivery_id" uuid null, "organisation_id" uuid null, "granted_at" timestamptz not null, constraint "role_assignment_pkey" primary key ("id"));`);

    this.addSql(`create table "one_time_secret" ("id" uuid not null, "purpose" text check ("purpose" in ('EMAIL_CODE', 'PASSWORD_RESET')) not null, "user_id" uuid not null, "session_id" uuid null, "secret_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "attempts" int not null default 0, constraint "one_time_secret_pkey" primary key ("id"));`);

    this.addSql(`create table "invitation" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "organisation_id" uuid not null, "institution_id" uuid null, "role" text check ("role" in ('HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER', 'PROCESSOR', 'REQUESTER')) not null, "scope" jsonb not null, "token_hash" varchar(64) not null, "invited_by_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "user_id" uuid null, "organisation_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "organisation" add constraint "organisation_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_registry_id_foreign" foreign key ("registry_id") references "registry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_sub_delivery_id_foreign" foreign key ("sub_delivery_id") references "sub_delivery" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "one_time_secret" add constraint "one_time_secret_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "one_time_secret" add constraint "one_time_secret_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invitation" add constraint "invitation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    // NEN 7513: the audit log cannot be changed through the application. A trigger refuses UPDATE,
    // DELETE and TRUNCATE for every role (also the table owner and superusers, unless they first
    // drop or disable the trigger, which is itself a schema change outside the application).
    this.addSql(`create function "audit_event_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only (NEN 7513): % refused', tg_op using errcode = 'insufficient_privilege';
      end
    $$;`);
    this.addSql(`create trigger "audit_event_no_update_or_delete" before update or delete on "audit_event" for each row execute function "audit_event_append_only"();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function "audit_event_append_only"();`);
    this.addSql(`revoke update, delete, truncate on "audit_event" from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_no_truncate" on "audit_event";`);
    this.addSql(`drop trigger if exists "audit_event_no_update_or_delete" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_append_only"();`);
    this.addSql(`alter table "app_user" drop constraint "app_user_organisation_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_organisation_id_foreign";`);

    this.addSql(`alter table "invitation" drop constraint "invitation_organisation_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_organisation_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_user_id_foreign";`);

    this.addSql(`alter table "one_time_secret" drop constraint "one_time_secret_user_id_foreign";`);

    this.addSql(`alter table "invitation" drop constraint "invitation_invited_by_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_user_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_created_by_id_foreign";`);

    this.addSql(`alter table "one_time_secret" drop constraint "one_time_secret_session_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "login_failure" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);

    this.addSql(`drop table if exists "one_time_secret" cascade;`);

    this.addSql(`drop table if exists "invitation" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);
  }

}
