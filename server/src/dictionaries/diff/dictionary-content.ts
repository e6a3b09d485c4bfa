import type { ResolvedDictionary } from '@datahub/validation';
import type { RequestContext } from '../../kernel/context';
import { isHubStaff } from '../../kernel/actor';
import { isUuid } from '../../common/ids';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { DictionaryStatus, DictionaryVersion } from '../dictionary-version.entity';
import { resolvePackage } from '../package/dictionary-package';

/**
 * A version's content: published (shipped or uploaded) from the catalogue; a draft from its stored
 * package, for hub staff only (a draft is not yet a published specification). Null when unknown.
 */
export async function versionContent(ctx: RequestContext, subDeliveryId: string, version: string): Promise<ResolvedDictionary | null> {
  if (!isUuid(subDeliveryId)) return null;
  const subDelivery = await ctx.em.findOne(SubDelivery, { id: subDeliveryId }, { populate: ['registry'] });
  if (!subDelivery) return null;
  const registry = subDelivery.registry.getEntity().code;
  const published = (await ctx.services.dictionaries.current(ctx)).find(registry, subDelivery.code, version);
  if (published) return published.dictionary;
  if (!isHubStaff(ctx.actor)) return null;
  const row = await ctx.em.findOne(DictionaryVersion, { subDelivery: subDeliveryId, version, status: DictionaryStatus.DRAFT }, { populate: ['package'] });
  const resolved = row?.package ? resolvePackage(ctx.services.dictionaries.shared, row.package, { registry, subDelivery: subDelivery.code }) : null;
  return resolved && !Array.isArray(resolved) ? resolved.dictionary : null;
}
