import type { RequestContext } from '../../kernel/context';
import { Institution } from '../../institutions/institution.entity';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';

/** The codes an overview filter may name: registry, sub-delivery (unique within the registry when one is given) and institution. */
export interface StreamCodes {
  registry?: string | null;
  subDelivery?: string | null;
  institution?: string | null;
}

export interface StreamIds {
  registryId: string | null;
  subDeliveryId: string | null;
  institutionId: string | null;
}

/**
 * Ids for a filter's codes (Verwacht, completeness, volume changes); null when a code names
 * nothing, so that nothing matches. Access is not decided here: every overview query is limited to
 * the actor's streams in SQL.
 */
export async function resolveStreamCodes(ctx: RequestContext, codes: StreamCodes): Promise<StreamIds | null> {
  const registry = codes.registry ? await ctx.em.findOne(Registry, { code: codes.registry }, { fields: ['id'] }) : undefined;
  if (registry === null) return null;
  const subDeliveries = codes.subDelivery
    ? await ctx.em.find(SubDelivery, { code: codes.subDelivery, ...(registry ? { registry: registry.id } : {}) }, { fields: ['id'] })
    : undefined;
  if (subDeliveries && subDeliveries.length !== 1) return null;
  const institution = codes.institution ? await ctx.em.findOne(Institution, { code: codes.institution }, { fields: ['id'] }) : undefined;
  if (institution === null) return null;
  return { registryId: registry?.id ?? null, subDeliveryId: subDeliveries?.[0]?.id ?? null, institutionId: institution?.id ?? null };
}
