import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Delivery } from '../deliveries/delivery.entity';

/**
 * A line of a processing report. Codes and parameters only: the Dutch or English text is rendered
 * from the dictionary's template when read (docs/registries/README.md#report-lines). Identifying values never get here: the
 * engine masks them before a finding exists. Written by COPY while the file is read.
 */
@Entity({ tableName: 'report_line' })
@Unique({ properties: ['delivery', 'ordinal'] })
@Index({ properties: ['delivery', 'code'] })
// Report order (the Verslag's pages and the exports): read from the index instead of sorting every line of the delivery per page.
// On coalesce(record_number, 0): file-level lines first, and a keyset page either way is one row comparison (Migration20261124090000).
@Index({
  name: 'report_line_report_order_index',
  expression: 'create index "report_line_report_order_index" on "report_line" ("delivery_id", (coalesce("record_number", 0)), "ordinal")',
})
export class ReportLine {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Delivery, { ref: true, deleteRule: 'cascade' })
  delivery!: Ref<Delivery>;

  /** Order in the report: the engine's order, then conflict lines (T01/T02) after every record's own. */
  @Property({ type: 'integer' })
  ordinal!: number;

  @Property({ type: 'integer', nullable: true })
  recordNumber?: number | null;

  @Property({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 2 })
  class!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  field?: string | null;

  @Property({ type: 'json' })
  params!: Record<string, string | number>;

  @Property({ type: 'json', nullable: true })
  keyValues?: Record<string, string> | null;
}
