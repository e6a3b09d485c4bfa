import type { EntityManager } from '@mikro-orm/postgresql';
import { describeRoles, type Actor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { AuditEvent, AuditEventType } from './audit-event.entity';

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
 * Inserts an audit row through `em`: inside a transaction it commits or rolls back with the change
 * it records; a failure throws, so a read whose audit row cannot be written fails too (NEN 7513).
 */
export async function recordAudit(em: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
  // An event without an object institution is about the acting (or subject) user's own institution,
  // so local administrators see their colleagues' logins and refusals too.
  const institutionId = entry.institutionId ?? actor.user?.institutionId ?? (entry.subjectUserId ? await institutionOfUser(em, entry.subjectUserId) : null);
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
