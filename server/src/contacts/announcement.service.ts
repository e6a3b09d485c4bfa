import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { connectionTypes, type Connection, definePaging, findPage, type PageArgs } from '../common/pagination';
import { fillIn, messages } from '../common/messages';
import type { Mail } from '../mail/mailer';
import { Registry } from '../registries/registry.entity';
import { Announcement, type AnnouncementRecipient } from './announcement.entity';
import { RegistryContact } from './registry-contact.entity';

export const ANNOUNCEMENT_PAGING = definePaging({
  tag: 'announcements',
  keys: [
    { column: 'e.sent_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 20,
  maxSize: 100,
});

export const { Connection: AnnouncementConnection } = connectionTypes(() => Announcement, {
  name: 'Announcement',
  description: 'A page of announcements of a registry, newest first.',
});

const SUBJECT_MAX = 200;
const BODY_MAX = 10000;

/** Contact persons have no language of their own: the hub's words come in Dutch, then English, as in invitations. */
function announcementMail(recipient: AnnouncementRecipient, registry: Registry, subject: string, body: string): Mail {
  const params = { registry: registry.code, institution: recipient.institutionCode, subject };
  const [nl, en] = [messages('nl').mail, messages('en').mail];
  return {
    to: recipient.email,
    subject: fillIn(nl.announcement.subject, params),
    text: `${body}\n\n-- \n${fillIn(nl.announcement.footer, params)}\n${fillIn(en.announcement.footer, params)}${nl.signature}`,
  };
}

/**
 * Hub staff mail a message to every contact person of the registry. The announcement and its list
 * of recipients are stored and audited in one transaction, then the mails go out; a mail that fails
 * is logged (by domain only) and leaves the others and the record standing.
 */
export async function sendAnnouncement(ctx: RequestContext, registryCode: string, subject: string, body: string): Promise<Announcement | Refused> {
  const language = ctx.actor.language;
  const registry = await ctx.em.findOne(Registry, { code: registryCode });
  if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: registryCode }, field: 'registry' });
  const cleanSubject = subject.trim();
  const cleanBody = body.trim();
  if (!cleanSubject || cleanSubject.length > SUBJECT_MAX)
    return refuse(language, RefusalCode.TEXT_REQUIRED, { params: { field: 'subject', max: SUBJECT_MAX }, field: 'subject' });
  if (!cleanBody || cleanBody.length > BODY_MAX)
    return refuse(language, RefusalCode.TEXT_REQUIRED, { params: { field: 'body', max: BODY_MAX }, field: 'body' });
  const contacts = await ctx.em.find(RegistryContact, { registry: registry.id }, { populate: ['institution'], orderBy: { email: 'asc', id: 'asc' } });
  if (contacts.length === 0) return refuse(language, RefusalCode.NO_RECIPIENTS, { params: { registry: registry.code }, field: 'registry' });
  const recipients: AnnouncementRecipient[] = contacts.map((contact) => ({
    name: contact.name,
    email: contact.email,
    institutionCode: contact.institution.getEntity().code,
  }));
  const announcement = await ctx.em.transactional(async (tx) => {
    const row = tx.create(Announcement, {
      registry: registry.id,
      subject: cleanSubject,
      body: cleanBody,
      sentBy: ctx.actor.user?.id ?? null,
      sentAt: ctx.services.clock.now(),
      recipients,
    });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'sendAnnouncement',
      objectType: 'Announcement',
      objectId: row.id,
      detail: `${registry.code} to ${recipients.length} contact persons`,
    });
    return row;
  });
  for (const recipient of recipients) {
    await ctx.services.mailer.send(announcementMail(recipient, registry, cleanSubject, cleanBody)).catch((error: unknown) => {
      ctx.services.logger.error({ err: error, announcement: announcement.id, toDomain: recipient.email.split('@')[1] ?? '?' }, 'announcement mail failed');
    });
  }
  return announcement;
}

/** What was sent to the registry's contact persons, newest first (hub staff). An unknown registry has none. */
export async function listAnnouncements(ctx: RequestContext, registryCode: string, page: PageArgs): Promise<Connection<Announcement>> {
  const window = ANNOUNCEMENT_PAGING.window(page, ctx.actor.language);
  const registry = await ctx.em.findOne(Registry, { code: registryCode });
  if (!registry) return ANNOUNCEMENT_PAGING.empty<Announcement>(window);
  return findPage(ctx.em, Announcement, { registry: registry.id }, ANNOUNCEMENT_PAGING, window);
}
