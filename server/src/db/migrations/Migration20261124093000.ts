import { Migration } from '@mikro-orm/migrations';

/**
 * Keyset paging from the index, in either direction:
 * - Aangeleverd by (delivered_at, id), newest first: for hub staff (every delivery) each page's rows
 *   come in order from the cursor on, instead of sorting them all.
 * - Report lines by (coalesce(record_number, 0), ordinal): the same order as `record_number nulls
 *   first, ordinal` (records count from 1), but NOT NULL, so a page before a cursor deep in a report
 *   of millions of lines is one row comparison in the index too (with NULLs it scanned from the end).
 */
export class Migration20261124093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "delivery_list_order_index" on "delivery" ("delivered_at", "id");`);
    this.addSql(`drop index "report_line_report_order_index";`);
    this.addSql(`create index "report_line_report_order_index" on "report_line" ("delivery_id", (coalesce("record_number", 0)), "ordinal");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "report_line_report_order_index";`);
    this.addSql(`create index "report_line_report_order_index" on "report_line" ("delivery_id", "record_number" nulls first, "ordinal");`);
    this.addSql(`drop index "delivery_list_order_index";`);
  }
}
