import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { systemActor, isHubStaff } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { Role } from '../kernel/role';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import type { FileUpload } from '../kernel/upload';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { fillIn, languageOf, messages } from '../common/messages';
import { parseIsoDate, todayInAmsterdam } from '../common/calendar';
import { definePaging, findPage, type PageArgs, type Connection } from '../common/pagination';
import { User } from '../access/user.entity';
import { RoleAssignment } from '../access/role-assignment.entity';
import type { Mail } from '../mail/mailer';
import { DataRequest } from './data-request.entity';
import { DataRequestQuote } from './data-request-quote.entity';
import { DataRequestState as S } from './data-request-state';
import { enter, forbiddenMove, isRequester, UUID } from './data-request.service';
import { findMove } from './lifecycle';
import { storeUpload } from './evidence';
import { addCalendarMonths, addDays } from './working-days';

const TEXT_MAX = 10_000;
const NAME_MAX = 200;

/** States whose request is (or was) approved: the register lists only these. */
export const APPROVED_STATES: readonly S[] = [
  S.APPROVED,
  S.APPROVED_WITH_CONDITIONS,
  S.QUOTE_SENT,
  S.QUOTE_SIGNED,
  S.DELIVERED,
  S.IN_USE,
  S.USAGE_ENDED,
  S.DESTRUCTION_CONFIRMED,
];

export interface DestructionInput {
  id: string;
  statement: string;
  name: string;
  function: string;
}

/**
 * The requester's statement that the data was destroyed (its organisation's users), or hub staff's
 * record of one received: statement, name, function and time, with optional evidence (PDF, PNG or
 * JPEG, judged by content, stored encrypted). Moves USAGE_ENDED → DESTRUCTION_CONFIRMED. Audited.
 */
export async function confirmDestruction(ctx: RequestContext, input: DestructionInput, evidence: FileUpload | null): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  const request = UUID.test(input.id) ? await ctx.em.findOne(DataRequest, { id: input.id }) : null;
  const refusal = ((): Refused | null => {
    if (!request || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, request))) return notFound(language, 'dataRequest');
    if (!findMove(request.state, S.DESTRUCTION_CONFIRMED)) return forbiddenMove(language, request.state, S.DESTRUCTION_CONFIRMED);
    if (!input.statement.trim() || input.statement.length > TEXT_MAX)
      return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'statement', params: { field: 'statement', max: TEXT_MAX } });
    for (const key of ['name', 'function'] as const) {
      if (!input[key].trim() || input[key].length > NAME_MAX)
        return refuse(language, RefusalCode.TEXT_REQUIRED, { field: key, params: { field: key, max: NAME_MAX } });
    }
    return null;
  })();
  if (refusal || !request) {
    evidence?.createReadStream().destroy();
    return refusal ?? notFound(language, 'dataRequest');
  }
  const stored = evidence ? await storeUpload(ctx, evidence, ['PDF', 'PNG', 'JPEG']) : null;
  if (stored && !('key' in stored)) return stored;
  try {
    const saved = await ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(DataRequest, { id: request.id });
      if (!findMove(row.state, S.DESTRUCTION_CONFIRMED)) return forbiddenMove(language, row.state, S.DESTRUCTION_CONFIRMED);
      Object.assign(row, {
        destructionStatement: input.statement.trim(),
        destructionName: input.name.trim(),
        destructionFunction: input.function.trim(),
        destructionConfirmedAt: ctx.services.clock.now(),
        destructionRecordedByHub: isHubStaff(ctx.actor),
        destructionEvidenceKey: stored?.key ?? null,
        destructionEvidenceSize: stored ? String(stored.size) : null,
        destructionEvidenceSha256: stored?.sha256 ?? null,
        destructionEvidenceType: stored?.type ?? null,
      });
      await enter(tx, ctx, row, S.DESTRUCTION_CONFIRMED, null, 'confirmDataRequestDestruction');
      if (stored) {
        await recordAudit(tx, ctx.actor, {
          event: AuditEventType.UPDATE,
          action: 'confirmDataRequestDestruction',
          objectType: 'DataRequest',
          objectId: row.id,
          institutionId: null,
          detail: `evidence ${stored.type} ${stored.size} bytes sha256:${stored.sha256}`,
        });
      }
      return row;
    });
    if (!(saved instanceof DataRequest) && stored) await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
    return saved;
  } catch (error) {
    if (stored) await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
    throw error;
  }
}

/** Stores an uploaded signed copy (PDF) of the quote; the caller signs within its own transaction. */
export async function storeSignedCopy(ctx: RequestContext, upload: FileUpload) {
  return storeUpload(ctx, upload, ['PDF']);
}

/** Hub staff mark an invoice paid on a day (audited); it then leaves the overdue list. */
export async function markInvoicePaid(ctx: RequestContext, id: string, paidOn: string): Promise<DataRequestQuote | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = UUID.test(id) ? await tx.findOne(DataRequest, { id }) : null;
    const quote = request ? await tx.findOne(DataRequestQuote, { request: request.id }) : null;
    if (!request || !quote) return notFound(language, 'dataRequest');
    if (!quote.invoiceDate) return refuse(language, RefusalCode.INVOICE_MISSING);
    if (!parseIsoDate(paidOn)) return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'paidOn', params: { field: 'paidOn', max: 10 } });
    quote.paidOn = paidOn;
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'markDataRequestInvoicePaid',
      objectType: 'DataRequest',
      objectId: request.id,
      institutionId: null,
      detail: `paid ${paidOn} (invoice ${quote.invoiceDate}, due ${quote.invoiceDueOn ?? '-'})`,
    });
    return quote;
  });
}

/** Hub staff publish an approved request in the register, or take it out (audited). */
export async function setRegisterEntry(ctx: RequestContext, id: string, published: boolean): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = UUID.test(id) ? await tx.findOne(DataRequest, { id }) : null;
    if (!request) return notFound(language, 'dataRequest');
    if (published && !APPROVED_STATES.includes(request.state)) return refuse(language, RefusalCode.NOT_IN_REGISTER);
    request.registerPublishedAt = published ? (request.registerPublishedAt ?? ctx.services.clock.now()) : null;
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'setDataRequestRegisterEntry',
      objectType: 'DataRequest',
      objectId: request.id,
      institutionId: null,
      detail: published ? 'published' : 'unpublished',
    });
    return request;
  });
}

/** The register, newest publication first. */
export const REGISTER_PAGING = definePaging({
  tag: 'dataRequestRegister',
  keys: [
    { column: 'e.register_published_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 20,
  maxSize: 50,
});

/** The published entries of the register of approved requests. */
export async function registerPage(ctx: RequestContext, args: PageArgs): Promise<Connection<DataRequest>> {
  const window = REGISTER_PAGING.window(args, ctx.actor.language);
  return findPage(ctx.em, DataRequest, { registerPublishedAt: { $ne: null }, state: { $in: [...APPROVED_STATES] } }, REGISTER_PAGING, window);
}

// ---------------------------------------------------------------- the periodic task

/** How long before the destruction deadline each reminder goes. */
export const REMINDER_MONTH_BEFORE = 1;
export const REMINDER_DAYS_BEFORE = 7;

async function organisationUsers(em: EntityManager, organisationId: string): Promise<User[]> {
  return em.find(User, { organisation: organisationId, active: true }, { orderBy: { email: 'asc' } });
}

async function hubStaff(em: EntityManager): Promise<User[]> {
  const assignments = await em.find(RoleAssignment, { role: Role.HUB_STAFF }, { populate: ['user'] });
  const users = new Map(assignments.map((row) => [row.user.getEntity().id, row.user.getEntity()]));
  return [...users.values()].filter((user) => user.active).sort((a, b) => a.email.localeCompare(b.email));
}

function reminderMail(user: User, request: DataRequest, which: 'month' | 'week', link: string): Mail {
  const mail = messages(languageOf(user.language)).mail;
  const words = mail.destructionReminder;
  const params = { id: request.id, dataset: request.dataset, ended: request.usageEndsOn ?? '', due: request.destructionDueOn ?? '', when: words[which], link };
  return { to: user.email, subject: fillIn(words.subject, params), text: fillIn(words.text, params) + mail.signature };
}

function escalationMail(user: User, request: DataRequest, organisation: string, link: string): Mail {
  const mail = messages(languageOf(user.language)).mail;
  const params = { id: request.id, dataset: request.dataset, organisation, due: request.destructionDueOn ?? '', link };
  return { to: user.email, subject: fillIn(mail.destructionOverdue.subject, params), text: fillIn(mail.destructionOverdue.text, params) + mail.signature };
}

export interface AftercareOutcome {
  usageEnded: number;
  reminders: number;
  escalations: number;
}

/**
 * The daily data request task: requests whose usage right ended (the day after `usageEndsOn`) move
 * to USAGE_ENDED as SYSTEM; the requester organisation's users get a reminder one month and one week
 * before the destruction deadline, hub staff an escalation once it passed; each once (the sent-at
 * columns), so running it again on the same day sends nothing. A missed day catches up: a reminder
 * whose day passed still goes while the deadline has not.
 */
export async function runDataRequestAftercare(services: AppServices, asOf: string = todayInAmsterdam(services.clock.now())): Promise<AftercareOutcome> {
  const outcome: AftercareOutcome = { usageEnded: 0, reminders: 0, escalations: 0 };
  const ctx = { services, actor: systemActor };
  const ended = await services.orm.em.fork().find(DataRequest, { state: { $in: [S.DELIVERED, S.IN_USE] }, usageEndsOn: { $lt: asOf } });
  for (const candidate of ended) {
    await services.orm.em.fork().transactional(async (tx) => {
      const row = await tx.findOneOrFail(DataRequest, { id: candidate.id });
      if (row.state !== S.DELIVERED && row.state !== S.IN_USE) return;
      await enter(tx, ctx, row, S.USAGE_ENDED, null, 'dataRequestUsageEnded');
      outcome.usageEnded += 1;
    });
  }
  const em = services.orm.em.fork();
  const waiting = await em.find(DataRequest, { state: S.USAGE_ENDED, destructionDueOn: { $ne: null } }, { populate: ['requesterOrganisation'] });
  type SentColumn = 'destructionReminderMonthSentAt' | 'destructionReminderWeekSentAt' | 'destructionEscalatedAt';
  /**
   * Claims a mail by setting its sent-at column where it is still empty (so two runs at once send it
   * once), sends it, and gives the claim back when sending failed (the next run tries again).
   */
  const once = async (request: DataRequest, columns: SentColumn[], mails: () => Promise<Mail[]>): Promise<boolean> => {
    const now = services.clock.now();
    const claimed = await services.orm.em
      .fork()
      .nativeUpdate(DataRequest, { id: request.id, [columns[0] as SentColumn]: null }, Object.fromEntries(columns.map((column) => [column, now])));
    if (!claimed) return false;
    try {
      for (const mail of await mails()) await services.mailer.send(mail);
      return true;
    } catch (error) {
      await services.orm.em.fork().nativeUpdate(DataRequest, { id: request.id }, { [columns[0] as SentColumn]: null });
      services.logger.warn({ requestId: request.id, error: error instanceof Error ? error.constructor.name : typeof error }, 'data request mail failed');
      return false;
    }
  };
  for (const request of waiting) {
    const due = request.destructionDueOn as string;
    const link = `${services.config.publicUrl}/gegevensverzoeken/${request.id}`;
    const reminders = (which: 'month' | 'week') => async () =>
      (await organisationUsers(em, request.requesterOrganisation.id)).map((user) => reminderMail(user, request, which, link));
    if (asOf <= due && asOf >= addDays(due, -REMINDER_DAYS_BEFORE) && !request.destructionReminderWeekSentAt) {
      // The week's reminder makes the month's superfluous when the task first sees the request late.
      const columns: SentColumn[] = request.destructionReminderMonthSentAt
        ? ['destructionReminderWeekSentAt']
        : ['destructionReminderWeekSentAt', 'destructionReminderMonthSentAt'];
      if (await once(request, columns, reminders('week'))) outcome.reminders += 1;
    } else if (asOf <= due && asOf >= addCalendarMonths(due, -REMINDER_MONTH_BEFORE) && !request.destructionReminderMonthSentAt) {
      if (await once(request, ['destructionReminderMonthSentAt'], reminders('month'))) outcome.reminders += 1;
    }
    if (asOf > due && !request.destructionEscalatedAt) {
      const organisation = request.requesterOrganisation.getEntity().name;
      const mails = async () => (await hubStaff(em)).map((user) => escalationMail(user, request, organisation, link));
      if (await once(request, ['destructionEscalatedAt'], mails)) outcome.escalations += 1;
    }
  }
  return outcome;
}
