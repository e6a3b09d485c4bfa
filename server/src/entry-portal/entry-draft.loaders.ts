import DataLoader from 'dataloader';
import type { RequestContext } from '../kernel/context';
import { requestLoaders } from '../kernel/loaders';
import { indexByKey } from '../common/group-by';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import type { CatalogueEntry } from '../dictionaries/package/dictionary-package';

/** Per request: the entries' dictionary versions (a page of entries shares one or two). */
export const entryDraftLoaders = requestLoaders((em) => ({
  versionById: new DataLoader<string, DictionaryVersion>(async (ids) => {
    const rows = await em.find(DictionaryVersion, { id: { $in: [...ids] } }, { populate: ['subDelivery', 'subDelivery.registry'] });
    return indexByKey(ids, rows, (row) => row.id).map((row, at) => row ?? new Error(`dictionary version ${ids[at]} not found`));
  }),
}));

/** The dictionary an entry's values follow, from the catalogue the worker checks with. */
export async function dictionaryOfVersion(ctx: RequestContext, versionId: string): Promise<CatalogueEntry> {
  const row = await entryDraftLoaders(ctx).versionById.load(versionId);
  const subDelivery = row.subDelivery.getEntity();
  const catalogue = await ctx.services.dictionaries.current(ctx);
  const entry = catalogue.find(subDelivery.registry.getEntity().code, subDelivery.code, row.version);
  if (!entry) throw new Error(`no dictionary for version ${versionId}`);
  return entry;
}
