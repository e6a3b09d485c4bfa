import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Institution } from '../../institutions/institution.entity';
import { registryByIdNow, subDeliveryByIdNow } from '../../registries/registry-directory';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { DeliveryOverview, ExpectedDelivery, RejectedDelivery } from './expected-delivery.types';
import { institutionLoaders } from '../../institutions/institution.loaders';

interface StreamRow {
  institutionId: string;
  registryId: string;
  subDeliveryId: string;
}

/** Institutions through the request's loader (one query per request); registries and sub-deliveries from the process's directory. */
async function load<T>(value: Promise<T | null>, what: string): Promise<T> {
  const found = await value;
  if (!found) throw new Error(`${what} vanished while the request ran`);
  return found;
}

function institution(row: { institutionId: string }, ctx: RequestContext): Promise<Institution> {
  return load(institutionLoaders(ctx).institutionById.load(row.institutionId), 'institution');
}
/** Synchronous when the directory is at hand (the usual case once the rows are computed): no promise per row and field. */
function registry(row: StreamRow, ctx: RequestContext): Registry | Promise<Registry> {
  const found = registryByIdNow(ctx, row.registryId);
  return found instanceof Promise ? load(found, 'registry') : found;
}
function subDelivery(row: StreamRow, ctx: RequestContext): SubDelivery | Promise<SubDelivery> {
  const found = subDeliveryByIdNow(ctx, row.subDeliveryId);
  return found instanceof Promise ? load(found, 'sub-delivery') : found;
}

@Resolver(() => ExpectedDelivery)
export class ExpectedDeliveryFieldsResolver {
  @FieldResolver(() => Institution, { description: 'The institution expected to deliver.' })
  institution(@Root() row: ExpectedDelivery, @Ctx() ctx: RequestContext): Promise<Institution> {
    return institution(row, ctx);
  }

  @FieldResolver(() => Registry, { description: 'The registry.' })
  registry(@Root() row: ExpectedDelivery, @Ctx() ctx: RequestContext): Registry | Promise<Registry> {
    return registry(row, ctx);
  }

  @FieldResolver(() => SubDelivery, { description: 'The sub-delivery (stream).' })
  subDelivery(@Root() row: ExpectedDelivery, @Ctx() ctx: RequestContext): SubDelivery | Promise<SubDelivery> {
    return subDelivery(row, ctx);
  }
}

@Resolver(() => RejectedDelivery)
export class RejectedDeliveryFieldsResolver {
  @FieldResolver(() => Registry, { description: 'The registry.' })
  registry(@Root() row: RejectedDelivery, @Ctx() ctx: RequestContext): Registry | Promise<Registry> {
    return registry(row, ctx);
  }

  @FieldResolver(() => SubDelivery, { description: 'The sub-delivery (stream).' })
  subDelivery(@Root() row: RejectedDelivery, @Ctx() ctx: RequestContext): SubDelivery | Promise<SubDelivery> {
    return subDelivery(row, ctx);
  }
}

@Resolver(() => DeliveryOverview)
export class DeliveryOverviewInstitutionResolver {
  @FieldResolver(() => Institution, { description: 'The institution.' })
  institution(@Root() overview: DeliveryOverview, @Ctx() ctx: RequestContext): Promise<Institution> {
    return institution(overview, ctx);
  }
}
