import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Period } from '../common/period';
import { LocalDateScalar, PeriodScalar } from '../common/scalars';
import { Registry } from './registry.entity';
import { SubDelivery } from './sub-delivery.entity';
import { dictionaryLoaders } from '../dictionaries/dictionary-version.loaders';
import { registryLoaders } from './registry.loaders';

@Resolver(() => SubDelivery)
export class SubDeliveryResolver {
  @FieldResolver(() => Registry, { description: 'The registry this sub-delivery belongs to.' })
  async registry(@Root() subDelivery: SubDelivery, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(subDelivery.registry.id);
    if (!registry) throw new Error(`sub-delivery ${subDelivery.id} has no registry`);
    return registry;
  }

  @FieldResolver(() => [DictionaryVersion], { description: "Versions of this sub-delivery's data dictionary, newest first." })
  dictionaryVersions(@Root() subDelivery: SubDelivery, @Ctx() ctx: RequestContext): Promise<DictionaryVersion[]> {
    return dictionaryLoaders(ctx).dictionaryVersionsBySubDelivery.load(subDelivery.id);
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: "The general deadline for a period by this sub-delivery's rule; null for TOTAAL.",
  })
  deadline(@Root() subDelivery: SubDelivery, @Arg('period', () => PeriodScalar, { description: 'The period, e.g. `2026K1`.' }) period: Period): string | null {
    return subDelivery.deadlineRule.deadlineFor(period);
  }
}
