import type { EntityManager } from '@mikro-orm/postgresql';
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { MINUTE } from '../common/clock';
import { isRefusal, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Done, LoginStage, LoginStep, TotpSetup } from './auth.types';
import { DEVICE_TRUST_MS, setDeviceCookie } from './cookies';
import { OneTimeSecret, OneTimeSecretPurpose } from './one-time-secret.entity';
import { hashToken, randomDigits, sameHash } from './secrets';
import { Session } from './session.entity';
import { startSession } from './session.service';
import { User } from './user.entity';
import { emailCodeMail } from '../mail/templates';

const EMAIL_CODE_VALID_MS = 10 * MINUTE;
const MAX_SECOND_FACTOR_FAILURES = 5;
const TOTP_ISSUER = 'Registratie Datahub';

type Pending = { session: Session; user: User };

/** Before the second factor a session may only verify or resend the code (docs/security.md#sessions-and-login). */
async function pendingLogin(ctx: RequestContext, em: EntityManager): Promise<Pending | Refused> {
  const sessionId = ctx.actor.session && !ctx.actor.session.secondFactorPassed ? ctx.actor.session.id : null;
  const session = sessionId ? await em.findOne(Session, { id: sessionId, revokedAt: null }, { populate: ['user'] }) : null;
  if (!session) return refuse(ctx.actor.language, RefusalCode.NO_PENDING_LOGIN);
  return { session, user: session.user.getEntity() };
}

/** Counts a wrong code; the fifth ends the session, so guessing needs a new password login each time. */
async function wrongCode(ctx: RequestContext, em: EntityManager, pending: Pending, method: string): Promise<Refused> {
  pending.session.secondFactorFailures += 1;
  const exhausted = pending.session.secondFactorFailures >= MAX_SECOND_FACTOR_FAILURES;
  if (exhausted) pending.session.revokedAt = ctx.services.clock.now();
  await em.flush();
  await recordAudit(em, ctx.actor, {
    event: AuditEventType.LOGIN_FAILURE,
    action: `verify${method}`,
    objectType: 'Session',
    objectId: pending.session.id,
    subjectUserId: pending.user.id,
    subjectEmail: pending.user.email,
    detail: exhausted ? 'SECOND_FACTOR_ATTEMPTS_EXHAUSTED' : 'WRONG_CODE',
  });
  return refuse(ctx.actor.language, exhausted ? RefusalCode.TOO_MANY_CODE_ATTEMPTS : RefusalCode.INVALID_CODE, { field: 'code' });
}

/** Second factor passed: a new session id again (ASVS 7.2.4), and this browser is trusted for 4 hours. */
async function complete(ctx: RequestContext, em: EntityManager, pending: Pending, method: string): Promise<LoginStep> {
  const session = await startSession(ctx, em, pending.user, true);
  const expires = ctx.services.clock.now().getTime() + DEVICE_TRUST_MS;
  setDeviceCookie(ctx.request, ctx.response, ctx.services.keys.sign(`${pending.user.id}.${expires}`));
  await recordAudit(
    em,
    { ...ctx.actor, channel: `SESSION:${session.id}` },
    {
      event: AuditEventType.LOGIN,
      action: `verify${method}`,
      objectType: 'Session',
      objectId: session.id,
      subjectUserId: pending.user.id,
      subjectEmail: pending.user.email,
      detail: 'SECOND_FACTOR_OK',
    },
  );
  return Object.assign(new LoginStep(), { stage: LoginStage.SIGNED_IN });
}

/** A new TOTP secret for a user without one; it becomes active once a code from it is verified. */
export async function startTotpSetup(ctx: RequestContext): Promise<TotpSetup | Refused> {
  return ctx.em.transactional(async (em) => {
    const pending = await pendingLogin(ctx, em);
    if (!('session' in pending)) return pending;
    if (pending.user.totpEnabled) return refuse(ctx.actor.language, RefusalCode.TOTP_ALREADY_SET_UP);
    const secret = generateSecret();
    pending.user.totpSecretSealed = ctx.services.keys.seal(secret);
    await em.flush();
    return Object.assign(new TotpSetup(), { secret, uri: generateURI({ issuer: TOTP_ISSUER, label: pending.user.email, secret }) });
  });
}

/** Checks an authenticator code (one step of clock drift either way; never the same step twice). */
export async function verifyTotp(ctx: RequestContext, code: string): Promise<LoginStep | Refused> {
  return ctx.em.transactional(async (em) => {
    const pending = await pendingLogin(ctx, em);
    if (!('session' in pending)) return pending;
    const { user } = pending;
    if (!user.totpSecretSealed) return refuse(ctx.actor.language, RefusalCode.TOTP_NOT_SET_UP);
    const result = /^\d{6}$/.test(code)
      ? verifySync({
          secret: ctx.services.keys.unseal(user.totpSecretSealed),
          token: code,
          epoch: Math.floor(ctx.services.clock.now().getTime() / 1000),
          epochTolerance: 30,
          ...(user.totpLastStep ? { afterTimeStep: Number(user.totpLastStep) } : {}),
        })
      : { valid: false as const };
    if (!result.valid) return wrongCode(ctx, em, pending, 'Totp');
    // otplib's TOTP result carries the matched time step; remembering it refuses a replayed code.
    user.totpLastStep = String('timeStep' in result ? result.timeStep : Math.floor(ctx.services.clock.now().getTime() / 30000));
    user.totpEnabled = true;
    await em.flush();
    return complete(ctx, em, pending, 'Totp');
  });
}

/** The fallback second factor: a 6-digit code by mail, valid 10 minutes, for this session only. */
export async function sendEmailCode(ctx: RequestContext): Promise<Done | Refused> {
  const outcome = await ctx.em.transactional(async (em) => {
    const pending = await pendingLogin(ctx, em);
    if (!('session' in pending)) return pending;
    const now = ctx.services.clock.now();
    await em.nativeUpdate(OneTimeSecret, { session: pending.session.id, usedAt: null }, { usedAt: now });
    const code = randomDigits(6);
    em.create(OneTimeSecret, {
      purpose: OneTimeSecretPurpose.EMAIL_CODE,
      user: pending.user,
      session: pending.session,
      secretHash: hashToken(code),
      expiresAt: new Date(now.getTime() + EMAIL_CODE_VALID_MS),
    });
    await em.flush();
    return { user: pending.user, code };
  });
  if (isRefusal(outcome)) return outcome;
  await ctx.services.mailer.send(emailCodeMail(outcome.user, outcome.code));
  return new Done();
}

export async function verifyEmailCode(ctx: RequestContext, code: string): Promise<LoginStep | Refused> {
  return ctx.em.transactional(async (em) => {
    const pending = await pendingLogin(ctx, em);
    if (!('session' in pending)) return pending;
    const now = ctx.services.clock.now();
    const secret = await em.findOne(OneTimeSecret, {
      purpose: OneTimeSecretPurpose.EMAIL_CODE,
      session: pending.session.id,
      usedAt: null,
      expiresAt: { $gt: now },
    });
    if (!secret || !/^\d{6}$/.test(code) || !sameHash(secret.secretHash, hashToken(code))) return wrongCode(ctx, em, pending, 'EmailCode');
    secret.usedAt = now;
    await em.flush();
    return complete(ctx, em, pending, 'EmailCode');
  });
}
