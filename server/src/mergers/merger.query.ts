import type { EntityManager } from '@mikro-orm/postgresql';

/** A merger as the read scope needs it: who joined whom, from which day. */
export interface MergerLink {
  fromId: string;
  intoId: string;
  effectiveDate: string;
}

/**
 * Every merger that has been applied (its day has come and A's streams were carried over to B).
 * A short table (a handful of mergers a year), read whole; the read scope caches it per data version.
 */
export async function appliedMergers(em: EntityManager): Promise<MergerLink[]> {
  const rows = await em.execute<{ from_id: string; into_id: string; effective_date: string }[]>(
    `select from_id, into_id, to_char(effective_date, 'YYYY-MM-DD') as effective_date from institution_merger where applied_at is not null`,
  );
  return rows.map((row) => ({ fromId: row.from_id, intoId: row.into_id, effectiveDate: row.effective_date }));
}

/**
 * The code of the institution this one merged into when the merger is in effect on `today`, else
 * null: from the effective date a merged institution delivers nothing (INSTITUTION_MERGED), whether
 * or not the worker has carried its participations over yet.
 */
export async function mergedIntoOn(em: EntityManager, institutionId: string, today: string): Promise<string | null> {
  const rows = await em.execute<{ code: string }[]>(
    'select i.code from institution_merger m join institution i on i.id = m.into_id where m.from_id = ? and m.effective_date <= ?::date',
    [institutionId, today],
  );
  return rows[0]?.code ?? null;
}
