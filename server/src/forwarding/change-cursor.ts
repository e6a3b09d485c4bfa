import type { Knex } from '@mikro-orm/postgresql';
import { CHANGE_LOCK_KEY } from '../records/change-lock';

/**
 * The opaque "changed since" cursor: a position in `held_record_change_seq`. Clients pass it back
 * unchanged; its form (`c1.` + the position, base64url) is not part of the API.
 */
const PREFIX = 'c1.';

export function encodeChangeCursor(position: string): string {
  return Buffer.from(PREFIX + position, 'utf8').toString('base64url');
}

/** The position, or null for a cursor this server did not make. */
export function decodeChangeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const position = text.slice(PREFIX.length);
  return /^(0|[1-9][0-9]{0,18})$/.test(position) ? position : null;
}

/**
 * How far a fetch may read: the change sequence's position once every transaction that drew values
 * from it has committed (it waits, briefly, for merges in progress: see records/change-lock.ts).
 * Every change at or below it is visible to a snapshot taken afterwards; none can appear later.
 */
export async function changeHorizon(knex: Knex): Promise<string> {
  return knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(${CHANGE_LOCK_KEY})`);
    const result = await trx.raw(`select case when is_called then last_value else 0 end::text as position from held_record_change_seq`);
    return (result.rows as { position: string }[])[0]!.position;
  });
}
