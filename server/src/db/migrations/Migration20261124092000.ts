import { Migration } from '@mikro-orm/migrations';

/**
 * Login failures are counted per e-mail address typed, whether an account has it or not, so a
 * lock-out no longer tells which accounts exist (access/login-lockout.ts). The address is kept only
 * as a keyed digest. The counters on app_user go: current locks are lifted once, by this migration.
 */
export class Migration20261124092000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "login_lockout" ("key" varchar(64) not null, "failures" int not null, "last_failure_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_lockout_pkey" primary key ("key"));`);
    this.addSql(`create index "login_lockout_last_failure_at_index" on "login_lockout" ("last_failure_at");`);
    this.addSql(`alter table "app_user" drop column "failed_logins", drop column "locked_until";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" add column "failed_logins" int not null default 0, add column "locked_until" timestamptz null;`);
    this.addSql(`drop table "login_lockout";`);
  }
}
