import { Migration } from '@mikro-orm/migrations';

/**
 * Aangeleverd pages by keyset on (delivered_at, id), newest first: for hub staff (every delivery)
 * the index gives each page's rows in order from the cursor on, instead of sorting them all.
 */
export class Migration20261124090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "delivery_list_order_index" on "delivery" ("delivered_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "delivery_list_order_index";`);
  }
}
