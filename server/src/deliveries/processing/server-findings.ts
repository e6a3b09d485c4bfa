import type { Knex } from '@mikro-orm/postgresql';
import { checkDeliveryFileName, type Finding } from '@datahub/validation';
import type { DictionaryCatalogue } from '../../dictionaries/dictionary-catalogue';

export interface FileNameFacts {
  deliveryId: string;
  institutionId: string;
  institutionCode: string;
  registryId: string;
  fileName: string;
  sequenceNumber: number | null;
  deliveredAt: Date;
}

/**
 * The file-level lines only the server can give: B08 for a hand-filled name, B09 for a sequence
 * number not higher than the last one this institution used for this registry (B07 cannot occur:
 * an upload for another institution is refused before it is read).
 */
export async function serverFileFindings(trx: Knex.Transaction, catalogue: DictionaryCatalogue, facts: FileNameFacts): Promise<Finding[]> {
  const last = await trx.raw(
    `select max(d.sequence_number) as last from delivery d join sub_delivery s on s.id = d.sub_delivery_id
      where d.institution_id = ? and s.registry_id = ? and d.id <> ? and (d.delivered_at, d.id) < (?, ?)`,
    [facts.institutionId, facts.registryId, facts.deliveryId, facts.deliveredAt, facts.deliveryId],
  );
  const lastSequenceNumber = (last.rows as { last: number | null }[])[0]?.last ?? null;
  const check = checkDeliveryFileName(facts.fileName, {
    institutionCode: facts.institutionCode,
    knownVersions: catalogue.all.map((d) => ({ registry: d.registry, version: d.version })),
    lastSequenceNumber,
  });
  const findings = check.findings.filter((finding) => finding.code !== 'B07');
  // A hand-filled sequence number is held to the same rule as one read from the name.
  if (!check.fields && facts.sequenceNumber !== null && lastSequenceNumber !== null && facts.sequenceNumber <= lastSequenceNumber) {
    findings.push({ recordNumber: null, code: 'B09', class: 'BW', field: null, params: { n: facts.sequenceNumber, last: lastSequenceNumber }, keyValues: null });
  }
  return findings;
}
