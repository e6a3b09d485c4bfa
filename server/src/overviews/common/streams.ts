import type { EntityManager } from '@mikro-orm/postgresql';
import { Institution } from '../../institutions/institution.entity';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import type { Language } from '../../common/messages';
import { RefusalCode, type Refused, refuse } from '../../kernel/refusal';

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
): Promise<StreamRef | Refused> {
  const institution = await em.findOne(Institution, { code: codes.institutionCode });
  if (!institution) return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { params: { code: codes.institutionCode }, field: 'institutionCode' });
  const registry = await em.findOne(Registry, { code: codes.registry });
  const subDelivery = registry ? await em.findOne(SubDelivery, { registry: registry.id, code: codes.subDelivery }) : null;
  if (!registry || !subDelivery)
    return refuse(language, RefusalCode.UNKNOWN_STREAM, { params: { registry: codes.registry, subDelivery: codes.subDelivery }, field: 'subDelivery' });
  return { institution, registry, subDelivery };
}
