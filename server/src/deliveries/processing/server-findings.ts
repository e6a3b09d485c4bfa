import type { Knex } from '@mikro-orm/postgresql';
import { checkDeliveryFileName, type Finding } from '@datahub/validation';
import type { DictionaryCatalogue } from '../../dictionaries/dictionary-catalogue';
import { Channel } from '../../registries/channel';
import { lastSequenceNumber, sequenceNumberFinding } from '../sequence-number';

export interface FileNameFacts {
  deliveryId: string;
  institutionId: string;
  institutionCode: string;
  registryId: string;
  fileName: string;
  sequenceNumber: number | null;
  deliveredAt: Date;
  /** How it was delivered: only a portal upload has a name of the sender's to check. */
  channel: Channel;
}

/**
 * The file-level lines only the server can give: B08 for a hand-filled name, B09 for a sequence
 * number not higher than the last one this institution used for this registry (B07 cannot occur:
 * an upload for another institution is refused before it is read). Other channels (FHIR, the entry
 * portal) deliver without a file name of the sender's: the hub names their CSV, so neither applies.
 */
export async function serverFileFindings(trx: Knex.Transaction, catalogue: DictionaryCatalogue, facts: FileNameFacts): Promise<Finding[]> {
  if (facts.channel !== Channel.PORTAL) return [];
  const last = await lastSequenceNumber(async (sql, params) => (await trx.raw(sql, params as Knex.RawBinding[])).rows, {
    institutionId: facts.institutionId,
    registryId: facts.registryId,
    before: { deliveryId: facts.deliveryId, deliveredAt: facts.deliveredAt },
  });
  const check = checkDeliveryFileName(facts.fileName, {
    institutionCode: facts.institutionCode,
    knownVersions: catalogue.all.map((d) => ({ registry: d.registry, version: d.version })),
    lastSequenceNumber: last,
  });
  const findings = check.findings.filter((finding) => finding.code !== 'B07');
  // A hand-filled sequence number is held to the same rule as one read from the name.
  const handFilled = !check.fields && facts.sequenceNumber !== null ? sequenceNumberFinding(facts.sequenceNumber, last) : null;
  if (handFilled) findings.push(handFilled);
  return findings;
}
