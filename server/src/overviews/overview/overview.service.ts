import type { RequestContext } from '../../kernel/context';
import { DeliveryStatus } from '../../deliveries/delivery-status';
import { Institution } from '../../institutions/institution.entity';
import { todayInAmsterdam } from '../../shared/calendar';
import { expectedDeliveriesSql } from '../shared/expected.sql';
import { keyOf } from '../shared/overview-cache';
import { type ExpectedRow, toExpectedDelivery } from '../shared/rows';
import { query, sql, uuidArray } from '../shared/sql';
import { grantCondition, scopeForInstitution, streamScope } from '../shared/stream-scope';
import { DeliveryOverview, type ExpectedDeliveryConnection, RejectedDelivery, type RejectedDeliveryConnection } from './expected-delivery.types';

/** Overzicht's "upcoming": a deadline from tomorrow up to and including this many days ahead. */
export const UPCOMING_DAYS = 30;

export function asOfOrToday(ctx: RequestContext, asOf: string | null | undefined): string {
  return asOf ?? todayInAmsterdam(ctx.services.clock.now());
}

/** Another institution's code answers null, exactly as an unknown code does. */
export async function deliveryOverview(ctx: RequestContext, institutionCode: string, asOf: string | null | undefined): Promise<DeliveryOverview | null> {
  const institutionId = await ctx.services.overviewCache.get(ctx, keyOf('institution', institutionCode), async () =>
    (await ctx.em.findOne(Institution, { code: institutionCode }, { fields: ['id'] }))?.id ?? null);
  const grants = institutionId ? scopeForInstitution(streamScope(ctx.actor), institutionId) : null;
  if (!institutionId || !grants) return null;
  return Object.assign(new DeliveryOverview(), { institutionId, grants, asOf: asOfOrToday(ctx, asOf) });
}

/** The overview's pages are cached per institution, the caller's grants in it, day and page size. */
function cached<T>(ctx: RequestContext, overview: DeliveryOverview, page: string, first: number, compute: () => Promise<T>): Promise<T> {
  return ctx.services.overviewCache.get(ctx, keyOf('overview', page, overview.institutionId, overview.grants, overview.asOf, first), compute);
}

interface PageRow<T> {
  total: number;
  nodes: T[];
}

/** Expected deliveries of the overview's institution matching `condition`, first `first` by `order`; one statement. */
async function expectedPage(ctx: RequestContext, overview: DeliveryOverview, condition: ReturnType<typeof sql>, first: number): Promise<ExpectedDeliveryConnection> {
  const expected = expectedDeliveriesSql({ asOf: overview.asOf, grants: overview.grants, institutionIds: [overview.institutionId] });
  const [row] = await query<PageRow<ExpectedRow>>(ctx.em, sql`
    with e as (${expected}), matching as (select * from e where ${condition})
    select (select count(*) from matching)::int as total,
           coalesce((select json_agg(r) from (
             select m.* from matching m join sub_delivery sd on sd.id = m.sub_delivery_id join registry rg on rg.id = m.registry_id
             order by m.deadline, rg.code, sd.code, m.period_end limit ${first}) r), '[]'::json) as nodes`);
  const nodes = (row?.nodes ?? []).map((node) => toExpectedDelivery(node, overview.asOf));
  return { totalCount: row?.total ?? 0, nodes, endCursor: null, hasNextPage: (row?.total ?? 0) > nodes.length };
}

/** Deadline passed, not fulfilled; oldest deadline first. */
export function missingDeliveries(ctx: RequestContext, overview: DeliveryOverview, first: number): Promise<ExpectedDeliveryConnection> {
  return cached(ctx, overview, 'missing', first, () => expectedPage(ctx, overview, sql`delivered_on is null and deadline < ${overview.asOf}::date`, first));
}

/** Deadline from tomorrow up to and including 30 days ahead, not fulfilled; nearest first. */
export function upcomingDeliveries(ctx: RequestContext, overview: DeliveryOverview, first: number): Promise<ExpectedDeliveryConnection> {
  return cached(ctx, overview, 'upcoming', first, () => expectedPage(ctx, overview, sql`delivered_on is null and deadline > ${overview.asOf}::date and deadline <= ${overview.asOf}::date + ${UPCOMING_DAYS}::int`, first));
}

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
export function rejectedDeliveries(ctx: RequestContext, overview: DeliveryOverview, first: number): Promise<RejectedDeliveryConnection> {
  return cached(ctx, overview, 'rejected', first, () => computeRejected(ctx, overview, first));
}

async function computeRejected(ctx: RequestContext, overview: DeliveryOverview, first: number): Promise<RejectedDeliveryConnection> {
  const expected = expectedDeliveriesSql({ asOf: overview.asOf, grants: overview.grants, institutionIds: [overview.institutionId] });
  const grants = grantCondition(overview.grants, { institution: 'd.institution_id', registry: 'sd.registry_id', subDelivery: 'd.sub_delivery_id' });
  const final = [DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED_WITH_ERRORS, DeliveryStatus.REJECTED].join(',');
  const shown = [DeliveryStatus.PROCESSED_WITH_ERRORS, DeliveryStatus.REJECTED].join(',');
  const [row] = await query<PageRow<RejectedRow>>(ctx.em, sql`
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
             select m.*, e.deadline from matching m
             left join (${expected}) e on e.sub_delivery_id = m.sub_delivery_id and e.period = m.period
               and (m.period <> 'TOTAAL' or e.period_end = make_date(extract(year from m.delivery_date)::int - 1, 12, 31))
             order by m.delivered_at desc limit ${first}) r), '[]'::json) as nodes`);
  const nodes = (row?.nodes ?? []).map((node) =>
    Object.assign(new RejectedDelivery(), {
      deliveryId: node.id,
      institutionId: node.institution_id,
      registryId: node.registry_id,
      subDeliveryId: node.sub_delivery_id,
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
  return { totalCount: row?.total ?? 0, nodes };
}
