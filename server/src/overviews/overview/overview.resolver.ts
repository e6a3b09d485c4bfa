import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Role } from '../../kernel/role';
import { LocalDateScalar } from '../../shared/scalars';
import { pageSize } from '../shared/rows';
import { ExpectedDeliveryFilter, listExpectedDeliveries } from './expected-deliveries.service';
import { DeliveryOverview, ExpectedDeliveryConnection, RejectedDeliveryConnection } from './expected-delivery.types';
import { deliveryOverview, missingDeliveries, rejectedDeliveries, upcomingDeliveries } from './overview.service';

const INSTITUTION_USERS = [Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER];
const FIRST = { defaultValue: 5, description: 'How many rows (0–500; the portal shows 5).' } as const;

@Resolver(() => DeliveryOverview)
export class DeliveryOverviewResolver {
  @Authorized(...INSTITUTION_USERS)
  @Query(() => DeliveryOverview, {
    nullable: true,
    description: 'Overzicht of one institution: null for an unknown code and, exactly alike, for an institution the caller may not see. Submitters and viewers see the registries of their roles.',
  })
  deliveryOverview(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit institution code.' }) institutionCode: string,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to compute for; default today in Europe/Amsterdam.' }) asOf?: string | null,
  ): Promise<DeliveryOverview | null> {
    return deliveryOverview(ctx, institutionCode, asOf);
  }

  @Authorized(...INSTITUTION_USERS)
  @Query(() => ExpectedDeliveryConnection, { description: 'Verwacht: expected deliveries the caller may see, nearest deadline first; by default the open ones (not delivered, deadline today or later).' })
  expectedDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ExpectedDeliveryFilter, { nullable: true, description: 'Conditions.' }) filter?: ExpectedDeliveryFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size (0–500).' }) first: number = 50,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after?: string | null,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to compute for; default today in Europe/Amsterdam.' }) asOf?: string | null,
  ): Promise<ExpectedDeliveryConnection> {
    return listExpectedDeliveries(ctx, filter ?? {}, first, after, asOf);
  }

  @FieldResolver(() => ExpectedDeliveryConnection, { description: 'Missing deliveries: the deadline has passed and nothing fulfils them; oldest deadline first.' })
  missing(@Root() overview: DeliveryOverview, @Ctx() ctx: RequestContext, @Arg('first', () => Int, FIRST) first: number): Promise<ExpectedDeliveryConnection> {
    return missingDeliveries(ctx, overview, pageSize(first, 5));
  }

  @FieldResolver(() => ExpectedDeliveryConnection, { description: 'Upcoming deliveries: not fulfilled, deadline from tomorrow up to and including 30 days ahead; nearest first.' })
  upcoming(@Root() overview: DeliveryOverview, @Ctx() ctx: RequestContext, @Arg('first', () => Int, FIRST) first: number): Promise<ExpectedDeliveryConnection> {
    return upcomingDeliveries(ctx, overview, pageSize(first, 5));
  }

  @FieldResolver(() => RejectedDeliveryConnection, {
    description: 'Rejected and erroneous deliveries: per stream and period the most recent production delivery, when Verwerkt met fouten or Afgekeurd; newest first.',
  })
  rejected(@Root() overview: DeliveryOverview, @Ctx() ctx: RequestContext, @Arg('first', () => Int, FIRST) first: number): Promise<RejectedDeliveryConnection> {
    return rejectedDeliveries(ctx, overview, pageSize(first, 5));
  }
}
