import type { Knex } from '@mikro-orm/postgresql';

/** One fetch as lineage shows it. */
export interface AfnameSummary {
  id: string;
  fetchedAt: Date;
  organisationId: string | null;
  userId: string | null;
  tokenId: string | null;
  authorisationId: string | null;
  format: string;
  recordCount: number;
  incremental: boolean;
  complete: boolean;
}

/** A record version: its key (as delivered, fields joined by " / "), version number and delivery. */
export interface RecordVersionRef {
  recordKey: string;
  version: number;
  deliveryId: string;
}

export interface DeliveryLineage {
  deliveryId: string;
  /** The delivery's record versions still known (current or replaced). */
  versionCount: number;
  /** Per afname that received at least one of them: which, exactly, in key and version order. */
  receipts: { afname: AfnameSummary; versions: RecordVersionRef[] }[];
}

export interface RecordLineage {
  /** Oldest first; each with the afnames that received that version, oldest first. */
  versions: (RecordVersionRef & { current: boolean; withdrawn: boolean; receivedBy: AfnameSummary[] })[];
}

// fetched_at as ISO 8601 text (the driver hands timestamptz over as PostgreSQL's own text, which Date cannot read).
const AFNAME_COLUMNS = `a.id as afname_id, to_json(a.fetched_at) #>> '{}' as fetched_at, a.organisation_id, a.user_id, a.token_id, a.authorisation_id, a.format, a.record_count, a.since_seq, a.complete`;

interface AfnameRow {
  afname_id: string;
  fetched_at: string;
  organisation_id: string | null;
  user_id: string | null;
  token_id: string | null;
  authorisation_id: string | null;
  format: string;
  record_count: number;
  since_seq: string | null;
  complete: boolean;
}

function summary(row: AfnameRow): AfnameSummary {
  return {
    id: row.afname_id,
    fetchedAt: new Date(row.fetched_at),
    organisationId: row.organisation_id,
    userId: row.user_id,
    tokenId: row.token_id,
    authorisationId: row.authorisation_id,
    format: row.format,
    recordCount: row.record_count,
    incremental: row.since_seq !== null,
    complete: row.complete,
  };
}

/**
 * The versions a delivery brought (the current ones that are still its own, and those replaced
 * since), each with its version sequence value: the same value an afname's multirange holds when
 * it handed that version over. Versions replaced before forwarding existed have none and were never forwarded.
 */
const DELIVERY_VERSIONS = `
  select h.record_key, h.version, h.version_seq, h.delivery_id, h.institution_id from held_record h join delivery d on d.id = ?
   where h.sub_delivery_id = d.sub_delivery_id and h.institution_id = d.institution_id and h.delivery_id = d.id
  union all
  select v.record_key, v.version, v.version_seq, v.delivery_id, v.institution_id from held_record_version v where v.delivery_id = ? and v.version_seq is not null`;

/** Which afnames received which of a delivery's records: exact, from the afnames' version multiranges. */
export async function deliveryLineage(knex: Knex, deliveryId: string): Promise<DeliveryLineage> {
  const counted = await knex.raw(`select count(*)::int as n from (${DELIVERY_VERSIONS}) x`, [deliveryId, deliveryId]);
  const result = await knex.raw(
    `with v as (${DELIVERY_VERSIONS})
     select ${AFNAME_COLUMNS}, replace(v.record_key, chr(31), ' / ') as record_key, v.version, v.delivery_id
       from v join afname a on a.version_seqs @> v.version_seq and a.institution_ids @> array[v.institution_id]
      order by a.fetched_at, a.id, v.record_key, v.version`,
    [deliveryId, deliveryId],
  );
  const receipts = new Map<string, DeliveryLineage['receipts'][number]>();
  for (const row of result.rows as (AfnameRow & { record_key: string; version: number; delivery_id: string })[]) {
    let receipt = receipts.get(row.afname_id);
    if (!receipt) receipts.set(row.afname_id, (receipt = { afname: summary(row), versions: [] }));
    receipt.versions.push({ recordKey: row.record_key, version: row.version, deliveryId: row.delivery_id });
  }
  return { deliveryId, versionCount: (counted.rows as { n: number }[])[0]!.n, receipts: [...receipts.values()] };
}

/** One record key's versions, oldest first, and who received each. `recordKey` as stored (fields joined by U+001F). */
export async function recordLineage(knex: Knex, key: { institutionId: string; subDeliveryId: string; recordKey: string }): Promise<RecordLineage> {
  const result = await knex.raw(
    `with v as (
       select h.version, h.version_seq, h.delivery_id, true as current, h.withdrawn from held_record h
        where h.sub_delivery_id = ? and h.institution_id = ? and h.record_key = ?
       union all
       select v.version, v.version_seq, v.delivery_id, false, false from held_record_version v
        where v.sub_delivery_id = ? and v.institution_id = ? and v.record_key = ?
     )
     select v.version, v.delivery_id, v.current, v.withdrawn, ${AFNAME_COLUMNS}
       from v left join afname a on a.version_seqs @> v.version_seq and a.institution_ids @> array[?]::uuid[]
      order by v.version, a.fetched_at, a.id`,
    [key.subDeliveryId, key.institutionId, key.recordKey, key.subDeliveryId, key.institutionId, key.recordKey, key.institutionId],
  );
  const versions = new Map<number, RecordLineage['versions'][number]>();
  const shown = key.recordKey.replace(/\u001f/g, ' / ');
  for (const row of result.rows as (Partial<AfnameRow> & { version: number; delivery_id: string; current: boolean; withdrawn: boolean })[]) {
    let version = versions.get(row.version);
    if (!version)
      versions.set(
        row.version,
        (version = { recordKey: shown, version: row.version, deliveryId: row.delivery_id, current: row.current, withdrawn: row.withdrawn, receivedBy: [] }),
      );
    if (row.afname_id) version.receivedBy.push(summary(row as AfnameRow));
  }
  return { versions: [...versions.values()] };
}
