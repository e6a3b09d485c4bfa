import type { Knex } from '@mikro-orm/postgresql';

/**
 * The records of the delivery being processed, staged for the merge into the record store: a
 * temporary table of the processing transaction (no WAL, no indexes, dropped at commit), filled by
 * COPY while the file is read. Only the rejected records outlive the transaction (`rejected_record`).
 */
export const STAGED = 'staged_record';

export const STAGED_COLUMNS = ['record_number', 'record_key', 'patient_ref', 'payload', 'rejected'] as const;

export async function createStaging(trx: Knex.Transaction): Promise<void> {
  await trx.raw(
    `create temporary table ${STAGED} (record_number int not null, record_key text not null, patient_ref text, payload jsonb not null, rejected boolean not null) on commit drop`,
  );
}

/** Marks staged records rejected after they were staged: 005's first occurrences (second pass) and T01 conflicts. */
export async function markRejected(trx: Knex.Transaction, recordNumbers: number[]): Promise<void> {
  if (recordNumbers.length === 0) return;
  await trx.raw(`update ${STAGED} s set rejected = true from unnest(?::int[]) as r(n) where s.record_number = r.n`, [recordNumbers]);
}

/** Statistics of the staged rows, once the file is read, so the merge's joins are planned for the real row count. */
export async function analyzeStaging(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`analyze ${STAGED}`);
}

/** Keeps the rejected records (as delivered, identifying fields pseudonymised) for the "failed records" download. */
export async function keepRejected(trx: Knex.Transaction, deliveryId: string): Promise<void> {
  await trx.raw(`insert into rejected_record (delivery_id, record_number, payload) select ?, record_number, payload from ${STAGED} where rejected`, [
    deliveryId,
  ]);
}
