import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../kernel/context';
import { type Actor, isHubStaff } from '../kernel/actor';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { randomToken } from '../access/secrets';
import { isUuid } from '../common/ids';
import { type Connection, connectionTypes, definePaging, findPage, type PageArgs } from '../common/pagination';
import { processorOrganisations } from '../authorisations/module';
import { Notice } from './notice.entity';
import { NoticeEndpoint } from './notice-endpoint.entity';
import { checkNoticeUrl } from './notice-url';
import { NoticeEndpointWithSecret } from './notice.types';

/** Newest first. */
export const NOTICE_PAGING = definePaging({
  tag: 'notices',
  keys: [
    { column: 'e.created_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 20,
  maxSize: 50,
});

export const { Connection: NoticeConnection } = connectionTypes(() => Notice, {
  name: 'Notice',
  description: "A page of a processor organisation's notices, newest first.",
});

/** A new signing secret: 256 random bits, URL-safe, prefixed so it is recognised in a vault. */
function newSecret(): string {
  return `dhn_${randomToken(32)}`;
}

/**
 * The processor organisation an operation is about: the given one when it is one of the actor's
 * (or any, for hub staff reading), else the actor's only processor organisation; null otherwise.
 */
function organisationFor(actor: Actor, given: string | null | undefined, read: boolean): string | null {
  if (given) {
    if (!isUuid(given)) return null;
    if (read && isHubStaff(actor)) return given;
    return processorOrganisations(actor).includes(given) ? given : null;
  }
  const own = processorOrganisations(actor);
  return own.length === 1 ? (own[0] as string) : null;
}

/** The organisation's endpoint as stored (active or removed); null when it has none or it is not the caller's to see. */
export async function noticeEndpointOf(ctx: RequestContext, organisationId: string | null | undefined): Promise<NoticeEndpoint | null> {
  const organisation = organisationFor(ctx.actor, organisationId, true);
  return organisation ? ctx.em.findOne(NoticeEndpoint, { organisationId: organisation }) : null;
}

const noEndpoint = (ctx: RequestContext) => refuse(ctx.actor.language, RefusalCode.NO_NOTICE_ENDPOINT);

/** Registers (or replaces) the organisation's endpoint with a new secret, shown this once. Audited. */
export async function registerNoticeEndpoint(
  ctx: RequestContext,
  rawUrl: string,
  organisationId: string | null | undefined,
): Promise<NoticeEndpointWithSecret | Refused> {
  const checked = checkNoticeUrl(rawUrl, ctx.services.config.noticesAllowLocalHttp);
  if (!checked.ok) return refuse(ctx.actor.language, checked.code, { field: 'url' });
  const organisation = organisationFor(ctx.actor, organisationId, false);
  if (!organisation) return refuse(ctx.actor.language, RefusalCode.FORBIDDEN, { field: 'organisationId' });
  const secret = newSecret();
  return ctx.em.transactional(async (tx) => {
    const now = ctx.services.clock.now();
    const existing = await tx.findOne(NoticeEndpoint, { organisationId: organisation }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const endpoint =
      existing ??
      tx.create(NoticeEndpoint, { organisationId: organisation, url: checked.url, createdAt: now, updatedAt: now, createdBy: ctx.actor.user?.id ?? null });
    Object.assign(endpoint, { url: checked.url, sealedSecret: ctx.services.keys.seal(secret), active: true, updatedAt: now });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: existing ? AuditEventType.UPDATE : AuditEventType.CREATE,
      action: 'registerNoticeEndpoint',
      objectType: 'NoticeEndpoint',
      objectId: endpoint.id,
      detail: checked.url,
    });
    return Object.assign(new NoticeEndpointWithSecret(), { endpoint, secret });
  });
}

/** A new secret for the active endpoint, shown this once; the old one stops signing at once. Audited. */
export async function rotateNoticeSecret(ctx: RequestContext, organisationId: string | null | undefined): Promise<NoticeEndpointWithSecret | Refused> {
  const organisation = organisationFor(ctx.actor, organisationId, false);
  if (!organisation) return noEndpoint(ctx);
  const secret = newSecret();
  return ctx.em.transactional(async (tx) => {
    const endpoint = await tx.findOne(NoticeEndpoint, { organisationId: organisation, active: true });
    if (!endpoint) return noEndpoint(ctx);
    Object.assign(endpoint, { sealedSecret: ctx.services.keys.seal(secret), updatedAt: ctx.services.clock.now() });
    await tx.flush();
    await recordAudit(tx, ctx.actor, { event: AuditEventType.UPDATE, action: 'rotateNoticeSecret', objectType: 'NoticeEndpoint', objectId: endpoint.id });
    return Object.assign(new NoticeEndpointWithSecret(), { endpoint, secret });
  });
}

/** Stops notices: the endpoint becomes inactive and its secret is forgotten; pending notices are dropped when their turn comes. Audited. */
export async function removeNoticeEndpoint(ctx: RequestContext, organisationId: string | null | undefined): Promise<NoticeEndpoint | Refused> {
  const organisation = organisationFor(ctx.actor, organisationId, false);
  if (!organisation) return noEndpoint(ctx);
  return ctx.em.transactional(async (tx) => {
    const endpoint = await tx.findOne(NoticeEndpoint, { organisationId: organisation, active: true });
    if (!endpoint) return noEndpoint(ctx);
    Object.assign(endpoint, { active: false, sealedSecret: null, updatedAt: ctx.services.clock.now() });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.DELETE,
      action: 'removeNoticeEndpoint',
      objectType: 'NoticeEndpoint',
      objectId: endpoint.id,
      detail: endpoint.url,
    });
    return endpoint;
  });
}

/** The organisation's notices, newest first; empty for an organisation that is not the caller's. */
export async function listNotices(ctx: RequestContext, organisationId: string | null | undefined, args: PageArgs): Promise<Connection<Notice>> {
  const window = NOTICE_PAGING.window(args, ctx.actor.language);
  const organisation = organisationFor(ctx.actor, organisationId, true);
  if (!organisation) return NOTICE_PAGING.empty(window);
  return findPage(ctx.em, Notice, { organisationId: organisation }, NOTICE_PAGING, window);
}
