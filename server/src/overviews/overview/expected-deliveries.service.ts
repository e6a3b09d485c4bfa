import { Field, InputType } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { LocalDateScalar } from '../../shared/scalars';
import { expectedDeliveriesSql } from '../shared/expected.sql';
import { keyOf } from '../shared/overview-cache';
import { type ExpectedRow, pageSize, STATE_SQL, toExpectedDelivery } from '../shared/rows';
import { query, raw, sql } from '../shared/sql';
import { resolveStreamCodes } from '../shared/stream-codes';
import { institutionIdsOf, scopeForInstitution, streamScope, type StreamGrant } from '../shared/stream-scope';
import { type ExpectedDeliveryConnection, ExpectedDeliveryState } from './expected-delivery.types';
import { asOfOrToday } from './overview.service';

@InputType('ExpectedDeliveryFilterInput', { description: 'Which expected deliveries to list (Verwacht); all given conditions must hold.' })
export class ExpectedDeliveryFilter {
  @Field(() => String, { nullable: true, description: 'Only this institution (8-digit code). Institution users see only their own institution(s) either way.' })
  institution?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this registry (code, e.g. `CAT`).' })
  registry?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this sub-delivery (code, e.g. `IKNL`; with `registry` when codes repeat across registries).' })
  subDelivery?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deadline on or after this day.' })
  deadlineFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deadline on or before this day.' })
  deadlineTo?: string | null;

  @Field(() => [ExpectedDeliveryState], { nullable: true, description: 'Only these states; default `[OPEN]` (future and open ones).' })
  state?: ExpectedDeliveryState[] | null;
}

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** An unreadable cursor starts from the top rather than failing: it is opaque to clients anyway. */
export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
}

const EMPTY: ExpectedDeliveryConnection = { totalCount: 0, nodes: [], endCursor: null, hasNextPage: false };

/** Verwacht: the actor's expected deliveries, by deadline (nearest first); one statement for the page. */
export async function listExpectedDeliveries(
  ctx: RequestContext,
  filter: ExpectedDeliveryFilter,
  first: number,
  after: string | null | undefined,
  asOfInput: string | null | undefined,
): Promise<ExpectedDeliveryConnection> {
  const asOf = asOfOrToday(ctx, asOfInput);
  return ctx.services.overviewCache.get(ctx, keyOf('expected', streamScope(ctx.actor), filter, first, after ?? null, asOf), () => computeExpected(ctx, filter, first, after, asOf));
}

async function computeExpected(ctx: RequestContext, filter: ExpectedDeliveryFilter, first: number, after: string | null | undefined, asOf: string): Promise<ExpectedDeliveryConnection> {
  const codes = await resolveStreamCodes(ctx, filter);
  if (!codes) return EMPTY;
  const scope = streamScope(ctx.actor);
  let grants: StreamGrant[] | null;
  if (codes.institutionId) {
    grants = scopeForInstitution(scope, codes.institutionId);
    if (!grants) return EMPTY;
  } else {
    grants = scope.all ? null : scope.grants;
    if (grants?.length === 0) return EMPTY;
  }
  const institutionIds = codes.institutionId ? [codes.institutionId] : grants ? institutionIdsOf(grants) : null;
  const expected = expectedDeliveriesSql({ asOf, grants, institutionIds, registryId: codes.registryId, subDeliveryId: codes.subDeliveryId });
  const states = (filter.state?.length ? filter.state : [ExpectedDeliveryState.OPEN]).join(',');
  const offset = decodeCursor(after);
  const limit = pageSize(first, 50);
  const conditions = sql`(${{ text: STATE_SQL, values: [asOf] }}) = any(string_to_array(${states}, ','))${
    filter.deadlineFrom ? sql` and deadline >= ${filter.deadlineFrom}::date` : raw('')}${filter.deadlineTo ? sql` and deadline <= ${filter.deadlineTo}::date` : raw('')}`;
  const [row] = await query<{ total: number; nodes: ExpectedRow[] }>(ctx.em, sql`
    with e as (${expected}), matching as (select * from e where ${conditions})
    select (select count(*) from matching)::int as total,
           coalesce((select json_agg(r) from (
             select m.* from matching m join sub_delivery sd on sd.id = m.sub_delivery_id join registry rg on rg.id = m.registry_id
             join institution i on i.id = m.institution_id
             order by m.deadline, rg.code, sd.code, i.code, m.period_end limit ${limit} offset ${offset}) r), '[]'::json) as nodes`);
  const total = row?.total ?? 0;
  const nodes = (row?.nodes ?? []).map((node) => toExpectedDelivery(node, asOf));
  const hasNextPage = offset + nodes.length < total;
  return { totalCount: total, nodes, hasNextPage, endCursor: hasNextPage ? encodeCursor(offset + nodes.length) : null };
}
