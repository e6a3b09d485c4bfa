import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor';
import { type AuthRefusal, refusal } from '../access/auth.types';
import { DictionaryStatus, DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { InstitutionUnit } from '../institutions/institution-unit.entity';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { message } from '../shared/messages';
import { parseDeliveryFileName } from '@datahub/validation';
import { maySubmit } from './delivery-access';

/** What an upload is for, resolved from a conforming file name or from the fields filled in by hand. */
export interface DeliveryTarget {
  institution: Institution;
  unit: number;
  registry: Registry;
  subDelivery: SubDelivery;
  dictionaryVersion: DictionaryVersion;
  sequenceNumber: number | null;
  creationDate: string | null;
  test: boolean;
  fileNameConforming: boolean;
}

export interface TargetInput {
  institutionCode?: string | null;
  unit?: number | null;
  registry?: string | null;
  version?: string | null;
  sequenceNumber?: number | null;
  creationDate?: string | null;
  test?: boolean | null;
}

/**
 * Resolves and checks the target before a byte of the file is read: the institution is active and
 * has the unit, the registry has this version ACTIVE, and the actor is a submitter for it there.
 */
export async function resolveDeliveryTarget(em: EntityManager, actor: Actor, fileName: string, input: TargetInput): Promise<DeliveryTarget | AuthRefusal> {
  const language = actor.language;
  const parsed = parseDeliveryFileName(fileName);
  const fromName = parsed.ok ? parsed.fields : null;
  const institutionCode = fromName?.institutionCode ?? input.institutionCode ?? null;
  const unitNumber = fromName?.unit ?? input.unit ?? null;
  const registryCode = fromName?.registry ?? input.registry ?? null;
  const versionCode = fromName?.version ?? input.version ?? null;
  const missing = [
    institutionCode === null && 'institutionCode',
    unitNumber === null && 'unit',
    registryCode === null && 'registry',
    versionCode === null && 'version',
  ].filter((field): field is string => typeof field === 'string');
  if (missing.length > 0 || institutionCode === null || unitNumber === null || registryCode === null || versionCode === null) {
    return refusal('DELIVERY_FIELDS_MISSING', message(language, 'DELIVERY_FIELDS_MISSING', { fields: missing.join(', ') }), { field: missing[0] });
  }
  const institution = await em.findOne(Institution, { code: institutionCode, active: true });
  if (!institution) return refusal('UNKNOWN_INSTITUTION', message(language, 'UNKNOWN_INSTITUTION', { code: institutionCode }), { field: 'institutionCode' });
  const registry = await em.findOne(Registry, { code: registryCode });
  const dictionaryVersion = registry
    ? await em.findOne(DictionaryVersion, { version: versionCode, status: DictionaryStatus.ACTIVE, subDelivery: { registry: registry.id } }, { populate: ['subDelivery'] })
    : null;
  if (!registry || !dictionaryVersion) {
    return refusal('UNKNOWN_VERSION', message(language, 'UNKNOWN_VERSION', { registry: registryCode, version: versionCode }), { field: 'version' });
  }
  const subDelivery = dictionaryVersion.subDelivery.getEntity();
  // Authorisation before anything else about the file (docs/security.md#graphql-upload: refuse before reading).
  if (!maySubmit(actor, { institutionId: institution.id, registryId: registry.id, subDeliveryId: subDelivery.id })) {
    return refusal('FORBIDDEN', message(language, 'NOT_YOUR_DELIVERY', { code: institutionCode, registry: registryCode }));
  }
  if (!(await em.count(InstitutionUnit, { institution: institution.id, number: unitNumber }))) {
    return refusal('UNKNOWN_UNIT', message(language, 'UNKNOWN_UNIT', { code: institutionCode, unit: unitNumber }), { field: 'unit' });
  }
  return {
    institution,
    unit: unitNumber,
    registry,
    subDelivery,
    dictionaryVersion,
    sequenceNumber: fromName?.sequenceNumber ?? input.sequenceNumber ?? null,
    creationDate: fromName?.creationDate ?? input.creationDate ?? null,
    test: (fromName?.test ?? false) || (input.test ?? false),
    fileNameConforming: fromName !== null,
  };
}
