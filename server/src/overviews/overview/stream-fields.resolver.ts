import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Institution } from '../../institutions/institution.entity';
import { DeliveryOverview, ExpectedDelivery } from './expected-delivery.types';
import { institutionLoaders } from '../../institutions/institution.loaders';

/**
 * Institutions through the request's loader (one query per request). An overview row's registry
 * and sub-delivery are plain fields: the row takes them from the registry directory when computed
 * (common/rows.ts `streamOf`).
 */
async function institution(row: { institutionId: string }, ctx: RequestContext): Promise<Institution> {
  const found = await institutionLoaders(ctx).institutionById.load(row.institutionId);
  if (!found) throw new Error('institution vanished while the request ran');
  return found;
}

@Resolver(() => ExpectedDelivery)
export class ExpectedDeliveryFieldsResolver {
  @FieldResolver(() => Institution, { description: 'The institution expected to deliver.' })
  institution(@Root() row: ExpectedDelivery, @Ctx() ctx: RequestContext): Promise<Institution> {
    return institution(row, ctx);
  }
}

@Resolver(() => DeliveryOverview)
export class DeliveryOverviewInstitutionResolver {
  @FieldResolver(() => Institution, { description: 'The institution.' })
  institution(@Root() overview: DeliveryOverview, @Ctx() ctx: RequestContext): Promise<Institution> {
    return institution(overview, ctx);
  }
}
