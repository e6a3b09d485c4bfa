import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { notFound, type Refused } from '../kernel/refusal';
import { isUuid } from '../common/ids';
import { isHubStaff } from '../kernel/actor';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { hashToken, randomToken } from './secrets';
import { Session } from './session.entity';
import type { LoggedOut } from './auth.types';
import type { User } from './user.entity';

/**
 * Starts a new session (a new random id, ASVS 7.2.4) for the user and sets its cookie; the session
 * the request came with, if any, ends. `secondFactorPassed` marks a fully signed-in session.
 */
export async function startSession(ctx: RequestContext, em: EntityManager, user: User, secondFactorPassed: boolean): Promise<Session> {
  const now = ctx.services.clock.now();
  if (ctx.actor.session) await em.nativeUpdate(Session, { id: ctx.actor.session.id, revokedAt: null }, { revokedAt: now });
  const token = randomToken(16);
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    user,
    createdAt: now,
    lastSeenAt: now,
    secondFactorAt: secondFactorPassed ? now : null,
    address: ctx.actor.address,
    userAgent: ctx.actor.userAgent,
  });
  await em.flush();
  setSessionCookie(ctx.request, ctx.response, token);
  return session;
}

/** Ends every live session of a user (deactivation, password reset). */
export async function endSessionsOfUser(em: EntityManager, userId: string, now: Date): Promise<number> {
  return em.nativeUpdate(Session, { user: userId, revokedAt: null }, { revokedAt: now });
}

export async function logout(ctx: RequestContext): Promise<LoggedOut> {
  const session = ctx.actor.session;
  clearSessionCookie(ctx.request, ctx.response);
  if (!session) return { sessionEnded: false };
  await ctx.em.transactional(async (em) => {
    await em.nativeUpdate(Session, { id: session.id }, { revokedAt: ctx.services.clock.now() });
    await recordAudit(em, ctx.actor, { event: AuditEventType.LOGOUT, action: 'logout', objectType: 'Session', objectId: session.id });
  });
  return { sessionEnded: true };
}

/** The user's live sessions, newest first. */
export async function listOwnSessions(ctx: RequestContext): Promise<Session[]> {
  const userId = ctx.actor.user?.id;
  if (!userId) return [];
  return ctx.em.find(Session, { user: userId, revokedAt: null }, { orderBy: { lastSeenAt: 'desc' } });
}

/** Hub staff: another user's live sessions, to end them (ISSUE 3: hub staff can end anyone's). */
export async function listSessionsOfUser(ctx: RequestContext, userId: string): Promise<Session[]> {
  if (!isUuid(userId)) return [];
  return ctx.em.find(Session, { user: userId, revokedAt: null }, { orderBy: { lastSeenAt: 'desc' } });
}

/** Users end their own sessions; hub staff anyone's. Someone else's session is "not found". */
export async function endSession(ctx: RequestContext, sessionId: string): Promise<Session | Refused> {
  const session = isUuid(sessionId) ? await ctx.em.findOne(Session, { id: sessionId }) : null;
  if (!session || (!isHubStaff(ctx.actor) && session.user.id !== ctx.actor.user?.id)) {
    await recordRefusal(ctx, { action: 'endSession', objectType: 'Session', objectId: sessionId, ofUser: session?.user.id ?? null });
    return notFound(ctx.actor.language, 'session');
  }
  await ctx.em.transactional(async (em) => {
    session.revokedAt ??= ctx.services.clock.now();
    await em.nativeUpdate(Session, { id: session.id, revokedAt: null }, { revokedAt: session.revokedAt });
    await recordAudit(em, ctx.actor, { event: AuditEventType.UPDATE, action: 'endSession', objectType: 'Session', objectId: session.id });
  });
  if (session.id === ctx.actor.session?.id) clearSessionCookie(ctx.request, ctx.response);
  return session;
}
