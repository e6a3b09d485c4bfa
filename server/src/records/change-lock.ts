/**
 * Forwarding's "changed since" cursor must never pass a change that commits later. Every
 * transaction that draws change-sequence values holds this lock SHARED until it commits (so merges
 * still run side by side); a fetch takes it EXCLUSIVE for a moment to read the sequence's
 * position, which therefore only counts committed changes (`forwarding/change-cursor.ts`).
 */
export const CHANGE_LOCK_KEY = `hashtext('held_record_changes')`;

/** SQL for a writer, inside its transaction, before its first change to `held_record`. */
export const TAKE_CHANGE_LOCK_SHARED = `select pg_advisory_xact_lock_shared(${CHANGE_LOCK_KEY})`;
