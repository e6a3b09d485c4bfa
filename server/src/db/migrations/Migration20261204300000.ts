import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log gets one more kind of event, REFUSAL: a change refused by a rule (the last local
 * administrator, a password too short, …), written for every refused mutation in one place
 * (server/src/audit/refused-mutations.ts). Only the check on `event` changes; no row is touched.
 */
export class Migration20261204300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_event_check";`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_event_check" check ("event" in ('CREATE', 'UPDATE', 'DELETE', 'READ', 'SEARCH', 'EXPORT', 'LOGIN', 'LOGIN_FAILURE', 'LOGOUT', 'AUTHORISATION_FAILURE', 'SESSION_EXPIRED', 'REFUSAL'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_event_check";`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_event_check" check ("event" in ('CREATE', 'UPDATE', 'DELETE', 'READ', 'SEARCH', 'EXPORT', 'LOGIN', 'LOGIN_FAILURE', 'LOGOUT', 'AUTHORISATION_FAILURE', 'SESSION_EXPIRED'));`,
    );
  }
}
