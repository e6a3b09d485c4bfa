import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AuditEvent } from './audit-event.entity';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { AUDIT_EVENT_PAGING, AuditEventConnection, AuditEventFilter, exportAuditEvents, searchAuditEvents } from './audit.query';
import { institutionLoaders } from '../institutions/institution.loaders';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The 8-digit code of the institution the entry is about.' })
  async institutionCode(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    return event.institutionId ? ((await institutionLoaders(ctx).institutionById.load(event.institutionId))?.code ?? null) : null;
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first: hub staff all of it, local administrators what concerns their institution.' })
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args(() => AUDIT_EVENT_PAGING.Args) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions.' }) filter?: AuditEventFilter | null,
  ): Promise<Connection<AuditEvent>> {
    return searchAuditEvents(ctx, filter ?? {}, page);
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
