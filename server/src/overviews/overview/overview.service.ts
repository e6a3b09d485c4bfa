import type { RequestContext } from '../../kernel/context';
import { DeliveryStatus } from '../../deliveries/delivery-status';
import { Institution } from '../../institutions/institution.entity';
import { todayInAmsterdam } from '../../common/calendar';
import { expectedDeliveriesSql } from '../common/expected.sql';
import { keyOf } from '../common/overview-cache';
import { expectedPageSql, type ExpectedRow, OVERVIEW_EXPECTED_PAGING, streamOf, toExpectedDelivery } from '../common/rows';
import { definePaging, keysetCondition, keysetOrder, keysetSelect, type PageArgs, type PageWindow } from '../../common/pagination';
import { query, raw, sql, uuidArray } from '../common/sql';
import { grantCondition, readScope, scopeForInstitution } from '../../access/read-scope';
import { DeliveryOverview, type ExpectedDeliveryPage, RejectedDelivery, type RejectedDeliveryPage } from './expected-delivery.types';

/** Overzicht's "upcoming": a deadline from tomorrow up to and including this many days ahead. */
export const UPCOMING_DAYS = 30;

export function asOfOrToday(ctx: RequestContext, asOf: string | null | undefined): string {
  return asOf ?? todayInAmsterdam(ctx.services.clock.now());
}

/** Another institution's code answers null, exactly as an unknown code does. */
export async function deliveryOverview(ctx: RequestContext, institutionCode: string, asOf: string | null | undefined): Promise<DeliveryOverview | null> {
  const institutionId = await ctx.services.overviewCache.get(
    ctx,
    keyOf('institution', institutionCode),
    async () => (await ctx.em.findOne(Institution, { code: institutionCode }, { fields: ['id'] }))?.id ?? null,
  );
  const grants = institutionId ? scopeForInstitution(await readScope(ctx), institutionId) : null;
  if (!institutionId || !grants) return null;
  const day = asOfOrToday(ctx, asOf);
  return Object.assign(new DeliveryOverview(), { institutionId, grants, asOf: day, cacheKey: keyOf('overview', institutionId, grants, day) });
}

/** The overview's pages are cached per institution, the caller's grants in it, day (the overview's cacheKey) and page window. */
function cached<T>(ctx: RequestContext, overview: DeliveryOverview, page: string, window: PageWindow, compute: () => Promise<T>): Promise<T> {
  // Two JSON texts one after the other: each ends where its brackets close, so the pair is unambiguous.
  return ctx.services.overviewCache.get(ctx, keyOf(page, window) + overview.cacheKey, compute);
}

interface PageRow<T> {
  total: number;
  nodes: T[];
}

/** Expected deliveries of the overview's institution matching `condition`, one page in deadline order; one statement. */
async function expectedPage(
  ctx: RequestContext,
  overview: DeliveryOverview,
  condition: ReturnType<typeof sql>,
  window: PageWindow,
): Promise<ExpectedDeliveryPage> {
  const expected = expectedDeliveriesSql({ asOf: overview.asOf, grants: overview.grants, institutionIds: [overview.institutionId] });
  const [row] = await query<PageRow<ExpectedRow & Record<string, unknown>>>(
    ctx.em,
    sql`
    with e as (${expected}), matching as (select * from e where ${condition})
    select (select count(*) from matching)::int as total, ${expectedPageSql(OVERVIEW_EXPECTED_PAGING, window)} as nodes`,
  );
  const directory = await ctx.services.registryDirectory.get(ctx);
  return {
    ...OVERVIEW_EXPECTED_PAGING.connection(row?.nodes ?? [], window, (node) => toExpectedDelivery(node, overview.asOf, directory)),
    totalCount: row?.total ?? 0,
  };
}

/** Deadline passed, not fulfilled; oldest deadline first. */
export function missingDeliveries(ctx: RequestContext, overview: DeliveryOverview, page: PageArgs): Promise<ExpectedDeliveryPage> {
  const window = OVERVIEW_EXPECTED_PAGING.window(page, ctx.actor.language);
  return cached(ctx, overview, 'missing', window, () => expectedPage(ctx, overview, sql`delivered_on is null and deadline < ${overview.asOf}::date`, window));
}

/** Deadline from tomorrow up to and including 30 days ahead, not fulfilled; nearest first. */
export function upcomingDeliveries(ctx: RequestContext, overview: DeliveryOverview, page: PageArgs): Promise<ExpectedDeliveryPage> {
  const window = OVERVIEW_EXPECTED_PAGING.window(page, ctx.actor.language);
  return cached(ctx, overview, 'upcoming', window, () =>
    expectedPage(
      ctx,
      overview,
      sql`delivered_on is null and deadline > ${overview.asOf}::date and deadline <= ${overview.asOf}::date + ${UPCOMING_DAYS}::int`,
      window,
    ),
  );
}

/** Rejected deliveries newest first, the id deciding between deliveries of the same moment. */
export const REJECTED_PAGING = definePaging({
  tag: 'overviewRejected',
  keys: [
    { column: 'm.delivered_at', type: 'timestamptz', desc: true },
    { column: 'm.id', type: 'uuid', desc: true },
  ],
  defaultSize: 5,
  maxSize: 500,
});

interface RejectedRow {
  id: string;
  institution_id: string;
  sub_delivery_id: string;
  registry_id: string;
  period: string;
  channel: string;
  unit: number;
  file_name: string;
  delivery_date: string;
  delivered_at: string;
  status: string;
  deadline: string | null;
}

/**
 * Per stream (sub-delivery) and period only the most recent production delivery with a final
 * verdict on the data (PROCESSED, PROCESSED_WITH_ERRORS or REJECTED; FAILED is a system failure and
 * RECEIVED/PROCESSING have none yet), shown when that verdict is PROCESSED_WITH_ERRORS or REJECTED.
 * So a row disappears once a newer delivery for it is processed cleanly. Newest first; one statement.
 */
export function rejectedDeliveries(ctx: RequestContext, overview: DeliveryOverview, page: PageArgs): Promise<RejectedDeliveryPage> {
  const window = REJECTED_PAGING.window(page, ctx.actor.language);
  return cached(ctx, overview, 'rejected', window, () => computeRejected(ctx, overview, window));
}

async function computeRejected(ctx: RequestContext, overview: DeliveryOverview, window: PageWindow): Promise<RejectedDeliveryPage> {
  const expected = expectedDeliveriesSql({ asOf: overview.asOf, grants: overview.grants, institutionIds: [overview.institutionId] });
  const grants = grantCondition(overview.grants, {
    institution: 'd.institution_id',
    registry: 'sd.registry_id',
    subDelivery: 'd.sub_delivery_id',
    date: 'd.delivery_date',
  });
  const final = [DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED_WITH_ERRORS, DeliveryStatus.REJECTED].join(',');
  const shown = [DeliveryStatus.PROCESSED_WITH_ERRORS, DeliveryStatus.REJECTED].join(',');
  const condition = window.position ? keysetCondition(REJECTED_PAGING.keys, window.position, window.backward) : raw('true');
  const [row] = await query<PageRow<RejectedRow & Record<string, unknown>>>(
    ctx.em,
    sql`
    with latest as (
      select distinct on (d.sub_delivery_id, d.period) d.id, d.institution_id, d.sub_delivery_id, sd.registry_id, d.period, d.channel, d.unit,
             d.file_name, d.delivery_date, d.delivered_at, d.status
      from delivery d join sub_delivery sd on sd.id = d.sub_delivery_id
      where d.institution_id = any(${uuidArray([overview.institutionId])}) and not d.test
        and d.status = any(string_to_array(${final}, ',')) and d.delivery_date <= ${overview.asOf}::date${grants}
      order by d.sub_delivery_id, d.period, d.delivered_at desc
    ), matching as (select * from latest where status = any(string_to_array(${shown}, ',')))
    select (select count(*) from matching)::int as total,
           coalesce((select json_agg(r) from (
             select m.*, e.deadline, ${raw(keysetSelect(REJECTED_PAGING.keys))} from matching m
             left join (${expected}) e on e.sub_delivery_id = m.sub_delivery_id and e.period = m.period
               and (m.period <> 'TOTAAL' or e.period_end = make_date(extract(year from m.delivery_date)::int - 1, 12, 31))
             where ${condition} order by ${raw(keysetOrder(REJECTED_PAGING.keys, window.backward))} limit ${window.limit + 1}) r), '[]'::json) as nodes`,
  );
  const directory = await ctx.services.registryDirectory.get(ctx);
  const connection = REJECTED_PAGING.connection(row?.nodes ?? [], window, (node) =>
    Object.assign(new RejectedDelivery(), {
      deliveryId: node.id,
      institutionId: node.institution_id,
      registryId: node.registry_id,
      subDeliveryId: node.sub_delivery_id,
      ...streamOf(directory, node.registry_id, node.sub_delivery_id),
      period: node.period,
      deadline: node.deadline,
      channel: node.channel,
      unit: node.unit,
      fileName: node.file_name,
      deliveryDate: node.delivery_date,
      deliveredAt: new Date(node.delivered_at),
      status: node.status,
    }),
  );
  return { ...connection, totalCount: row?.total ?? 0 };
}
