import { periodRankSql } from '@datahub/validation';
import type { RequestContext } from '../../kernel/context';
import { asOfOrToday } from '../overview/overview.service';
import { expectedDeliveriesSql } from '../common/expected.sql';
import { keyOf } from '../common/overview-cache';
import { empty, join, query, raw, sql, type Sql } from '../common/sql';
import { institutionIdsOf, type ReadGrant } from '../../access/read-scope';
import { resolveStreamCodes, type StreamIds } from '../common/stream-codes';
import { CompletenessDimension, type CompletenessFilter, CompletenessRow } from './completeness.types';

export interface ResolvedFilter extends StreamIds {
  from: string | null;
  to: string | null;
}

/** Ids for the filter's codes and its period range; null when a code names nothing (then nothing matches). */
export async function resolveFilter(ctx: RequestContext, filter: CompletenessFilter): Promise<ResolvedFilter | null> {
  const ids = await resolveStreamCodes(ctx, filter);
  return ids && { ...ids, from: filter.periodFrom?.startDate ?? null, to: filter.periodTo?.endDate ?? null };
}

const KEYS: Record<CompletenessDimension, { select: string; order: string }> = {
  [CompletenessDimension.REGISTRY]: { select: 'e.registry_id', order: 'rg.code' },
  [CompletenessDimension.SUB_DELIVERY]: { select: 'e.sub_delivery_id', order: 'sd.code' },
  // The one period order (year, its halves, quarters, months; TOTAAL last), then TOTAAL's year.
  [CompletenessDimension.PERIOD]: { select: 'e.period, e.period_end', order: `${periodRankSql('g.period')}, g.period_end` },
  [CompletenessDimension.INSTITUTION]: { select: 'e.institution_id', order: 'i.code' },
};

interface Aggregate {
  registry_id?: string;
  sub_delivery_id?: string;
  institution_id?: string;
  institution_code?: string;
  institution_name?: string;
  period?: string;
  period_end?: string;
  expected: number;
  delivered: number;
  on_time: number;
}

/**
 * Hub-wide completeness in one statement: the expected deliveries of every participation whose
 * deadline passed before `asOf`, grouped by the chosen dimensions (SUB_DELIVERY implies REGISTRY).
 */
export function completeness(
  ctx: RequestContext,
  filter: CompletenessFilter,
  groupBy: CompletenessDimension[],
  asOfInput: string | null | undefined,
): Promise<CompletenessRow[]> {
  const asOf = asOfOrToday(ctx, asOfInput);
  // Hub staff only (the resolver's declaration): every caller sees the same rows.
  return ctx.services.overviewCache.get(ctx, keyOf('completeness', filter, [...groupBy].sort(), asOf), () =>
    computeCompleteness(ctx, filter, groupBy, asOf, null),
  );
}

/** The rows for the streams `grants` allow (null: all, hub staff); uncached. */
export async function computeCompleteness(
  ctx: RequestContext,
  filter: CompletenessFilter,
  groupBy: CompletenessDimension[],
  asOf: string,
  grants: ReadGrant[] | null,
): Promise<CompletenessRow[]> {
  const resolved = await resolveFilter(ctx, filter);
  if (!resolved) return [];
  const dimensions = new Set(groupBy);
  if (dimensions.has(CompletenessDimension.SUB_DELIVERY)) dimensions.add(CompletenessDimension.REGISTRY);
  const ordered = Object.values(CompletenessDimension).filter((dimension) => dimensions.has(dimension));
  const expected = expectedDeliveriesSql({
    asOf,
    grants,
    institutionIds: resolved.institutionId ? [resolved.institutionId] : grants && institutionIdsOf(grants),
    registryId: resolved.registryId,
    subDeliveryId: resolved.subDeliveryId,
  });
  const keys = ordered.map((dimension) => KEYS[dimension].select).join(', ');
  const period: Sql = join(
    [resolved.from ? sql` and e.period_start >= ${resolved.from}::date` : empty, resolved.to ? sql` and e.period_end <= ${resolved.to}::date` : empty],
    '',
  );
  const names: Sql = raw(
    [
      dimensions.has(CompletenessDimension.REGISTRY) ? ' join registry rg on rg.id = g.registry_id' : '',
      dimensions.has(CompletenessDimension.SUB_DELIVERY) ? ' join sub_delivery sd on sd.id = g.sub_delivery_id' : '',
      dimensions.has(CompletenessDimension.INSTITUTION) ? ' join institution i on i.id = g.institution_id' : '',
    ].join(''),
  );
  const order = ordered.map((dimension) => KEYS[dimension].order).join(', ');
  const rows = await query<Aggregate>(
    ctx.em,
    sql`
    select g.*${raw(dimensions.has(CompletenessDimension.INSTITUTION) ? ', i.code as institution_code, i.name as institution_name' : '')} from (
      select ${raw(keys ? `${keys}, ` : '')}count(*)::int as expected, count(e.delivered_on)::int as delivered,
             count(*) filter (where e.delivered_on <= e.deadline)::int as on_time
      from (${expected}) e
      where e.deadline < ${asOf}::date${period}
      ${raw(keys ? `group by ${keys}` : '')}
    ) g${names}${raw(order ? ` order by ${order}` : '')}`,
  );
  return rows.map((row) =>
    Object.assign(new CompletenessRow(), {
      registryId: row.registry_id ?? null,
      subDeliveryId: row.sub_delivery_id ?? null,
      institutionId: row.institution_id ?? null,
      institutionCode: row.institution_code ?? null,
      institutionName: row.institution_name ?? null,
      period: row.period ?? null,
      periodEnd: row.period_end ?? null,
      expected: row.expected,
      delivered: row.delivered,
      onTime: row.on_time,
      late: row.delivered - row.on_time,
      missing: row.expected - row.delivered,
      rate: row.expected ? row.delivered / row.expected : 0,
      onTimeRate: row.expected ? row.on_time / row.expected : 0,
    }),
  );
}
