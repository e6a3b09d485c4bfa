import type { PeriodOption } from '@datahub/validation';
import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { todayInAmsterdam } from '../common/calendar';
import type { Period } from '../common/period';
import { activeChannel } from '../channels/module';
import { channelName } from '../channels/channel-name';
import { maySubmit } from '../deliveries/delivery-access';
import { DictionaryStatus, DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import type { CatalogueEntry } from '../dictionaries/package/dictionary-package';
import { versionToUse } from '../dictionaries/version-window';
import { Institution } from '../institutions/institution.entity';
import { Channel } from '../registries/channel';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** An institution and sub-delivery the actor enters records for by hand. */
export interface EntryTarget {
  institution: Institution;
  subDelivery: SubDelivery;
  registry: Registry;
}

/**
 * The entry portal is for a submitter of this institution for the registry (or this sub-delivery),
 * as uploads are (deliveries/delivery-access.ts), where the entry portal is the institution's active
 * channel for the registry today. An institution or sub-delivery the actor may not submit for is
 * NOT_FOUND, as if it did not exist; the channel is told only to its own submitters.
 */
export async function resolveEntryTarget(ctx: RequestContext, institutionId: string, subDeliveryId: string): Promise<EntryTarget | Refused> {
  const language = ctx.actor.language;
  const [institution, subDelivery] = await Promise.all([
    ctx.em.findOne(Institution, { id: institutionId }),
    ctx.em.findOne(SubDelivery, { id: subDeliveryId }, { populate: ['registry'] }),
  ]);
  if (!institution || !subDelivery) return notFound(language, institution ? 'subDelivery' : 'institution');
  const registry = subDelivery.registry.getEntity();
  if (!maySubmit(ctx.actor, { institutionId: institution.id, registryId: registry.id, subDeliveryId: subDelivery.id })) {
    return notFound(language, 'institution');
  }
  const active = await activeChannel(ctx.em, institution.id, registry.id, { today: todayInAmsterdam(ctx.services.clock.now()) });
  if (active !== Channel.ENTRY_PORTAL) {
    return refuse(language, RefusalCode.CHANNEL_NOT_ACTIVE, {
      params: {
        code: institution.code,
        registry: registry.code,
        active: active === null ? '-' : channelName(language, active),
        channel: channelName(language, Channel.ENTRY_PORTAL),
      },
      field: 'institutionId',
    });
  }
  return { institution, subDelivery, registry };
}

/** The published dictionary of this version of the sub-delivery, as the worker checks with it. */
export async function entryDictionary(
  ctx: RequestContext,
  target: EntryTarget,
  version: string,
): Promise<{ version: DictionaryVersion; dictionary: CatalogueEntry } | Refused> {
  const row = await ctx.em.findOne(DictionaryVersion, { subDelivery: target.subDelivery.id, version, status: DictionaryStatus.ACTIVE });
  const catalogue = await ctx.services.dictionaries.current(ctx);
  const dictionary = row ? catalogue.find(target.registry.code, target.subDelivery.code, row.version) : undefined;
  if (!row || !dictionary) {
    return refuse(ctx.actor.language, RefusalCode.UNKNOWN_VERSION, { params: { registry: target.registry.code, version }, field: 'version' });
  }
  return { version: row, dictionary };
}

/** The period as the engine takes it (020_Period); TOTAAL has no dates. */
export function periodOption(period: Period): PeriodOption {
  return { code: period.code, start: period.startDate, end: period.endDate };
}

/**
 * Sub-deliveries the actor enters by hand: each of the actor's submitter grants whose institution has
 * the entry portal as its active channel for the registry, with the dictionary version to use today.
 */
export async function entryPortalTargets(ctx: RequestContext): Promise<(EntryTarget & { version: DictionaryVersion })[]> {
  const today = todayInAmsterdam(ctx.services.clock.now());
  const grants = ctx.actor.grants.filter((grant) => grant.role === Role.SUBMITTER && grant.institutionId !== null);
  const targets: (EntryTarget & { version: DictionaryVersion })[] = [];
  const seen = new Set<string>();
  for (const grant of grants) {
    const institution = await ctx.em.findOne(Institution, { id: grant.institutionId as string, active: true });
    if (!institution) continue;
    const subDeliveries = await ctx.em.find(
      SubDelivery,
      grant.subDeliveryId ? { id: grant.subDeliveryId } : grant.registryId ? { registry: grant.registryId } : {},
      { populate: ['registry'], orderBy: { code: 'asc' } },
    );
    for (const subDelivery of subDeliveries) {
      const key = `${institution.id}/${subDelivery.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const registry = subDelivery.registry.getEntity();
      if ((await activeChannel(ctx.em, institution.id, registry.id, { today })) !== Channel.ENTRY_PORTAL) continue;
      const version = await versionToUse(ctx.em, subDelivery.id, today);
      if (version) targets.push({ institution, subDelivery, registry, version });
    }
  }
  return targets;
}
