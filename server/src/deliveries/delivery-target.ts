import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { DictionaryStatus, DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { InstitutionUnit } from '../institutions/institution-unit.entity';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { parseDeliveryFileName } from '@datahub/validation';
import { maySubmit, maySubmitAt } from './delivery-access';
import { cleanFileName } from './delivery-file-name';
import { institutionByCode } from '../institutions/institution-by-code';
import { deliveryAcceptance } from '../institutions/delivery-acceptance';
import { versionAcceptedOn, versionToUse } from '../dictionaries/version-window';
import { activeChannel } from '../channels/module';
import { channelName } from '../channels/channel-name';
import { Channel } from '../registries/channel';
import { mergedIntoOn } from '../mergers/merger.query';

/** What an upload is for, resolved from a conforming file name or from the fields filled in by hand. */
export interface DeliveryTarget {
  /** The file name as stored: without bidirectional and control characters (cleanFileName). */
  fileName: string;
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

export interface TargetOptions {
  /** The channel the data comes through (default the portal's upload); it must be the institution's active one for the registry. */
  channel?: Channel;
  /** false: the file name is the hub's own (FHIR, entry portal), so its fields are not read from it. */
  fileNameFields?: boolean;
}

/**
 * Resolves and checks the target before a byte of the file is read: the actor is a submitter at an
 * active institution of that code that has not merged away by then, the registry has this version ACTIVE, the actor is a submitter
 * for it there, the institution has the unit, and both take a delivery with this delivery date
 * (`deliveryDate`, today in Europe/Amsterdam: institutions/delivery-acceptance.ts); the channel (the web portal
 * unless `options.channel` says otherwise) is the institution's active channel for the registry on that date (channels/channel-rule.ts); then that
 * the version is accepted on that date (B07), checked after authorisation so it tells nothing to
 * someone else.
 */
export async function resolveDeliveryTarget(
  em: EntityManager,
  actor: Actor,
  fileName: string,
  input: TargetInput,
  deliveryDate: string,
  options: TargetOptions = {},
): Promise<DeliveryTarget | Refused> {
  const language = actor.language;
  const channel = options.channel ?? Channel.PORTAL;
  const cleaned = cleanFileName(fileName);
  const parsed = options.fileNameFields === false ? null : parseDeliveryFileName(cleaned.name);
  const fromName = parsed?.ok ? parsed.fields : null;
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
    return refuse(language, RefusalCode.DELIVERY_FIELDS_MISSING, { params: { fields: missing.join(', ') }, ...(missing[0] ? { field: missing[0] } : {}) });
  }
  // Only institutions the actor may deliver for are told apart: an unknown code, an inactive
  // institution and someone else's get one answer after the same single query (docs/security.md).
  // (A deactivated institution's people lose their roles there, so it answers FORBIDDEN too.)
  const institution = await institutionByCode(em, institutionCode, (id) => maySubmitAt(actor, id));
  if (!institution) {
    return refuse(language, RefusalCode.FORBIDDEN, { params: { code: institutionCode }, field: 'institutionCode', detail: 'NOT_YOUR_INSTITUTION' });
  }
  // From the merger day the institution delivers as its successor (told only to its own submitters).
  const mergedInto = await mergedIntoOn(em, institution.id, deliveryDate);
  if (mergedInto) return refuse(language, RefusalCode.INSTITUTION_MERGED, { params: { code: institutionCode, into: mergedInto }, field: 'institutionCode' });
  const registry = await em.findOne(Registry, { code: registryCode });
  const dictionaryVersion = registry
    ? await em.findOne(
        DictionaryVersion,
        { version: versionCode, status: DictionaryStatus.ACTIVE, subDelivery: { registry: registry.id } },
        { populate: ['subDelivery'] },
      )
    : null;
  if (!registry || !dictionaryVersion) {
    return refuse(language, RefusalCode.UNKNOWN_VERSION, { params: { registry: registryCode, version: versionCode }, field: 'version' });
  }
  const subDelivery = dictionaryVersion.subDelivery.getEntity();
  // Authorisation before anything else about the file (docs/security.md#graphql-upload: refuse before reading).
  if (!maySubmit(actor, { institutionId: institution.id, registryId: registry.id, subDeliveryId: subDelivery.id })) {
    return refuse(language, RefusalCode.FORBIDDEN, { params: { code: institutionCode, registry: registryCode }, detail: 'NOT_YOUR_DELIVERY' });
  }
  const unit = await em.findOne(InstitutionUnit, { institution: institution.id, number: unitNumber });
  if (!unit) {
    return refuse(language, RefusalCode.UNKNOWN_UNIT, { params: { code: institutionCode, unit: unitNumber }, field: 'unit' });
  }
  const refused = deliveryAcceptance(language, institution, unit, deliveryDate);
  if (refused) return refused;
  // An institution delivers a registry through one channel; another channel is refused. An
  // institution without any participation yet may upload through the portal, but nothing else.
  const active = await activeChannel(em, institution.id, registry.id, { today: deliveryDate });
  if (active === null ? channel !== Channel.PORTAL : active !== channel) {
    return refuse(language, RefusalCode.CHANNEL_NOT_ACTIVE, {
      params: {
        code: institutionCode,
        registry: registryCode,
        active: channelName(language, active ?? Channel.PORTAL),
        channel: channelName(language, channel),
      },
      field: 'registry',
    });
  }
  if (!versionAcceptedOn(dictionaryVersion, deliveryDate)) {
    const use = await versionToUse(em, subDelivery.id, deliveryDate);
    return refuse(language, RefusalCode.VERSION_NOT_ACCEPTED, {
      params: { registry: registryCode, version: versionCode, date: deliveryDate, use: use?.version ?? '-' },
      field: 'version',
    });
  }
  return {
    fileName: cleaned.name,
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
