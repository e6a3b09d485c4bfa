import { Migration } from '@mikro-orm/migrations';

/**
 * Participations get a state instead of an on/off flag: every participation that was active is in
 * PRODUCTION; an inactive one is ENDED (without an end period it expects nothing, as before).
 */
export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "participation" add column "state" text check ("state" in ('REQUESTED', 'AGREEMENTS_SENT', 'AGREEMENTS_SIGNED', 'ACCOUNTS_READY', 'TESTING', 'PRODUCTION', 'SUSPENDED', 'ENDED')) not null default 'REQUESTED';`,
    );
    this.addSql(`update "participation" set "state" = case when "active" then 'PRODUCTION' else 'ENDED' end;`);
    this.addSql(`alter table "participation" drop column "active";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "participation" add column "active" boolean not null default true;`);
    this.addSql(`update "participation" set "active" = "state" = 'PRODUCTION';`);
    this.addSql(`alter table "participation" drop column "state";`);
  }
}
