import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { MINUTE } from '../shared/clock';
import { languageOf } from '../shared/messages';
import { type LockedOut, lockedOut, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { LoginStage, LoginStep } from './auth.types';
import { readDeviceCookie, transportOf } from './cookies';
import { LoginFailure } from './login-failure.entity';
import { dummyPasswordHash, verifyPassword } from './password';
import { startSession } from './session.service';
import { User } from './user.entity';

/** Per account: from the 5th failure on, locked for 15 minutes, doubling with each further failure (max 24 h). */
const ACCOUNT_FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 15 * MINUTE;
const MAX_LOCK_MS = 24 * 60 * MINUTE;
/** Per address: 20 failures within 15 minutes block that address until the window moves on. */
const ADDRESS_WINDOW_MS = 15 * MINUTE;
const ADDRESS_MAX_FAILURES = 20;

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

async function addressBlockedUntil(em: EntityManager, address: string | null, now: Date): Promise<Date | null> {
  if (!address) return null;
  const since = new Date(now.getTime() - ADDRESS_WINDOW_MS);
  const failures = await em.find(LoginFailure, { address, at: { $gt: since } }, { orderBy: { at: 'asc' }, fields: ['at'] });
  if (failures.length < ADDRESS_MAX_FAILURES) return null;
  const oldestCounted = failures[failures.length - ADDRESS_MAX_FAILURES]?.at ?? now;
  return new Date(oldestCounted.getTime() + ADDRESS_WINDOW_MS);
}

async function recordFailure(ctx: RequestContext, em: EntityManager, user: User | null, reason: string): Promise<void> {
  const now = ctx.services.clock.now();
  if (ctx.actor.address) em.create(LoginFailure, { address: ctx.actor.address, at: now });
  if (user && reason === 'BAD_PASSWORD') {
    user.failedLogins += 1;
    const excess = user.failedLogins - ACCOUNT_FAILURES_BEFORE_LOCK;
    if (excess >= 0) user.lockedUntil = new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** excess, MAX_LOCK_MS));
  }
  await em.flush();
  await recordAudit(em, ctx.actor, {
    event: AuditEventType.LOGIN_FAILURE,
    action: 'login',
    objectType: 'User',
    objectId: user?.id ?? null,
    subjectUserId: user?.id ?? null,
    subjectEmail: user ? user.email : null,
    detail: user ? reason : 'UNKNOWN_ACCOUNT',
  });
}

/**
 * Step one: the password. On success a new session starts that may only pass the second factor,
 * unless this browser passed it for this user within 4 hours. Unknown accounts, wrong passwords and
 * deactivated accounts get the same answer in the same time.
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
    const user = await em.findOne(User, { email });
    if (user?.lockedUntil && user.lockedUntil > now) {
      await recordFailure(ctx, em, user, 'LOCKED');
      const minutes = minutesUntil(now, user.lockedUntil);
      return lockedOut(languageOf(user.language), RefusalCode.ACCOUNT_LOCKED, minutes * 60);
    }
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !passwordOk || !user.active) {
      await recordFailure(ctx, em, user, !user ? 'UNKNOWN_ACCOUNT' : !user.active ? 'DEACTIVATED' : 'BAD_PASSWORD');
      return refuse(language, RefusalCode.INVALID_CREDENTIALS);
    }
    user.failedLogins = 0;
    user.lockedUntil = null;
    const skipSecondFactor = trustedDevice(ctx, user);
    const session = await startSession(ctx, em, user, skipSecondFactor);
    await recordAudit(em, { ...ctx.actor, channel: `SESSION:${session.id}` }, {
      event: AuditEventType.LOGIN,
      action: 'login',
      objectType: 'User',
      objectId: user.id,
      subjectUserId: user.id,
      subjectEmail: user.email,
      detail: skipSecondFactor ? 'PASSWORD_OK_TRUSTED_DEVICE' : 'PASSWORD_OK',
    });
    const stage = skipSecondFactor ? LoginStage.SIGNED_IN : user.totpEnabled ? LoginStage.SECOND_FACTOR : LoginStage.TOTP_SETUP;
    return Object.assign(new LoginStep(), { stage });
  });
}
