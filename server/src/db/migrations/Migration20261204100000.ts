import { Migration } from '@mikro-orm/migrations';

/**
 * Data requests after the quote (docs/data-requests.md): the decision's time, the delivery extract
 * (stored encrypted: key, size, SHA-256, rows), the first download, the destruction reminders'
 * sent-at columns, the destruction statement with optional evidence, the register publication, and
 * on the quote an uploaded signed copy and the day the invoice was paid. Existing decided requests
 * get their decision time from their history.
 */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "data_request" add column "decided_at" timestamptz null, add column "extract_key" text null, add column "extract_size" bigint null, add column "extract_sha256" varchar(64) null, add column "extract_row_count" int null, add column "extract_suppressed_cells" int null, add column "extract_created_at" timestamptz null, add column "extract_created_by" varchar(200) null, add column "first_downloaded_at" timestamptz null, add column "destruction_reminder_month_sent_at" timestamptz null, add column "destruction_reminder_week_sent_at" timestamptz null, add column "destruction_escalated_at" timestamptz null, add column "destruction_statement" text null, add column "destruction_name" varchar(200) null, add column "destruction_function" varchar(200) null, add column "destruction_confirmed_at" timestamptz null, add column "destruction_recorded_by_hub" boolean null, add column "destruction_evidence_key" text null, add column "destruction_evidence_size" bigint null, add column "destruction_evidence_sha256" varchar(64) null, add column "destruction_evidence_type" varchar(20) null, add column "register_published_at" timestamptz null;`);
    this.addSql(`alter table "data_request_quote" add column "signed_copy_key" text null, add column "signed_copy_size" bigint null, add column "signed_copy_sha256" varchar(64) null, add column "paid_on" date null;`);
    this.addSql(`update "data_request" r set "decided_at" = (select max(t."at") from "data_request_transition" t where t."request_id" = r."id" and t."to_state" in ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "data_request_quote" drop column "signed_copy_key", drop column "signed_copy_size", drop column "signed_copy_sha256", drop column "paid_on";`);
    this.addSql(`alter table "data_request" drop column "decided_at", drop column "extract_key", drop column "extract_size", drop column "extract_sha256", drop column "extract_row_count", drop column "extract_suppressed_cells", drop column "extract_created_at", drop column "extract_created_by", drop column "first_downloaded_at", drop column "destruction_reminder_month_sent_at", drop column "destruction_reminder_week_sent_at", drop column "destruction_escalated_at", drop column "destruction_statement", drop column "destruction_name", drop column "destruction_function", drop column "destruction_confirmed_at", drop column "destruction_recorded_by_hub", drop column "destruction_evidence_key", drop column "destruction_evidence_size", drop column "destruction_evidence_sha256", drop column "destruction_evidence_type", drop column "register_published_at";`);
  }
}
