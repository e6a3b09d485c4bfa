import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../app/context';
import { Role } from '../access/role';
import { AuditEventFilter, AuditEventPage, exportAuditEvents, searchAuditEvents } from './audit.query';

@Resolver()
export class AuditResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => AuditEventPage, { description: 'The audit log, newest first: hub staff all of it, local administrators what concerns their institution.' })
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions.' }) filter?: AuditEventFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size (1–500).' }) first: number = 50,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Entries to skip.' }) offset: number = 0,
  ): Promise<AuditEventPage> {
    return searchAuditEvents(ctx, filter ?? {}, first, offset);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => String, { description: 'The selected audit entries as CSV (UTF-8, comma-separated, at most 100,000 rows); the export is itself audited.' })
  auditEventsCsv(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions.' }) filter?: AuditEventFilter | null,
  ): Promise<string> {
    return exportAuditEvents(ctx, filter ?? {});
  }
}
