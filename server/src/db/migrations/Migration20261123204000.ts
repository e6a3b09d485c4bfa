import { Migration } from '@mikro-orm/migrations';

/**
 * Report lines in report order (record number, nulls first, then ordinal) come from an index: the
 * Verslag's pages and the 5,000-line pages of an export sorted every line of the delivery before.
 */
export class Migration20261123204000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "report_line_report_order_index" on "report_line" ("delivery_id", "record_number" nulls first, "ordinal");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "report_line_report_order_index";`);
  }
}
