import type { RequestContext } from '../kernel/context';
import { administersInstitution } from '../kernel/actor';
import { AuditEvent, AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { type Connection, definePaging, findPage, type PageArgs } from '../common/pagination';
import type { Institution } from './institution.entity';

/** Newest first, like the audit log itself. */
export const INSTITUTION_HISTORY_PAGING = definePaging({
  tag: 'institutionHistory',
  keys: [{ column: 'e.id', type: 'bigint', desc: true }],
  defaultSize: 50,
  maxSize: 500,
});

/** Changes, not reads, logins or refusals: those stay in the audit log (auditEvents). */
const CHANGES = [AuditEventType.CREATE, AuditEventType.UPDATE, AuditEventType.DELETE];

/**
 * The institution's history: every audited change about it, by whatever module (its data, units,
 * people, participations…), for hub staff and its own local administrators; empty for anyone else.
 * Reading it is audited like a search of the log.
 */
export async function institutionHistory(ctx: RequestContext, institution: Institution, page: PageArgs): Promise<Connection<AuditEvent>> {
  const window = INSTITUTION_HISTORY_PAGING.window(page, ctx.actor.language);
  if (!administersInstitution(ctx.actor, institution.id)) return INSTITUTION_HISTORY_PAGING.empty<AuditEvent>(window);
  const connection = await findPage(ctx.em, AuditEvent, { institutionId: institution.id, event: { $in: CHANGES } }, INSTITUTION_HISTORY_PAGING, window);
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.SEARCH,
    action: 'institutionHistory',
    objectType: 'AuditEvent',
    objectId: `${connection.nodes.length} rows`,
    institutionId: institution.id,
  });
  return connection;
}
