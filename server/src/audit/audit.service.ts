import type { EntityManager } from '@mikro-orm/postgresql';
import { describeRoles, type Actor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { AuditEvent, AuditEventType, AuditOutcome, outcomeOf } from './audit-event.entity';

export interface AuditEntry {
  event: AuditEventType;
  action: string;
  objectType?: string;
  objectId?: string | null;
  institutionId?: string | null;
  detail?: string;
  /** When the actor is not yet known (e.g. a failed login), whom it was about. */
  subjectUserId?: string | null;
  subjectEmail?: string | null;
}

/** The institution a user belongs to (through their organisation), for events about them. */
async function institutionOfUser(em: EntityManager, userId: string): Promise<string | null> {
  const rows = await em
    .getConnection()
    .execute<{ institution_id: string | null }[]>('select o.institution_id from app_user u join organisation o on o.id = u.organisation_id where u.id = ?', [
      userId,
    ]);
  return rows[0]?.institution_id ?? null;
}

/**
 * The actions whose refusal or failure a request has already audited (keyed by the request's
 * actor), so the central audit of refused mutations (refused-mutations.ts) does not write a second row.
 */
const refusalsAudited = new WeakMap<Actor, Set<string>>();

export function refusalAudited(actor: Actor, action: string): boolean {
  return refusalsAudited.get(actor)?.has(action) ?? false;
}

/**
 * Inserts an audit row through `em`: inside a transaction it commits or rolls back with the change
 * it records; a failure throws, so a read whose audit row cannot be written fails too (NEN 7513).
 */
export async function recordAudit(em: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
  // An event without an object institution is about the acting (or subject) user's own institution,
  // so local administrators see their colleagues' logins and refusals too.
  const institutionId = entry.institutionId ?? actor.user?.institutionId ?? (entry.subjectUserId ? await institutionOfUser(em, entry.subjectUserId) : null);
  if (outcomeOf(entry.event) !== AuditOutcome.SUCCESS) {
    const actions = refusalsAudited.get(actor) ?? new Set<string>();
    actions.add(entry.action);
    refusalsAudited.set(actor, actions);
  }
  await em.insert(AuditEvent, {
    event: entry.event,
    action: entry.action,
    actorUserId: actor.user?.id ?? entry.subjectUserId ?? null,
    actorEmail: actor.user?.email ?? entry.subjectEmail ?? null,
    actorOrganisationId: actor.user?.organisationId ?? actor.token?.organisationId ?? null,
    actorRoles: describeRoles(actor) || null,
    channel: actor.channel,
    onBehalfOf: actor.token?.organisationId && !actor.user ? `organisation:${actor.token.organisationId}` : null,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    institutionId,
    address: actor.address,
    userAgent: actor.userAgent,
    detail: entry.detail ?? null,
  });
}

/**
 * A refused read or change of an object that is not the actor's, or of an id that does not exist
 * (the two get the same answer, so both are recorded alike). Written through a fork of its own, so
 * it stays when the refused operation's transaction rolls back. The row carries the object's
 * institution (`institutionId`, or that of the user `ofUser` when the object belongs to a user),
 * so that institution's administrators see the attempt.
 */
export async function recordRefusal(
  ctx: { services: Pick<AppServices, 'orm'>; actor: Actor },
  entry: Pick<AuditEntry, 'action' | 'objectType' | 'objectId' | 'institutionId' | 'detail'> & { ofUser?: string | null },
): Promise<void> {
  const em = ctx.services.orm.em.fork();
  const institutionId = entry.institutionId ?? (entry.ofUser ? await institutionOfUser(em, entry.ofUser) : null);
  await recordAudit(em, ctx.actor, {
    event: AuditEventType.AUTHORISATION_FAILURE,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    institutionId,
    detail: entry.detail ?? 'NOT_FOUND',
  });
}

/**
 * A change refused by a rule (REFUSAL, with the refusal code as detail), written through a fork of
 * its own like `recordRefusal`. The row carries the institution of the user it was about (`ofUser`),
 * else the actor's own, so both that institution's administrators and hub staff see it.
 */
export async function recordRefusedChange(
  ctx: { services: Pick<AppServices, 'orm'>; actor: Actor },
  entry: { action: string; objectType: string | null; objectId: string | null; code: string; ofUser: string | null },
): Promise<void> {
  const em = ctx.services.orm.em.fork();
  const institutionId = entry.ofUser ? await institutionOfUser(em, entry.ofUser) : null;
  await recordAudit(em, ctx.actor, {
    event: AuditEventType.REFUSAL,
    action: entry.action,
    objectType: entry.objectType ?? undefined,
    objectId: entry.objectId ?? null,
    institutionId,
    detail: entry.code,
  });
}
