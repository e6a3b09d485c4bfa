import { Migration } from '@mikro-orm/migrations';

/**
 * FHIR deliveries (issue 15): per delivery the element paths the mapping discarded (paths only) and
 * the file-store key of its encrypted record locators, for the outcome at /fhir/r4/$deliver-status.
 */
export class Migration20261210300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "fhir_submission" ("delivery_id" uuid not null, "format" varchar(10) not null, "records" int not null, "discarded_paths" jsonb not null, "locator_key" varchar(200) null, "created_at" timestamptz not null, constraint "fhir_submission_pkey" primary key ("delivery_id"));`,
    );
    this.addSql(
      `alter table "fhir_submission" add constraint "fhir_submission_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fhir_submission" cascade;`);
  }
}
