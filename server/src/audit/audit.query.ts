import type { FilterQuery } from '@mikro-orm/core';
import { Field, ID, InputType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { institutionScope } from '../kernel/actor';
import { Role } from '../kernel/role';
import { AuditEvent, AuditEventType, AuditOutcome, OUTCOME_EVENTS, outcomeOf } from './audit-event.entity';
import { recordAudit } from './audit.service';
import { institutionByCode } from '../institutions/institution-by-code';
import { csvText } from '../common/csv';
import { isUuid } from '../common/ids';
import { type Connection, connectionTypes, definePaging, findPage, type PageArgs } from '../common/pagination';

@InputType('AuditEventFilterInput', { description: 'Which audit entries to show; all given conditions must hold.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only what this user did.' })
  actorUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this institution (8-digit code).' })
  institutionCode?: string | null;

  @Field(() => AuditEventType, { nullable: true, description: 'Only this kind of event.' })
  event?: AuditEventType | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'Only entries with this outcome.' })
  outcome?: AuditOutcome | null;

  @Field(() => String, { nullable: true, description: 'Only this operation or action, e.g. `deactivateUser` (exact).' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this kind of object, e.g. `User` (exact).' })
  objectType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entries about this object id (exact, as `objectId` shows it).' })
  objectId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this moment on (UTC, inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this moment (UTC, exclusive).' })
  to?: Date | null;
}

// No totalCount: the log only grows (every read of patient-linked data adds a row), so counting a
// selection of it per page would cost more than the page.
export const { Connection: AuditEventConnection } = connectionTypes(() => AuditEvent, {
  name: 'AuditEvent',
  description: 'A page of audit entries, newest first.',
});

/** Newest first: the sequence number is the order of writing. */
export const AUDIT_EVENT_PAGING = definePaging({ tag: 'auditEvents', keys: [{ column: 'e.id', type: 'bigint', desc: true }], defaultSize: 50, maxSize: 500 });

function outcomeEventKinds(outcome: AuditOutcome): AuditEventType[] {
  if (outcome !== AuditOutcome.SUCCESS) return OUTCOME_EVENTS[outcome];
  const other = new Set<AuditEventType>([...OUTCOME_EVENTS.REFUSED, ...OUTCOME_EVENTS.FAILURE]);
  return Object.values(AuditEventType).filter((event) => !other.has(event));
}

/** Hub staff see everything; a local administrator only entries about their own institution(s). */
async function scopedWhere(ctx: RequestContext, filter: AuditEventFilter): Promise<FilterQuery<AuditEvent> | null> {
  const where: FilterQuery<AuditEvent> & Record<string, unknown> = {};
  const scope = institutionScope(ctx.actor, [Role.LOCAL_ADMIN]);
  if (filter.institutionCode) {
    const institution = await institutionByCode(ctx.em, filter.institutionCode, (id) => !scope || scope.has(id));
    if (!institution) return null;
    where.institutionId = institution.id;
  } else if (scope) {
    where.institutionId = { $in: [...scope] };
  }
  if (filter.actorUserId) {
    // No user has a malformed id: nothing matches (rather than a database error).
    if (!isUuid(filter.actorUserId)) return null;
    where.actorUserId = filter.actorUserId;
  }
  // Kind and outcome both narrow the event kinds; given both, an entry must match both.
  const outcomeEvents = filter.outcome ? outcomeEventKinds(filter.outcome) : null;
  if (filter.event && outcomeEvents) where.event = outcomeEvents.includes(filter.event) ? filter.event : { $in: [] };
  else if (filter.event) where.event = filter.event;
  else if (outcomeEvents) where.event = { $in: outcomeEvents };
  if (filter.action) where.action = filter.action;
  if (filter.objectType) where.objectType = filter.objectType;
  if (filter.objectId) where.objectId = filter.objectId;
  if (filter.from || filter.to) where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return where;
}

export async function searchAuditEvents(ctx: RequestContext, filter: AuditEventFilter, page: PageArgs): Promise<Connection<AuditEvent>> {
  const window = AUDIT_EVENT_PAGING.window(page, ctx.actor.language);
  const where = await scopedWhere(ctx, filter);
  const connection = where ? await findPage(ctx.em, AuditEvent, where, AUDIT_EVENT_PAGING, window) : AUDIT_EVENT_PAGING.empty<AuditEvent>(window);
  // Searching the log is itself logged (after the search, so the entry does not list itself).
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.SEARCH,
    action: 'auditEvents',
    objectType: 'AuditEvent',
    objectId: `${connection.nodes.length} rows`,
    institutionId: null,
  });
  return connection;
}

const CSV_COLUMNS = [
  'id',
  'at',
  'event',
  'outcome',
  'action',
  'actorUserId',
  'actorEmail',
  'actorRoles',
  'channel',
  'onBehalfOf',
  'objectType',
  'objectId',
  'institutionId',
  'address',
  'detail',
] as const;

/** The whole selection as CSV (at most 100,000 rows); the export itself is audited. */
export async function exportAuditEvents(ctx: RequestContext, filter: AuditEventFilter): Promise<string> {
  const where = await scopedWhere(ctx, filter);
  const rows = where ? await ctx.em.find(AuditEvent, where, { orderBy: { id: 'asc' }, limit: 100_000 }) : [];
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.EXPORT,
    action: 'exportAuditEvents',
    objectType: 'AuditEvent',
    objectId: `${rows.length} rows`,
    institutionId: null,
  });
  return csvText(
    { header: CSV_COLUMNS },
    rows.map((row) => CSV_COLUMNS.map((column) => (column === 'outcome' ? outcomeOf(row.event) : row[column]))),
  );
}
