import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { MINUTE } from '../common/clock';
import { type LockedOut, lockedOut, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Done } from './auth.types';
import { clearDeviceCookie, clearSessionCookie } from './cookies';
import { addressBlockedUntil, clearFailures, countAddressFailure, countFailure, lockedUntil } from './login-lockout';
import { hashPassword, passwordProblem, passwordRefusal, verifyPassword } from './password';
import { Session } from './session.entity';
import { endSessionsOfUser } from './session.service';
import { User } from './user.entity';

/**
 * Changes to one's own sign-in (password, authenticator), from Mijn account. Both ask the current
 * password again (re-authentication, ASVS 6.2.3 / 7.5.1), count a wrong one like a failed login
 * (the same lock-out per account and per address) and are audited; both end sessions as a reset does.
 */
type Verified = { user: User };

async function reauthenticate(ctx: RequestContext, em: EntityManager, action: string, currentPassword: string): Promise<Verified | Refused | LockedOut> {
  const language = ctx.actor.language;
  // An API token cannot re-authenticate: it has no password step behind it.
  if (!ctx.actor.user || !ctx.actor.session || ctx.actor.token) return refuse(language, RefusalCode.FORBIDDEN, { detail: 'ACCOUNT_NEEDS_SESSION' });
  const user = await em.findOneOrFail(User, { id: ctx.actor.user.id });
  const now = ctx.services.clock.now();
  const seconds = (until: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE)) * 60;
  const blockedUntil = await addressBlockedUntil(em, ctx.actor.address, now);
  if (blockedUntil) return lockedOut(language, RefusalCode.ADDRESS_BLOCKED, seconds(blockedUntil));
  const lockKey = ctx.services.keys.lookup(user.email);
  const lockEnds = await lockedUntil(em, lockKey, now);
  if (lockEnds) return lockedOut(language, RefusalCode.ACCOUNT_LOCKED, seconds(lockEnds));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await countAddressFailure(em, ctx.actor.address, now);
    await countFailure(em, lockKey, now);
    await recordAudit(em, ctx.actor, { event: AuditEventType.LOGIN_FAILURE, action, objectType: 'User', objectId: user.id, detail: 'BAD_PASSWORD' });
    return refuse(language, RefusalCode.INVALID_CREDENTIALS, { field: 'currentPassword', detail: 'WRONG_CURRENT_PASSWORD' });
  }
  await clearFailures(em, lockKey);
  return { user };
}

/** A new password (the same policy as everywhere); every other session of the account ends, this one stays. */
export async function changeMyPassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<Done | Refused | LockedOut> {
  const problem = passwordProblem(newPassword);
  if (problem) return Object.assign(passwordRefusal(ctx.actor.language, problem), { field: 'newPassword' });
  const passwordHash = await hashPassword(newPassword);
  return ctx.em.transactional(async (em) => {
    const verified = await reauthenticate(ctx, em, 'changeMyPassword', currentPassword);
    if (!('user' in verified)) return verified;
    const { user } = verified;
    user.passwordHash = passwordHash;
    const now = ctx.services.clock.now();
    const ended = await em.nativeUpdate(Session, { user: user.id, revokedAt: null, id: { $ne: ctx.actor.session?.id } }, { revokedAt: now });
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'changeMyPassword',
      objectType: 'User',
      objectId: user.id,
      detail: `OTHER_SESSIONS_ENDED:${ended}`,
    });
    return new Done();
  });
}

/**
 * Removes the authenticator (a lost or new phone): every session ends, this one too, and this
 * browser is no longer trusted, so the next login sets up a new authenticator (or uses a mailed code).
 */
export async function resetMyAuthenticator(ctx: RequestContext, currentPassword: string): Promise<Done | Refused | LockedOut> {
  const outcome = await ctx.em.transactional(async (em) => {
    const verified = await reauthenticate(ctx, em, 'resetMyAuthenticator', currentPassword);
    if (!('user' in verified)) return verified;
    const { user } = verified;
    user.totpSecretSealed = null;
    user.totpEnabled = false;
    user.totpLastStep = null;
    await em.flush();
    await endSessionsOfUser(em, user.id, ctx.services.clock.now());
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'resetMyAuthenticator',
      objectType: 'User',
      objectId: user.id,
      detail: 'SESSIONS_ENDED',
    });
    return new Done();
  });
  if (outcome instanceof Done) {
    clearSessionCookie(ctx.request, ctx.response);
    clearDeviceCookie(ctx.request, ctx.response);
  }
  return outcome;
}
