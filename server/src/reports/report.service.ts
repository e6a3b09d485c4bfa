import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import type { Delivery } from '../deliveries/delivery.entity';
import type { CatalogueEntry } from '../dictionaries/package/dictionary-package';
import type { Language } from '../common/messages';
import { type Finding, type MessageClass, renderFindingMessage } from '@datahub/validation';
import { applyKeyset, type Connection, definePaging, keysetBatches, type PageArgs } from '../common/pagination';
import type { ReportCodeTotal, ReportLine } from './report.types';

export interface StoredLine {
  ordinal: number;
  record_number: number | null;
  code: string;
  class: string;
  field: string | null;
  params: Record<string, string | number>;
  key_values: Record<string, string> | null;
}

/** The dictionary a delivery was checked with. */
export async function dictionaryOf(ctx: { em: RequestContext['em']; services: RequestContext['services'] }, delivery: Delivery): Promise<CatalogueEntry> {
  const rows = await ctx.em
    .getConnection()
    .execute<{ registry: string; sub: string; version: string }[]>(
      `select r.code as registry, s.code as sub, v.version from dictionary_version v join sub_delivery s on s.id = v.sub_delivery_id join registry r on r.id = s.registry_id where v.id = ?`,
      [delivery.dictionaryVersion.id],
    );
  const row = rows[0];
  const catalogue = await ctx.services.dictionaries.current({ em: ctx.em, request: ctx });
  const loaded = row ? catalogue.find(row.registry, row.sub, row.version) : undefined;
  if (!loaded) throw new Error(`no dictionary for delivery ${delivery.id}`);
  return loaded;
}

export function renderLine(line: StoredLine, dictionary: CatalogueEntry, language: Language): ReportLine {
  const finding: Finding = {
    recordNumber: line.record_number,
    code: line.code,
    class: line.class as MessageClass,
    field: line.field,
    params: line.params,
    keyValues: line.key_values,
  };
  return {
    ordinal: line.ordinal,
    recordNumber: line.record_number,
    code: line.code,
    class: line.class,
    field: line.field,
    message: renderFindingMessage(finding, dictionary.dictionary, language),
    // JSONB does not keep key order: give the report key columns in the dictionary's order.
    keyValues: line.key_values
      ? dictionary.dictionary.reportKey
          .filter((name) => name in (line.key_values as object))
          .map((name) => ({ name, value: (line.key_values as Record<string, string>)[name] as string }))
      : [],
  };
}

/**
 * Report order: file-level lines (no record number: 0 here, records count from 1) first, then per
 * record its lines in check order; read from index report_line_report_order_index on these keys.
 */
export const REPORT_LINE_PAGING = definePaging({
  tag: 'reportLines',
  keys: [
    { column: 'coalesce(record_number, 0)', type: 'int' },
    { column: 'ordinal', type: 'int' },
  ],
  defaultSize: 50,
  maxSize: 500,
});

const LINE_COLUMNS = ['ordinal', 'record_number', 'code', 'class', 'field', 'params', 'key_values'] as const;

/** What the Verslag filters its lines on; the exports take the same filter. */
export interface LineFilter {
  code?: string | null;
  class?: string | null;
  field?: string | null;
}

export function orderedLines(knex: Knex, deliveryId: string, filter: LineFilter) {
  const query = knex('report_line').where('delivery_id', deliveryId);
  if (filter.code) query.where('code', filter.code);
  if (filter.class) query.where('class', filter.class);
  if (filter.field) query.where('field', filter.field);
  return query.select(...LINE_COLUMNS);
}

/** Every line of a delivery's report matching `filter`, in report order, a batch of `size` lines at a time (the exports). */
export function allLines(knex: Knex, deliveryId: string, filter: LineFilter = {}, size = 5000): AsyncGenerator<StoredLine[]> {
  return keysetBatches<StoredLine & Record<string, unknown>>(knex, () => orderedLines(knex, deliveryId, filter), REPORT_LINE_PAGING.keys, size);
}

/** Reading report lines is reading patient-linked data: audited, and refused if the audit row fails. */
export async function reportLinesPage(
  ctx: RequestContext,
  delivery: Delivery,
  page: PageArgs,
  filter: { code?: string | null; class?: string | null },
): Promise<Connection<ReportLine>> {
  const window = REPORT_LINE_PAGING.window(page, ctx.actor.language);
  const knex = ctx.em.getKnex() as Knex;
  const rows = (await applyKeyset(knex, orderedLines(knex, delivery.id, filter), REPORT_LINE_PAGING.keys, window)) as (StoredLine & Record<string, unknown>)[];
  const dictionary = await dictionaryOf(ctx, delivery);
  const connection = REPORT_LINE_PAGING.connection(rows, window, (row) => renderLine(row, dictionary, ctx.actor.language));
  const first = connection.nodes[0];
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.READ,
    action: 'reportLines',
    objectType: 'Delivery',
    objectId: delivery.id,
    institutionId: delivery.institution.id,
    detail: first ? `${connection.nodes.length} lines from ordinal ${first.ordinal}` : '0 lines',
  });
  return connection;
}

/** Totals per code with what the check means and how to fix it, from the dictionary. */
export async function reportTotals(ctx: RequestContext, delivery: Delivery): Promise<ReportCodeTotal[]> {
  const knex = ctx.em.getKnex() as Knex;
  const rows = (await knex('report_line')
    .where('delivery_id', delivery.id)
    .select('code', 'class')
    .count({ count: '*' })
    .groupBy('code', 'class')
    .orderBy('code')) as {
    code: string;
    class: string;
    count: string;
  }[];
  const dictionary = await dictionaryOf(ctx, delivery);
  const checks = [...dictionary.dictionary.common.checks, ...dictionary.dictionary.checks];
  const language = ctx.actor.language;
  return rows.map((row) => {
    const check = checks.find((candidate) => candidate.code === row.code);
    return {
      code: row.code,
      class: row.class,
      count: Number(row.count),
      description: check?.description[language] ?? row.code,
      hint: check?.hint?.[language] ?? null,
    };
  });
}
