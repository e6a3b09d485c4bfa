import type { Knex } from '@mikro-orm/postgresql';

export interface MergeTarget {
  deliveryId: string;
  subDeliveryId: string;
  institutionId: string;
  deliveredAt: Date;
  /** Report key columns, to give conflict lines the same key values as the engine's lines. */
  reportKey: string[];
  now: Date;
}

/** `{key}` as shown in T01/T02 messages: the record key's values separated by " / ". */
const KEY_TEXT = `replace(dr.record_key, chr(31), ' / ')`;

/** The record's report key values, taken from its stored payload (identifying fields never are report keys). */
const KEY_VALUES = `(select coalesce(jsonb_object_agg(k, dr.payload ->> k), '{}'::jsonb) from unnest(?::text[]) as k)`;

/**
 * T01 (TF): an accepted record whose key is held for this institution with another patient is
 * rejected. Set-based: one INSERT for all conflict lines, one UPDATE for the records.
 * Returns the number of records rejected this way.
 */
export async function rejectPatientConflicts(trx: Knex.Transaction, target: MergeTarget, firstOrdinal: number): Promise<number> {
  const inserted = await trx.raw(
    `insert into report_line (delivery_id, ordinal, record_number, code, class, field, params, key_values)
     select ?, ? + row_number() over (order by dr.record_number), dr.record_number, 'T01', 'TF', null,
            jsonb_build_object('key', ${KEY_TEXT}), ${KEY_VALUES}
       from delivery_record dr
       join held_record h on h.sub_delivery_id = ? and h.institution_id = ? and h.record_key = dr.record_key
      where dr.delivery_id = ? and not dr.rejected and h.patient_ref is distinct from dr.patient_ref
     returning record_number`,
    [target.deliveryId, firstOrdinal, target.reportKey, target.subDeliveryId, target.institutionId, target.deliveryId],
  );
  const rejected = (inserted.rows as { record_number: number }[]).map((row) => row.record_number);
  if (rejected.length > 0) {
    await trx.raw(`update delivery_record set rejected = true where delivery_id = ? and record_number = any(?::int[])`, [target.deliveryId, rejected]);
  }
  return rejected.length;
}

/**
 * T02 (TW) for accepted records whose key is held (same patient) with other values, the replaced
 * versions kept in `held_record_version`, then the record store brought up to date in one upsert.
 * A held record brought by a later delivery is never overwritten by an earlier one: deliveries
 * apply in delivery order (delivery time, then id, as supersession), whatever order they are processed in. Returns the number of T02 lines.
 */
export async function mergeIntoRecordStore(trx: Knex.Transaction, target: MergeTarget, firstOrdinal: number): Promise<number> {
  const changes = `
      from delivery_record dr
      join held_record h on h.sub_delivery_id = ? and h.institution_id = ? and h.record_key = dr.record_key
      join delivery hd on hd.id = h.delivery_id
     where dr.delivery_id = ? and not dr.rejected and h.payload is distinct from dr.payload and (hd.delivered_at, hd.id) <= (?, ?::uuid)`;
  const changeBindings = [target.subDeliveryId, target.institutionId, target.deliveryId, target.deliveredAt, target.deliveryId];
  const tw = await trx.raw(
    `insert into report_line (delivery_id, ordinal, record_number, code, class, field, params, key_values)
     select ?, ? + row_number() over (order by dr.record_number), dr.record_number, 'T02', 'TW', null,
            jsonb_build_object('key', ${KEY_TEXT}, 'n', (select count(*) from jsonb_each(dr.payload) n where n.value is distinct from h.payload -> n.key)),
            ${KEY_VALUES}
     ${changes}`,
    [target.deliveryId, firstOrdinal, target.reportKey, ...changeBindings],
  );
  await trx.raw(
    `insert into held_record_version (held_record_id, version, payload, delivery_id, replaced_at)
     select h.id, h.version, h.payload, h.delivery_id, ? ${changes}`,
    [target.now, ...changeBindings],
  );
  await trx.raw(
    `insert into held_record (id, sub_delivery_id, institution_id, record_key, patient_ref, payload, delivery_id, version, updated_at)
     select gen_random_uuid(), ?, ?, dr.record_key, dr.patient_ref, dr.payload, dr.delivery_id, 1, ?
       from delivery_record dr where dr.delivery_id = ? and not dr.rejected
     on conflict (sub_delivery_id, institution_id, record_key) do update
        set payload = excluded.payload, patient_ref = excluded.patient_ref, delivery_id = excluded.delivery_id,
            version = held_record.version + 1, updated_at = excluded.updated_at
      where held_record.payload is distinct from excluded.payload
        and (select (delivered_at, id) from delivery where id = held_record.delivery_id) <= (?::timestamptz, ?::uuid)`,
    [target.subDeliveryId, target.institutionId, target.now, target.deliveryId, target.deliveredAt, target.deliveryId],
  );
  return tw.rowCount ?? 0;
}

/**
 * A newer production delivery for the same institution, sub-delivery and period supersedes the
 * earlier ones (they stay in the history); a delivery older than one already applied is itself
 * superseded by the newest. Runs in the transaction that sets the final status.
 */
export async function applySupersession(trx: Knex.Transaction, target: MergeTarget & { period: string }): Promise<void> {
  const newest = await trx.raw(
    `select id from delivery
      where institution_id = ? and sub_delivery_id = ? and period = ? and not test
        and status in ('PROCESSED', 'PROCESSED_WITH_ERRORS') and id <> ? and (delivered_at, id) > (?, ?)
      order by delivered_at desc, id desc limit 1`,
    [target.institutionId, target.subDeliveryId, target.period, target.deliveryId, target.deliveredAt, target.deliveryId],
  );
  const newerId = (newest.rows as { id: string }[])[0]?.id;
  if (newerId) {
    await trx.raw(`update delivery set superseded_by_id = ?, superseded_at = ? where id = ?`, [newerId, target.now, target.deliveryId]);
    return;
  }
  await trx.raw(
    `update delivery set superseded_by_id = ?, superseded_at = ?
      where institution_id = ? and sub_delivery_id = ? and period = ? and not test and id <> ?
        and (delivered_at, id) < (?, ?) and (superseded_by_id is null or superseded_by_id in (
          select id from delivery where (delivered_at, id) < (?, ?)))`,
    [target.deliveryId, target.now, target.institutionId, target.subDeliveryId, target.period, target.deliveryId, target.deliveredAt, target.deliveryId, target.deliveredAt, target.deliveryId],
  );
}
