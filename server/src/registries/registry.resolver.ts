import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Registry } from './registry.entity';
import { findRegistryByCode, listRegistries } from './registry.service';
import { SubDelivery } from './sub-delivery.entity';
import { registryLoaders } from './registry.loaders';

@Resolver(() => Registry)
export class RegistryResolver {
  @Query(() => [Registry], { description: 'All registries the hub serves, sorted by code. A plain list: a handful, each added by a release.' })
  registries(@Ctx() ctx: RequestContext): Promise<Registry[]> {
    return listRegistries(ctx);
  }

  @Query(() => Registry, { nullable: true, description: 'One registry by its code (e.g. `CAT`); null when unknown.' })
  registry(@Ctx() ctx: RequestContext, @Arg('code', () => String, { description: 'Registry code, e.g. `CAT`.' }) code: string): Promise<Registry | null> {
    return findRegistryByCode(ctx, code);
  }

  @FieldResolver(() => [SubDelivery], { description: "The registry's sub-deliveries (deelaanleveringen), by code." })
  subDeliveries(@Root() registry: Registry, @Ctx() ctx: RequestContext): Promise<SubDelivery[]> {
    return registryLoaders(ctx).subDeliveriesByRegistry.load(registry.id);
  }
}
