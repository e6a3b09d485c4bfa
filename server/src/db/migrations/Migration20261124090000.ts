import { Migration } from '@mikro-orm/migrations';

/**
 * `delivery.failure_reason` holds a DeliveryFailure code (delivery-failure.ts) instead of the
 * exception's own text, which could quote a value from the file (a PostgreSQL error does). Texts
 * an earlier version stored are replaced by INTERNAL_ERROR, and only codes are accepted from now on.
 */
export class Migration20261124090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "delivery" set "failure_reason" = 'INTERNAL_ERROR' where "failure_reason" is not null and "failure_reason" not in ('STORAGE_UNREADABLE', 'DATABASE_ERROR', 'INTERNAL_ERROR');`);
    this.addSql(`alter table "delivery" add constraint "delivery_failure_reason_check" check ("failure_reason" in ('STORAGE_UNREADABLE', 'DATABASE_ERROR', 'INTERNAL_ERROR'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "delivery" drop constraint "delivery_failure_reason_check";`);
  }
}
