import type { FilterQuery } from '@mikro-orm/core';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { institutionScope } from '../kernel/actor';
import { Role } from '../kernel/role';
import { AuditEvent, AuditEventType } from './audit-event.entity';
import { recordAudit } from './audit.service';
import { institutionByCode } from '../institutions/institution-by-code';

@InputType('AuditEventFilterInput', { description: 'Which audit entries to show; all given conditions must hold.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only what this user did.' })
  actorUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this institution (8-digit code).' })
  institutionCode?: string | null;

  @Field(() => AuditEventType, { nullable: true, description: 'Only this kind of event.' })
  event?: AuditEventType | null;

  @Field(() => Date, { nullable: true, description: 'From this moment on (UTC, inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this moment (UTC, exclusive).' })
  to?: Date | null;
}

@ObjectType({ description: 'A page of audit entries, newest first.' })
export class AuditEventPage {
  @Field(() => Int, { description: 'How many entries match in all.' })
  totalCount!: number;

  @Field(() => [AuditEvent], { description: 'The entries of this page.' })
  nodes!: AuditEvent[];
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
  if (filter.actorUserId) where.actorUserId = filter.actorUserId;
  if (filter.event) where.event = filter.event;
  if (filter.from || filter.to) where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return where;
}

export async function searchAuditEvents(ctx: RequestContext, filter: AuditEventFilter, first: number, offset: number): Promise<AuditEventPage> {
  const where = await scopedWhere(ctx, filter);
  if (!where) return { totalCount: 0, nodes: [] };
  const [nodes, totalCount] = await ctx.em.findAndCount(AuditEvent, where, { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 1), 500), offset: Math.max(offset, 0) });
  // Searching the log is itself logged (after the search, so the entry does not list itself).
  await recordAudit(ctx.em, ctx.actor, { event: AuditEventType.SEARCH, action: 'auditEvents', objectType: 'AuditEvent', objectId: `${nodes.length} of ${totalCount}`, institutionId: null });
  return { totalCount, nodes };
}

const CSV_COLUMNS = ['id', 'at', 'event', 'action', 'actorUserId', 'actorEmail', 'actorRoles', 'channel', 'onBehalfOf', 'objectType', 'objectId', 'institutionId', 'address', 'detail'] as const;

/** One CSV cell: quoted, and a leading =, +, -, @, tab or CR neutralised (ASVS 1.2.10, formula injection). */
export function csvCell(value: unknown): string {
  let text = value instanceof Date ? value.toISOString() : value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The whole selection as CSV (at most 100,000 rows); the export itself is audited. */
export async function exportAuditEvents(ctx: RequestContext, filter: AuditEventFilter): Promise<string> {
  const where = await scopedWhere(ctx, filter);
  const rows = where ? await ctx.em.find(AuditEvent, where, { orderBy: { id: 'asc' }, limit: 100_000 }) : [];
  await recordAudit(ctx.em, ctx.actor, { event: AuditEventType.EXPORT, action: 'exportAuditEvents', objectType: 'AuditEvent', objectId: `${rows.length} rows`, institutionId: null });
  const lines = rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
