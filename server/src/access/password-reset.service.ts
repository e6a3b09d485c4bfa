import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { passwordResetMail } from '../mail/templates';
import { HOUR } from '../common/clock';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Done } from './auth.types';
import { clearFailures } from './login-lockout';
import { normaliseEmail } from './login.service';
import { OneTimeSecret, OneTimeSecretPurpose } from './one-time-secret.entity';
import { hashPassword, passwordProblem, passwordRefusal } from './password';
import { hashToken, randomToken } from './secrets';
import { endSessionsOfUser } from './session.service';
import { User } from './user.entity';

const RESET_VALID_MS = HOUR;

/** Always answers the same, whether or not the address has an account (no account discovery). */
export async function requestPasswordReset(ctx: RequestContext, emailInput: string): Promise<Done> {
  const email = normaliseEmail(emailInput);
  const token = randomToken();
  const user = await ctx.em.transactional(async (em) => {
    const found = await em.findOne(User, { email, active: true });
    const now = ctx.services.clock.now();
    if (found) {
      await em.nativeUpdate(OneTimeSecret, { user: found.id, purpose: OneTimeSecretPurpose.PASSWORD_RESET, usedAt: null }, { usedAt: now });
      em.create(OneTimeSecret, {
        purpose: OneTimeSecretPurpose.PASSWORD_RESET,
        user: found,
        secretHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_VALID_MS),
      });
      await em.flush();
    }
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'requestPasswordReset',
      objectType: 'User',
      objectId: found?.id ?? null,
      subjectUserId: found?.id,
      subjectEmail: found?.email,
      detail: found ? 'SENT' : 'UNKNOWN_ACCOUNT',
    });
    return found;
  });
  if (user) await ctx.services.mailer.send(passwordResetMail(user, `${ctx.services.config.publicUrl}/reset-password/${token}`));
  return new Done();
}

/** The link works once within the hour; the new password ends every session of the account. */
export async function resetPassword(ctx: RequestContext, token: string, password: string): Promise<Done | Refused> {
  const language = ctx.actor.language;
  const problem = passwordProblem(password);
  if (problem) return passwordRefusal(language, problem);
  const passwordHash = await hashPassword(password);
  return ctx.em.transactional(async (em) => {
    const now = ctx.services.clock.now();
    const secret = await em.findOne(
      OneTimeSecret,
      { purpose: OneTimeSecretPurpose.PASSWORD_RESET, secretHash: hashToken(token), usedAt: null, expiresAt: { $gt: now } },
      { populate: ['user'] },
    );
    const user = secret?.user.getEntity();
    if (!secret || !user?.active) return refuse(language, RefusalCode.INVALID_LINK);
    secret.usedAt = now;
    user.passwordHash = passwordHash;
    await clearFailures(em, ctx.services.keys.lookup(user.email));
    await endSessionsOfUser(em, user.id, now);
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'resetPassword',
      objectType: 'User',
      objectId: user.id,
      subjectUserId: user.id,
      subjectEmail: user.email,
    });
    return new Done();
  });
}
