import { Field, InputType } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { LocalDateScalar } from '../../common/scalars';
import { expectedDeliveriesSql } from '../common/expected.sql';
import { keyOf } from '../common/overview-cache';
import { EXPECTED_PAGING, expectedPageSql, type ExpectedRow, STATE_SQL, toExpectedDelivery } from '../common/rows';
import type { PageArgs, PageWindow } from '../../common/pagination';
import { query, raw, sql } from '../common/sql';
import { resolveStreamCodes } from '../common/stream-codes';
import { institutionIdsOf, type ReadGrant, type ReadScope, readScope, scopeForInstitution } from '../../access/read-scope';
import { type ExpectedDelivery, type ExpectedDeliveryPage, ExpectedDeliveryState } from './expected-delivery.types';
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

const EMPTY = { totalCount: 0 };

/** Verwacht: the actor's expected deliveries, by deadline (nearest first); one statement for the page. */
export async function listExpectedDeliveries(
  ctx: RequestContext,
  filter: ExpectedDeliveryFilter,
  page: PageArgs,
  asOfInput: string | null | undefined,
): Promise<ExpectedDeliveryPage> {
  const window = EXPECTED_PAGING.window(page, ctx.actor.language);
  const asOf = asOfOrToday(ctx, asOfInput);
  const scope = await readScope(ctx);
  return ctx.services.overviewCache.get(ctx, keyOf('expected', scope, filter, window, asOf), () => computeExpected(ctx, scope, filter, window, asOf));
}

async function computeExpected(
  ctx: RequestContext,
  scope: ReadScope,
  filter: ExpectedDeliveryFilter,
  window: PageWindow,
  asOf: string,
): Promise<ExpectedDeliveryPage> {
  const empty = { ...EXPECTED_PAGING.empty<ExpectedDelivery>(window), ...EMPTY };
  const codes = await resolveStreamCodes(ctx, filter);
  if (!codes) return empty;
  let grants: ReadGrant[] | null;
  if (codes.institutionId) {
    grants = scopeForInstitution(scope, codes.institutionId);
    if (!grants) return empty;
  } else {
    grants = scope.all ? null : scope.grants;
    if (grants?.length === 0) return empty;
  }
  const institutionIds = codes.institutionId ? [codes.institutionId] : grants ? institutionIdsOf(grants) : null;
  const expected = expectedDeliveriesSql({ asOf, grants, institutionIds, registryId: codes.registryId, subDeliveryId: codes.subDeliveryId });
  const states = (filter.state?.length ? filter.state : [ExpectedDeliveryState.OPEN]).join(',');
  const conditions = sql`(${{ text: STATE_SQL, values: [asOf] }}) = any(string_to_array(${states}, ','))${
    filter.deadlineFrom ? sql` and deadline >= ${filter.deadlineFrom}::date` : raw('')
  }${filter.deadlineTo ? sql` and deadline <= ${filter.deadlineTo}::date` : raw('')}`;
  const [row] = await query<{ total: number; nodes: (ExpectedRow & Record<string, unknown>)[] }>(
    ctx.em,
    sql`
    with e as (${expected}), matching as (select * from e where ${conditions})
    select (select count(*) from matching)::int as total, ${expectedPageSql(EXPECTED_PAGING, window)} as nodes`,
  );
  const directory = await ctx.services.registryDirectory.get(ctx);
  return { ...EXPECTED_PAGING.connection(row?.nodes ?? [], window, (node) => toExpectedDelivery(node, asOf, directory)), totalCount: row?.total ?? 0 };
}
