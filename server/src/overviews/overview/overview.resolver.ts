import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Role } from '../../kernel/role';
import { LocalDateScalar } from '../../common/scalars';
import type { PageArgs } from '../../common/pagination';
import { EXPECTED_PAGING, OVERVIEW_EXPECTED_PAGING } from '../common/rows';
import { ExpectedDeliveryFilter, listExpectedDeliveries } from './expected-deliveries.service';
import {
  DeliveryOverview,
  ExpectedDeliveryConnection,
  type ExpectedDeliveryPage,
  RejectedDeliveryConnection,
  type RejectedDeliveryPage,
} from './expected-delivery.types';
import { deliveryOverview, missingDeliveries, REJECTED_PAGING, rejectedDeliveries, upcomingDeliveries } from './overview.service';

const INSTITUTION_USERS = [Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER];

@Resolver(() => DeliveryOverview)
export class DeliveryOverviewResolver {
  @Authorized(...INSTITUTION_USERS)
  @Query(() => DeliveryOverview, {
    nullable: true,
    description:
      'Overzicht of one institution: null for an unknown code and, exactly alike, for an institution the caller may not see. Submitters and viewers see the registries of their roles.',
  })
  deliveryOverview(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit institution code.' }) institutionCode: string,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to compute for; default today in Europe/Amsterdam.' }) asOf?: string | null,
  ): Promise<DeliveryOverview | null> {
    return deliveryOverview(ctx, institutionCode, asOf);
  }

  @Authorized(...INSTITUTION_USERS)
  @Query(() => ExpectedDeliveryConnection, {
    description: 'Verwacht: expected deliveries the caller may see, nearest deadline first; by default the open ones (not delivered, deadline today or later).',
  })
  expectedDeliveries(
    @Ctx() ctx: RequestContext,
    @Args(() => EXPECTED_PAGING.Args) page: PageArgs,
    @Arg('filter', () => ExpectedDeliveryFilter, { nullable: true, description: 'Conditions.' }) filter?: ExpectedDeliveryFilter | null,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to compute for; default today in Europe/Amsterdam.' }) asOf?: string | null,
  ): Promise<ExpectedDeliveryPage> {
    return listExpectedDeliveries(ctx, filter ?? {}, page, asOf);
  }

  @FieldResolver(() => ExpectedDeliveryConnection, {
    description: 'Missing deliveries: the deadline has passed and nothing fulfils them; oldest deadline first.',
  })
  missing(
    @Root() overview: DeliveryOverview,
    @Ctx() ctx: RequestContext,
    @Args(() => OVERVIEW_EXPECTED_PAGING.Args) page: PageArgs,
  ): Promise<ExpectedDeliveryPage> {
    return missingDeliveries(ctx, overview, page);
  }

  @FieldResolver(() => ExpectedDeliveryConnection, {
    description: 'Upcoming deliveries: not fulfilled, deadline from tomorrow up to and including 30 days ahead; nearest first.',
  })
  upcoming(
    @Root() overview: DeliveryOverview,
    @Ctx() ctx: RequestContext,
    @Args(() => OVERVIEW_EXPECTED_PAGING.Args) page: PageArgs,
  ): Promise<ExpectedDeliveryPage> {
    return upcomingDeliveries(ctx, overview, page);
  }

  @FieldResolver(() => RejectedDeliveryConnection, {
    description:
      'Rejected and erroneous deliveries: per stream and period the most recent production delivery, when Verwerkt met fouten or Afgekeurd; newest first.',
  })
  rejected(@Root() overview: DeliveryOverview, @Ctx() ctx: RequestContext, @Args(() => REJECTED_PAGING.Args) page: PageArgs): Promise<RejectedDeliveryPage> {
    return rejectedDeliveries(ctx, overview, page);
  }
}
