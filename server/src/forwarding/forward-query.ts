import type { Knex } from '@mikro-orm/postgresql';
import { Period } from '../common/period';
import type { ForwardSelection, PeriodRange } from './forward-selection';

/** What a fetch reads: the selection, and which changes (all current records, or the changes after a cursor). */
export interface ForwardScope {
  selection: ForwardSelection;
  subDeliveryIds: string[];
  /** Period codes in the selection's range, or null for every period. */
  periodCodes: string[] | null;
  /** Changes after this position (an incremental fetch), or null: all current records. */
  since: string | null;
  /** Changes up to this position (the next cursor). */
  until: string;
  /** A page of a paged fetch: only changes after this position (the previous page's last), in change order. */
  after?: string | null;
}

/** The columns every row starts with, before the selected fields. */
export const LEADING_COLUMNS = ['recordKey', 'version', 'institution', 'period', 'status'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEQ = /^[0-9]{1,19}$/;

/** COPY takes no parameters: literals are quoted here, and ids and positions checked for their shape first. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function uuidArray(ids: string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error('not a uuid');
  return `array[${ids.map(literal).join(', ')}]::uuid[]`;
}

function seq(value: string): string {
  if (!SEQ.test(value)) throw new Error('not a sequence position');
  return value;
}

/** The sub-deliveries a selection covers. */
export async function subDeliveriesOf(knex: Knex, selection: ForwardSelection): Promise<string[]> {
  if (selection.subDeliveryId) return [selection.subDeliveryId];
  const rows = (await knex('sub_delivery').where({ registry_id: selection.registryId }).select('id')) as { id: string }[];
  return rows.map((row) => row.id);
}

function inRange(code: string, range: PeriodRange): boolean {
  if (code === range.from || code === range.to) return true;
  const period = Period.parse(code);
  const [from, to] = [Period.parse(range.from).startDate, Period.parse(range.to).endDate];
  return period.startDate !== null && period.endDate !== null && from !== null && to !== null && period.startDate >= from && period.endDate <= to;
}

/** The period codes delivered for the selection's streams that lie in its range (null: no range, every period). */
export async function periodCodesOf(knex: Knex, selection: ForwardSelection, subDeliveryIds: string[]): Promise<string[] | null> {
  const range = selection.periods;
  if (!range) return null;
  const rows = (await knex('delivery').whereIn('institution_id', selection.institutionIds).whereIn('sub_delivery_id', subDeliveryIds).distinct('period')) as {
    period: string;
  }[];
  return rows.map((row) => row.period).filter((code) => inRange(code, range));
}

/** The held records of the scope (joined with their delivery `d` and institution `i`) as a FROM … WHERE clause. */
export function scopeClause(scope: ForwardScope): string {
  const conditions = [
    `h.sub_delivery_id = any(${uuidArray(scope.subDeliveryIds)})`,
    `h.institution_id = any(${uuidArray(scope.selection.institutionIds)})`,
    `h.change_seq <= ${seq(scope.until)}`,
    scope.since === null ? 'not h.withdrawn' : `h.change_seq > ${seq(scope.since)}`,
  ];
  if (scope.after) conditions.push(`h.change_seq > ${seq(scope.after)}`);
  if (scope.periodCodes) conditions.push(`d.period = any(array[${scope.periodCodes.map(literal).join(', ')}]::text[])`);
  return `from held_record h join delivery d on d.id = h.delivery_id join institution i on i.id = h.institution_id where ${conditions.join(' and ')}`;
}

/** A delivered value that a spreadsheet would run as a formula gets a leading ' (as every CSV export of the hub). */
function neutralised(expression: string): string {
  return `case when ${expression} ~ '^[=+\\-@\\t\\r]' then '''' || ${expression} else ${expression} end`;
}

const KEY = `replace(h.record_key, chr(31), ' / ')`;
const STATUS = `case when h.withdrawn then 'WITHDRAWN' else 'CURRENT' end`;

/** The SELECT of the CSV rows: leading columns, then each field (empty for a withdrawn record). */
export function csvSelect(scope: ForwardScope): string {
  const fields = scope.selection.fields.map((field) => `case when h.withdrawn then null else ${neutralised(`(h.payload ->> ${literal(field)})`)} end`);
  return `select ${[neutralised(KEY), 'h.version', 'i.code', 'd.period', STATUS, ...fields].join(', ')} ${scopeClause(scope)}`;
}

function recordJson(scope: ForwardScope): string {
  const names = `array[${scope.selection.fields.map(literal).join(', ')}]::text[]`;
  const fields = `case when h.withdrawn then null else (select coalesce(jsonb_object_agg(k, coalesce(h.payload -> k, 'null'::jsonb)), '{}'::jsonb) from unnest(${names}) as k) end`;
  return `json_build_object('recordKey', ${KEY}, 'version', h.version, 'institution', i.code, 'period', d.period, 'status', ${STATUS}, 'fields', ${fields})`;
}

/** The SELECT of the NDJSON lines: one JSON object per record, `fields` null for a withdrawn one. */
export function ndjsonSelect(scope: ForwardScope): string {
  return `select ${recordJson(scope)}::text ${scopeClause(scope)}`;
}

/** One page of a paged fetch: up to `limit` records in change order, each with its change position. */
export function pageSelect(scope: ForwardScope, limit: number): string {
  if (!Number.isInteger(limit) || limit < 0) throw new Error('not a page size');
  return `select h.change_seq::text as seq, ${recordJson(scope)} as record ${scopeClause(scope)} order by h.change_seq limit ${limit}`;
}
