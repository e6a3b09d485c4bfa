import type { RequestContext } from '../kernel/context';
import { todayInAmsterdam } from '../common/calendar';
import { versionToUse } from '../dictionaries/version-window';
import type { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** One field a processor link can name. */
export interface LinkableField {
  name: string;
  identifying: boolean;
}

/**
 * The fields of the current dictionary of a sub-delivery (the version deliveries use today), or of
 * every sub-delivery of the registry when none is named: in dictionary order, each name once, and
 * identifying when any of the dictionaries marks it so.
 */
export async function currentFields(
  ctx: Pick<RequestContext, 'em' | 'request' | 'services'>,
  registry: Registry,
  subDelivery: SubDelivery | null,
): Promise<LinkableField[]> {
  const today = todayInAmsterdam(ctx.services.clock.now());
  const catalogue = await ctx.services.dictionaries.current(ctx);
  const streams = subDelivery ? [subDelivery] : await ctx.em.find(SubDelivery, { registry: registry.id }, { orderBy: { code: 'asc' } });
  const byName = new Map<string, LinkableField>();
  for (const stream of streams) {
    const version = await versionToUse(ctx.em, stream.id, today);
    const entry = version ? catalogue.find(registry.code, stream.code, version.version) : undefined;
    for (const field of entry?.dictionary.fields ?? []) {
      const known = byName.get(field.name);
      byName.set(field.name, { name: field.name, identifying: (known?.identifying ?? false) || field.identifying === true });
    }
  }
  return [...byName.values()];
}
