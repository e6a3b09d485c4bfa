import type { EntityManager } from '@mikro-orm/postgresql';
import { Institution } from '../../institutions/institution.entity';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import type { Language } from '../../shared/messages';
import { overviewRefusal, type OverviewRefusal } from './refusal';

export interface StreamRef {
  institution: Institution;
  registry: Registry;
  subDelivery: SubDelivery;
}

/** Institution, registry and sub-delivery by their codes, or the refusal naming what is unknown. */
export async function findStream(
  em: EntityManager,
  language: Language,
  codes: { institutionCode: string; registry: string; subDelivery: string },
): Promise<StreamRef | OverviewRefusal> {
  const institution = await em.findOne(Institution, { code: codes.institutionCode });
  if (!institution) return overviewRefusal(language, 'UNKNOWN_INSTITUTION', { code: codes.institutionCode }, 'institutionCode');
  const registry = await em.findOne(Registry, { code: codes.registry });
  const subDelivery = registry ? await em.findOne(SubDelivery, { registry: registry.id, code: codes.subDelivery }) : null;
  if (!registry || !subDelivery) return overviewRefusal(language, 'UNKNOWN_STREAM', { registry: codes.registry, subDelivery: codes.subDelivery }, 'subDelivery');
  return { institution, registry, subDelivery };
}
