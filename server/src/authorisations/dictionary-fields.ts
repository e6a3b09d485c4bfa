import type { RequestContext } from '../kernel/context';
import { todayInAmsterdam } from '../common/calendar';
import { versionToUse } from '../dictionaries/version-window';
import type { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** One field a processor link can name. */
export interface LinkableField {
  name: string;
  identifying: boolean;
  /** Part of the record key, which every forwarded row carries. */
  inRecordKey: boolean;
}

/**
 * The fields of the current dictionary of a sub-delivery (the version deliveries use today), or of
 * every sub-delivery of the registry when none is named: in dictionary order, each name once, and
 * identifying when any of the dictionaries marks it so or names it in its patient key (a pseudonym
 * of whom a record is about links records to one patient: no processor receives it).
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
    // The fields that say whom a record is about (patientKey) are patient-linkable even as pseudonyms: never forwarded.
    const patientKey = new Set(entry?.dictionary.patientKey ?? []);
    const recordKey = new Set(entry?.dictionary.primaryKey ?? []);
    for (const field of entry?.dictionary.fields ?? []) {
      const known = byName.get(field.name);
      const linkable = field.identifying === true || patientKey.has(field.name);
      byName.set(field.name, {
        name: field.name,
        identifying: (known?.identifying ?? false) || linkable,
        inRecordKey: (known?.inRecordKey ?? false) || recordKey.has(field.name),
      });
    }
  }
  return [...byName.values()];
}
