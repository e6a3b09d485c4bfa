import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { type Clock, HOUR, MINUTE } from '../common/clock';
import { dataVersions, VersionedCache } from '../common/data-versions';
import { anonymousActor, type Actor, type Grant } from '../kernel/actor';
import { ApiToken } from './api-token.entity';
import { readSessionCookie } from './cookies';
import { Role } from '../kernel/role';
import { RoleAssignment } from './role-assignment.entity';
import { hashToken } from './secrets';
import { Session } from './session.entity';
import { User } from './user.entity';

export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;

/** The language the client asks for (the console sends its own), or null when it names neither. */
function requestLanguage(request: Request): 'nl' | 'en' | null {
  if (!request.get('accept-language')) return null;
  const preferred = request.acceptsLanguages('nl', 'en');
  return preferred === 'en' || preferred === 'nl' ? preferred : null;
}

/**
 * The user's roles as they hold now. A role at a deactivated institution or organisation, and every
 * role of a user whose own organisation is deactivated, is left out: deactivation ends access on
 * the very next request, sessions and tokens alike.
 */
export async function loadGrants(em: EntityManager, userId: string): Promise<Grant[]> {
  const assignments = await em.find(RoleAssignment, { user: userId }, { populate: ['institution', 'organisation', 'user.organisation'] });
  const working = assignments.filter(
    (assignment) =>
      assignment.user.getEntity().organisation.getEntity().active &&
      (assignment.institution?.getEntity().active ?? true) &&
      (assignment.organisation?.getEntity().active ?? true),
  );
  return working.map((assignment) => ({
    role: assignment.role,
    institutionId: assignment.institution?.id ?? null,
    institutionCode: assignment.institution?.getEntity().code ?? null,
    registryId: assignment.registry?.id ?? null,
    subDeliveryId: assignment.subDelivery?.id ?? null,
    organisationId: assignment.organisation?.id ?? null,
  }));
}

type ActorUser = NonNullable<Actor['user']>;

function actorUser(user: User): ActorUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisationId: user.organisation.id,
    institutionId: user.organisation.getEntity().institution?.id ?? null,
    language: user.language,
  };
}

/** Messages follow the screen's language when the client names one, else the user's own setting. */
function userActor(base: Actor, user: ActorUser, grants: Grant[], screenLanguage: 'nl' | 'en' | null): Actor {
  return { ...base, user: { ...user }, grants: grants.map((grant) => ({ ...grant })), language: screenLanguage ?? (user.language === 'en' ? 'en' : 'nl') };
}

/** The session behind the cookie, if it is live; an idle or too old one is ended and audited. */
async function fromSession(em: EntityManager, clock: Clock, base: Actor, cookie: string, screenLanguage: 'nl' | 'en' | null): Promise<Actor> {
  const session = await em.findOne(Session, { tokenHash: hashToken(cookie), revokedAt: null }, { populate: ['user', 'user.organisation'] });
  if (!session) return base;
  const now = clock.now();
  const user = session.user.getEntity();
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  const tooOld = now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_MS;
  if (idle || tooOld || !user.active) {
    session.revokedAt = now;
    await em.flush();
    if (idle || tooOld) {
      await recordAudit(
        em,
        { ...base, channel: `SESSION:${session.id}` },
        {
          event: AuditEventType.SESSION_EXPIRED,
          action: 'session',
          objectType: 'Session',
          objectId: session.id,
          subjectUserId: user.id,
          subjectEmail: user.email,
          detail: idle ? 'IDLE_LIMIT' : 'ABSOLUTE_LIMIT',
        },
      );
    }
    return base;
  }
  session.lastSeenAt = now;
  await em.flush();
  const actor = userActor(
    { ...base, channel: `SESSION:${session.id}` },
    actorUser(user),
    session.secondFactorAt ? await loadGrants(em, user.id) : [],
    screenLanguage,
  );
  return { ...actor, session: { id: session.id, secondFactorPassed: session.secondFactorAt != null } };
}

/** What a valid bearer token stands for, as read from the database; `user` null for an organisation's token. */
interface TokenOwner {
  id: string;
  organisationId: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  user: ActorUser | null;
  grants: Grant[];
}

/**
 * Valid tokens by hash, for one `access` data version (common/data-versions.ts): revoking a token,
 * deactivating its user or changing their roles bumps it when it commits, so the next request
 * looks the token up again. Expiry is checked on every use; unknown tokens are not kept.
 */
export class TokenCache extends VersionedCache<TokenOwner> {
  constructor() {
    super(10_000);
  }
}

async function lookUpToken(em: EntityManager, hash: string, now: Date): Promise<TokenOwner | null> {
  const apiToken = await em.findOne(
    ApiToken,
    { tokenHash: hash, revokedAt: null, expiresAt: { $gt: now } },
    { populate: ['user', 'user.organisation', 'organisation'] },
  );
  // A deactivated processor organisation's tokens stop with it (its users' roles stop in loadGrants).
  if (!apiToken || apiToken.organisation?.getEntity().active === false) return null;
  const owner = { id: apiToken.id, organisationId: apiToken.organisation?.id ?? null, expiresAt: apiToken.expiresAt, lastUsedAt: apiToken.lastUsedAt ?? null };
  if (!apiToken.user) return { ...owner, user: null, grants: [] };
  const user = apiToken.user.getEntity();
  if (!user.active) return null;
  return { ...owner, user: actorUser(user), grants: await loadGrants(em, user.id) };
}

/** A bearer token carries its owner's roles, never more: a user's current grants, or PROCESSOR of its organisation. */
async function fromToken(
  em: EntityManager,
  clock: Clock,
  request: Request,
  base: Actor,
  token: string,
  screenLanguage: 'nl' | 'en' | null,
  tokens: TokenCache | null,
): Promise<Actor | null> {
  const now = clock.now();
  const hash = hashToken(token);
  const version = tokens ? (await dataVersions(em, request)).access : 0n;
  let owner = tokens?.peek(version, hash);
  if (!owner || owner.expiresAt.getTime() <= now.getTime()) {
    owner = (await lookUpToken(em, hash, now)) ?? undefined;
    if (!owner) return null;
    tokens?.set(version, hash, owner);
  }
  // At most one write a minute per token: a dashboard polling with one token must not queue every
  // request behind a write to the same row.
  if (!owner.lastUsedAt || now.getTime() - owner.lastUsedAt.getTime() > 60_000) {
    owner.lastUsedAt = now;
    await em.nativeUpdate(ApiToken, { id: owner.id }, { lastUsedAt: now });
  }
  const tokenInfo = { id: owner.id, organisationId: owner.organisationId };
  const channel = `TOKEN:${owner.id}`;
  if (owner.user) return { ...userActor({ ...base, channel }, owner.user, owner.grants, screenLanguage), token: tokenInfo };
  const organisationId = tokenInfo.organisationId;
  const grants: Grant[] = organisationId
    ? [{ role: Role.PROCESSOR, institutionId: null, institutionCode: null, registryId: null, subDeliveryId: null, organisationId }]
    : [];
  return { ...base, channel, token: tokenInfo, grants };
}

export class InvalidTokenError extends Error {}

/** Reads the actor from `Authorization: Bearer …` (through `tokens` when given) or the session cookie; anonymous otherwise. */
export async function authenticate(em: EntityManager, clock: Clock, request: Request, tokens: TokenCache | null = null): Promise<Actor> {
  const screenLanguage = requestLanguage(request);
  const base = anonymousActor(request.ip ?? null, request.get('user-agent')?.slice(0, 300) ?? null, screenLanguage ?? 'nl');
  const authorization = request.get('authorization');
  if (authorization) {
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization);
    const actor = match?.[1] ? await fromToken(em, clock, request, base, match[1], screenLanguage, tokens) : null;
    if (!actor) throw new InvalidTokenError('invalid token');
    return actor;
  }
  const cookie = readSessionCookie(request);
  return cookie ? fromSession(em, clock, base, cookie, screenLanguage) : base;
}

declare module '../kernel/services' {
  interface AppServices {
    /** Valid bearer tokens of this process, invalidated through the database. */
    tokenCache: TokenCache;
  }
}
