import type { EntityManager } from '@mikro-orm/postgresql';
import { fileNameForMessage, type Finding } from '@datahub/validation';
import { DictionaryStatus, DictionaryVersion } from './dictionary-version.entity';

/**
 * A dictionary version's window (issue 12): accepted from, required from, accepted until. During
 * the overlap of two versions both are accepted; after a version's accepted-until a delivery with
 * it is refused with B07, naming the version to use. Dates are calendar days (Europe/Amsterdam).
 */
export type VersionWindow = Pick<DictionaryVersion, 'status' | 'acceptedFrom' | 'acceptedUntil'>;

/** Whether deliveries may follow this version on `onDate` (`YYYY-MM-DD`): published, and the day within its window. */
export function versionAcceptedOn(version: VersionWindow, onDate: string): boolean {
  if (version.status !== DictionaryStatus.ACTIVE || !version.acceptedFrom) return false;
  return version.acceptedFrom <= onDate && (version.acceptedUntil == null || onDate <= version.acceptedUntil);
}

/**
 * The version institutions must deliver with on `onDate`: the published version of the sub-delivery
 * with the latest required-from on or before that day (the go-live criteria use it); null when none
 * is required yet.
 */
export async function requiredVersion(em: EntityManager, subDeliveryId: string, onDate: string): Promise<DictionaryVersion | null> {
  return em.findOne(
    DictionaryVersion,
    { subDelivery: subDeliveryId, status: DictionaryStatus.ACTIVE, requiredFrom: { $lte: onDate } },
    { orderBy: { requiredFrom: 'desc', acceptedFrom: 'desc', version: 'desc' } },
  );
}

/** The version to name in a B07 refusal: the newest accepted on `onDate`, else the required one; null when there is none. */
export async function versionToUse(em: EntityManager, subDeliveryId: string, onDate: string): Promise<DictionaryVersion | null> {
  const published = await em.find(DictionaryVersion, { subDelivery: subDeliveryId, status: DictionaryStatus.ACTIVE }, { orderBy: { acceptedFrom: 'desc', version: 'desc' } });
  return published.find((version) => versionAcceptedOn(version, onDate)) ?? (await requiredVersion(em, subDeliveryId, onDate));
}

/**
 * B07 for a file whose conforming name names a published version not accepted on `onDate` (the file
 * check and the command line report it as the upload refuses it); null when accepted or unknown.
 */
export async function versionNotAcceptedFinding(
  em: EntityManager,
  fileName: string,
  named: { registry: string; version: string },
  onDate: string,
): Promise<Finding | null> {
  const version = await em.findOne(DictionaryVersion, { version: named.version, status: DictionaryStatus.ACTIVE, subDelivery: { registry: { code: named.registry } } });
  if (!version || versionAcceptedOn(version, onDate)) return null;
  const use = await versionToUse(em, version.subDelivery.id, onDate);
  return {
    recordNumber: null,
    code: 'B07',
    class: 'BF',
    field: null,
    params: { name: fileNameForMessage(fileName), detail: 'versionNotAccepted', registry: named.registry, version: named.version, date: onDate, use: use?.version ?? '-' },
    keyValues: null,
  };
}
