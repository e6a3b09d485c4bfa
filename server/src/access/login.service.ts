import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { MINUTE } from '../common/clock';
import { type LockedOut, lockedOut, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { LoginStage, LoginStep } from './auth.types';
import { readDeviceCookie, transportOf } from './cookies';
import { addressBlockedUntil, clearFailures, countAddressFailure, countFailure, lockedUntil } from './login-lockout';
import { dummyPasswordHash, verifyPassword } from './password';
import { startSession } from './session.service';
import { User } from './user.entity';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function minutesUntil(now: Date, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

/** The device cookie names the user and an expiry, signed: the second factor was passed here recently. */
function trustedDevice(ctx: RequestContext, user: User): boolean {
  const cookie = readDeviceCookie(ctx.request);
  const payload = cookie ? ctx.services.keys.verify(cookie) : null;
  if (!payload) return false;
  const [userId, expires] = payload.split('.');
  return userId === user.id && Number(expires) > ctx.services.clock.now().getTime();
}

/**
 * A failed login: counted for the client address and, unless the address typed is locked already,
 * for that address (known account or not), then audited.
 */
async function recordFailure(ctx: RequestContext, em: EntityManager, user: User | null, lockKey: string | null, reason: string): Promise<void> {
  const now = ctx.services.clock.now();
  await countAddressFailure(em, ctx.actor.address, now);
  if (lockKey) await countFailure(em, lockKey, now);
  await recordAudit(em, ctx.actor, {
    event: AuditEventType.LOGIN_FAILURE,
    action: 'login',
    objectType: 'User',
    objectId: user?.id ?? null,
    // Given here, so an audit row about a known account costs no query more than one about an unknown one.
    institutionId: user?.organisation.getEntity().institution?.id ?? null,
    subjectUserId: user?.id ?? null,
    subjectEmail: user ? user.email : null,
    detail: user ? reason : 'UNKNOWN_ACCOUNT',
  });
}

/**
 * Step one: the password. On success a new session starts that may only pass the second factor,
 * unless this browser passed it for this user within 4 hours. Unknown accounts, wrong passwords and
 * deactivated accounts get the same answer in the same time, and lock after the same failures.
 */
export async function login(ctx: RequestContext, emailInput: string, password: string): Promise<LoginStep | Refused | LockedOut> {
  const language = ctx.actor.language;
  if (transportOf(ctx.request) === 'insecure') return refuse(language, RefusalCode.HTTPS_REQUIRED);
  const email = normaliseEmail(emailInput);
  const now = ctx.services.clock.now();
  return ctx.em.transactional(async (em) => {
    const blockedUntil = await addressBlockedUntil(em, ctx.actor.address, now);
    if (blockedUntil) {
      const minutes = minutesUntil(now, blockedUntil);
      return lockedOut(language, RefusalCode.ADDRESS_BLOCKED, minutes * 60);
    }
    // Known and unknown addresses take the same steps: the lock, the user, a password hash, the same writes.
    const lockKey = ctx.services.keys.lookup(email);
    const lockEnds = await lockedUntil(em, lockKey, now);
    const user = await em.findOne(User, { email }, { populate: ['organisation'] });
    if (lockEnds) {
      await recordFailure(ctx, em, user, null, 'LOCKED');
      const minutes = minutesUntil(now, lockEnds);
      return lockedOut(language, RefusalCode.ACCOUNT_LOCKED, minutes * 60);
    }
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !passwordOk || !user.active) {
      await recordFailure(ctx, em, user, lockKey, !user ? 'UNKNOWN_ACCOUNT' : !user.active ? 'DEACTIVATED' : 'BAD_PASSWORD');
      return refuse(language, RefusalCode.INVALID_CREDENTIALS);
    }
    await clearFailures(em, lockKey);
    const skipSecondFactor = trustedDevice(ctx, user);
    const session = await startSession(ctx, em, user, skipSecondFactor);
    await recordAudit(
      em,
      { ...ctx.actor, channel: `SESSION:${session.id}` },
      {
        event: AuditEventType.LOGIN,
        action: 'login',
        objectType: 'User',
        objectId: user.id,
        subjectUserId: user.id,
        subjectEmail: user.email,
        detail: skipSecondFactor ? 'PASSWORD_OK_TRUSTED_DEVICE' : 'PASSWORD_OK',
      },
    );
    const stage = skipSecondFactor ? LoginStage.SIGNED_IN : user.totpEnabled ? LoginStage.SECOND_FACTOR : LoginStage.TOTP_SETUP;
    return Object.assign(new LoginStep(), { stage });
  });
}
