import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { DictionaryVersion } from './dictionary-version.entity';
import { toDictionaryView } from './dictionary.mapper';
import { Dictionary } from './dictionary.types';
import { registryLoaders } from '../registries/registry.loaders';

@Resolver(() => DictionaryVersion)
export class DictionaryResolver {
  @Query(() => [Dictionary], { description: 'Every published data dictionary the hub holds, as specifications. Public. A plain list: the files in `dictionaries/` and the packages hub staff uploaded and published.' })
  async dictionaries(@Ctx() ctx: RequestContext): Promise<Dictionary[]> {
    return (await ctx.services.dictionaries.current(ctx)).all.map((loaded) => toDictionaryView(loaded.dictionary));
  }

  @Query(() => Dictionary, { nullable: true, description: 'One dictionary by `REGISTRY/SubDelivery/version` (e.g. `CAT/Cataract/1.4`); null when unknown. Public.' })
  async dictionary(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'e.g. `CAT/Cataract/1.4`.' }) id: string): Promise<Dictionary | null> {
    const loaded = (await ctx.services.dictionaries.current(ctx)).byId(id);
    return loaded ? toDictionaryView(loaded.dictionary) : null;
  }

  @FieldResolver(() => Dictionary, { nullable: true, description: 'The dictionary\'s content (fields, reference tables, checks); null when no file defines this version.' })
  async content(@Root() version: DictionaryVersion, @Ctx() ctx: RequestContext): Promise<Dictionary | null> {
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(version.subDelivery.id);
    const registry = subDelivery ? await registryLoaders(ctx).registryById.load(subDelivery.registry.id) : null;
    const catalogue = await ctx.services.dictionaries.current(ctx);
    const loaded = registry && subDelivery ? catalogue.find(registry.code, subDelivery.code, version.version) : undefined;
    return loaded ? toDictionaryView(loaded.dictionary) : null;
  }
}

