import type { EntityManager } from '@mikro-orm/postgresql';
import { DAY, MINUTE } from '../common/clock';
import { LoginFailure } from './login-failure.entity';
import { LoginLockout } from './login-lockout.entity';

/**
 * Per e-mail address typed, whether an account has it or not: from the 5th failure on, locked for
 * 15 minutes, doubling with each further failure (max 24 h). Counting unknown addresses too means a
 * lock-out tells nobody which accounts exist (docs/security.md).
 */
const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 15 * MINUTE;
const MAX_LOCK_MS = DAY;
/** A counter left alone for a day after its last failure (and its lock) is forgotten, and its row removed. */
const FORGET_AFTER_MS = DAY;
/** Per client address: 20 failures within 15 minutes block that address until the window moves on. */
const ADDRESS_WINDOW_MS = 15 * MINUTE;
const ADDRESS_MAX_FAILURES = 20;

/** When the client address may try again, if it is blocked now. */
export async function addressBlockedUntil(em: EntityManager, address: string | null, now: Date): Promise<Date | null> {
  if (!address) return null;
  const since = new Date(now.getTime() - ADDRESS_WINDOW_MS);
  const failures = await em.find(LoginFailure, { address, at: { $gt: since } }, { orderBy: { at: 'asc' }, fields: ['at'] });
  if (failures.length < ADDRESS_MAX_FAILURES) return null;
  const oldestCounted = failures[failures.length - ADDRESS_MAX_FAILURES]?.at ?? now;
  return new Date(oldestCounted.getTime() + ADDRESS_WINDOW_MS);
}

/** When the lock on this e-mail address (its lookup digest) ends, if it is locked now. */
export async function lockedUntil(em: EntityManager, key: string, now: Date): Promise<Date | null> {
  const lock = await em.findOne(LoginLockout, { key }, { fields: ['lockedUntil'] });
  return lock?.lockedUntil && lock.lockedUntil > now ? lock.lockedUntil : null;
}

/** A failure from the client address; the oldest rows, outside the window, go. */
export async function countAddressFailure(em: EntityManager, address: string | null, now: Date): Promise<void> {
  await em.nativeDelete(LoginFailure, { at: { $lt: new Date(now.getTime() - ADDRESS_WINDOW_MS) } });
  if (address) await em.insert(LoginFailure, { address, at: now });
}

/**
 * One more failure for the address typed (an atomic upsert: parallel guesses cannot slip past the
 * count), locking it from the 5th on. Counters forgotten for a day are removed on the way.
 */
export async function countFailure(em: EntityManager, key: string, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  await em.execute('delete from login_lockout where last_failure_at < ? and (locked_until is null or locked_until < ?)', [forgetBefore, forgetBefore]);
  const rows = await em.execute<{ failures: number }[]>(
    `insert into login_lockout as l (key, failures, last_failure_at, locked_until) values (?, 1, ?, null)
     on conflict (key) do update set
       failures = case when greatest(l.locked_until, l.last_failure_at) < ? then 1 else l.failures + 1 end,
       last_failure_at = excluded.last_failure_at
     returning failures`,
    [key, now, forgetBefore],
  );
  const excess = (rows[0]?.failures ?? 0) - FAILURES_BEFORE_LOCK;
  if (excess < 0) return;
  const until = new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** excess, MAX_LOCK_MS));
  await em.execute('update login_lockout set locked_until = ? where key = ?', [until, key]);
}

/** A successful login or a password reset: the address starts again from zero. */
export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.nativeDelete(LoginLockout, { key });
}
