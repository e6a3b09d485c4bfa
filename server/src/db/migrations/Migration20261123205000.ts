import { Migration } from '@mikro-orm/migrations';

/**
 * A user's row changes on every failed login, lock-out and second-factor step; only the columns a
 * bearer token's actor is made of (authenticate.ts: actorUser) may empty the token caches. Before,
 * anyone knowing an e-mail address could keep every process's token cache cold with bad passwords.
 */
export class Migration20261123205000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger "app_user_access_version" on "app_user";`);
    this.addSql(`create constraint trigger "app_user_access_version" after insert or delete on "app_user" deferrable initially deferred for each row execute function data_version_bump('access');`);
    this.addSql(`create constraint trigger "app_user_update_access_version" after update on "app_user" deferrable initially deferred for each row
      when ((old.email, old.name, old.organisation_id, old.language, old.active) is distinct from (new.email, new.name, new.organisation_id, new.language, new.active))
      execute function data_version_bump('access');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "app_user_update_access_version" on "app_user";`);
    this.addSql(`drop trigger "app_user_access_version" on "app_user";`);
    this.addSql(`create constraint trigger "app_user_access_version" after insert or update or delete on "app_user" deferrable initially deferred for each row execute function data_version_bump('access');`);
  }
}
