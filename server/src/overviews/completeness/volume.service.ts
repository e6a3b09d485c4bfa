import type { RequestContext } from '../../kernel/context';
import { DeliveryStatus } from '../../deliveries/delivery-status';
import { type Connection, definePaging, keysetCondition, keysetOrder, keysetSelect, type PageArgs } from '../../common/pagination';
import { empty, query, raw, sql } from '../common/sql';
import type { CompletenessFilter } from './completeness.types';
import { VolumeChange } from './completeness.types';
import { resolveFilter } from './completeness.service';

/** Newest periods first, then by institution code; the sub-delivery decides between an institution's streams. */
export const VOLUME_PAGING = definePaging({
  tag: 'volumeChanges',
  keys: [
    { column: 'c.period', type: 'text', desc: true },
    { column: 'i.code', type: 'text' },
    { column: 'c.sub_delivery_id', type: 'uuid' },
  ],
  defaultSize: 200,
  maxSize: 1000,
});

/** Flag a change of more than half by default; callers pass their own fraction. */
export const DEFAULT_VOLUME_THRESHOLD = 0.5;

interface VolumeRow {
  institution_id: string;
  sub_delivery_id: string;
  registry_id: string;
  period: string;
  previous_period: string;
  records: number;
  previous_records: number;
}

/** SQL for the first day of a dated period code (`2026M03`, `2026K1`, `2026H1`, `2026`). */
const PERIOD_START = `make_date(left(cur.period, 4)::int, case substr(cur.period, 5, 1) when 'M' then substr(cur.period, 6)::int
  when 'K' then substr(cur.period, 6)::int * 3 - 2 when 'H' then substr(cur.period, 6)::int * 6 - 5 else 1 end, 1)`;

/**
 * Volume plausibility: per institution, stream and period the records of the most recent processed
 * production delivery, against the same period a year earlier; flagged when the change exceeds
 * `threshold` as a fraction. TOTAAL is left out (it grows by design). One statement.
 */
export async function volumeChanges(
  ctx: RequestContext,
  filter: CompletenessFilter,
  threshold: number,
  onlyFlagged: boolean,
  page: PageArgs,
): Promise<Connection<VolumeChange>> {
  const window = VOLUME_PAGING.window(page, ctx.actor.language);
  const resolved = await resolveFilter(ctx, filter);
  if (!resolved) return VOLUME_PAGING.empty<VolumeChange>(window);
  const statuses = [DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED_WITH_ERRORS].join(',');
  const position = window.position ? keysetCondition(VOLUME_PAGING.keys, window.position, window.backward) : raw('true');
  const rows = await query<VolumeRow & Record<string, unknown>>(
    ctx.em,
    sql`
    with latest as (
      select distinct on (d.institution_id, d.sub_delivery_id, d.period) d.institution_id, d.sub_delivery_id, sd.registry_id, d.period, d.record_count
      from delivery d join sub_delivery sd on sd.id = d.sub_delivery_id
      where not d.test and d.status = any(string_to_array(${statuses}, ',')) and d.period <> 'TOTAAL'
        ${resolved.institutionId ? sql`and d.institution_id = ${resolved.institutionId}::uuid` : empty}
        ${resolved.registryId ? sql`and sd.registry_id = ${resolved.registryId}::uuid` : empty}
        ${resolved.subDeliveryId ? sql`and d.sub_delivery_id = ${resolved.subDeliveryId}::uuid` : empty}
      order by d.institution_id, d.sub_delivery_id, d.period, d.delivered_at desc
    ), compared as (
      select cur.institution_id, cur.sub_delivery_id, cur.registry_id, cur.period, prev.period as previous_period,
             cur.record_count as records, prev.record_count as previous_records,
             case when prev.record_count = 0 then cur.record_count > 0
                  else abs(cur.record_count - prev.record_count)::float8 / prev.record_count > ${threshold}::float8 end as flagged,
             ${{ text: PERIOD_START, values: [] }} as period_start
      from latest cur
      join latest prev on prev.institution_id = cur.institution_id and prev.sub_delivery_id = cur.sub_delivery_id
        and prev.period = (left(cur.period, 4)::int - 1)::text || substr(cur.period, 5)
    )
    select c.*, ${raw(keysetSelect(VOLUME_PAGING.keys))} from compared c join institution i on i.id = c.institution_id
    where ${position}${onlyFlagged ? sql` and c.flagged` : empty}${resolved.from ? sql` and c.period_start >= ${resolved.from}::date` : empty}${
      resolved.to ? sql` and c.period_start <= ${resolved.to}::date` : empty
    }
    order by ${raw(keysetOrder(VOLUME_PAGING.keys, window.backward))} limit ${window.limit + 1}`,
  );
  return VOLUME_PAGING.connection(rows, window, (row) =>
    Object.assign(new VolumeChange(), {
      institutionId: row.institution_id,
      registryId: row.registry_id,
      subDeliveryId: row.sub_delivery_id,
      period: row.period,
      previousPeriod: row.previous_period,
      records: row.records,
      previousRecords: row.previous_records,
      change: row.previous_records ? (row.records - row.previous_records) / row.previous_records : null,
      flagged: row.previous_records ? Math.abs(row.records - row.previous_records) / row.previous_records > threshold : row.records > 0,
    }),
  );
}
