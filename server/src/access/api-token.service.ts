import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { findPage, type PageArgs } from '../common/pagination';
import { API_TOKEN_PAGING, type CountedPage } from './access.paging';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { DAY } from '../common/clock';
import { isHubStaff } from '../kernel/actor';
import { ApiToken } from './api-token.entity';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { isUuid } from '../common/ids';
import { messages } from '../common/messages';
import { Organisation, OrganisationKind } from './organisation.entity';
import { hashToken, randomToken } from './secrets';
import type { User } from './user.entity';

export const MAX_TOKEN_DAYS = 365;
const TOKEN_PREFIX = 'dh_';

export interface NewApiToken {
  token: string;
  apiToken: ApiToken;
}

/** Makes the token; the caller's transaction holds the row and its audit event together. */
export async function issueToken(
  em: EntityManager,
  owner: { user?: User; organisation?: Organisation },
  name: string,
  days: number,
  now: Date,
  createdBy: string | null,
): Promise<NewApiToken> {
  const token = TOKEN_PREFIX + randomToken(32);
  const apiToken = em.create(ApiToken, {
    name: name.trim().slice(0, 100),
    tokenHash: hashToken(token),
    prefix: token.slice(0, 10),
    user: owner.user ?? null,
    organisation: owner.organisation ?? null,
    createdBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * DAY),
  });
  await em.flush();
  return { token, apiToken };
}

/**
 * A signed-in user makes a token for themselves (it carries their roles, never more); hub staff also
 * for a processor organisation. A token cannot make tokens.
 */
export async function createApiToken(
  ctx: RequestContext,
  input: { name: string; days: number; organisationId?: string | null },
): Promise<NewApiToken | Refused> {
  const language = ctx.actor.language;
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_TOKEN_DAYS) {
    return refuse(language, RefusalCode.INVALID_EXPIRY, { params: { max: MAX_TOKEN_DAYS }, field: 'days' });
  }
  if (ctx.actor.token || !ctx.actor.user) return refuse(language, RefusalCode.FORBIDDEN, { detail: 'TOKEN_CANNOT_MAKE_TOKENS' });
  const userId = ctx.actor.user.id;
  return ctx.em.transactional(async (em) => {
    let owner: { user?: User; organisation?: Organisation };
    if (input.organisationId) {
      if (!isHubStaff(ctx.actor)) return refuse(language, RefusalCode.HUB_STAFF_ONLY);
      const organisation = isUuid(input.organisationId) ? await em.findOne(Organisation, { id: input.organisationId, kind: OrganisationKind.PROCESSOR }) : null;
      if (!organisation)
        return refuse(language, RefusalCode.ROLE_SCOPE, {
          params: { role: 'PROCESSOR', scope: messages(language).roleScope.ORGANISATION },
          field: 'organisationId',
        });
      owner = { organisation };
    } else {
      owner = { user: em.getReference('User', userId) as User };
    }
    const issued = await issueToken(em, owner, input.name, input.days, ctx.services.clock.now(), userId);
    await recordAudit(em, ctx.actor, { event: AuditEventType.CREATE, action: 'createApiToken', objectType: 'ApiToken', objectId: issued.apiToken.id });
    return issued;
  });
}

export async function listApiTokens(ctx: RequestContext, organisationId: string | null, page: PageArgs): Promise<CountedPage<ApiToken>> {
  const window = API_TOKEN_PAGING.window(page, ctx.actor.language);
  const where = organisationId
    ? isHubStaff(ctx.actor) && isUuid(organisationId)
      ? { organisation: organisationId }
      : null
    : ctx.actor.user
      ? { user: ctx.actor.user.id }
      : null;
  if (!where) return { ...API_TOKEN_PAGING.empty<ApiToken>(window), totalCount: 0 };
  return { ...(await findPage(ctx.em, ApiToken, where, API_TOKEN_PAGING, window)), totalCount: await ctx.em.count(ApiToken, where) };
}

/** Owners revoke their own tokens; hub staff any. Someone else's token is "not found". */
export async function revokeApiToken(ctx: RequestContext, tokenId: string): Promise<ApiToken | Refused> {
  const token = isUuid(tokenId) ? await ctx.em.findOne(ApiToken, { id: tokenId }) : null;
  if (!token || !(isHubStaff(ctx.actor) || (token.user && token.user.id === ctx.actor.user?.id))) {
    await recordRefusal(ctx, { action: 'revokeApiToken', objectType: 'ApiToken', objectId: tokenId, ofUser: token?.user?.id ?? null });
    return notFound(ctx.actor.language, 'apiToken');
  }
  await ctx.em.transactional(async (em) => {
    token.revokedAt ??= ctx.services.clock.now();
    await em.nativeUpdate(ApiToken, { id: token.id }, { revokedAt: token.revokedAt });
    await recordAudit(em, ctx.actor, { event: AuditEventType.UPDATE, action: 'revokeApiToken', objectType: 'ApiToken', objectId: token.id });
  });
  return token;
}
