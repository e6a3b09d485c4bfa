import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEvent, AuditOutcome, outcomeOf } from './audit-event.entity';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { AUDIT_EVENT_PAGING, AuditEventConnection, AuditEventFilter, exportAuditEvents, searchAuditEvents } from './audit.query';
import { institutionLoaders } from '../institutions/institution.loaders';
import { auditLoaders } from './audit.loaders';
import { messages } from '../common/messages';
import { RefusalCode } from '../common/refusal-code';

@ObjectType({ description: 'One role the actor held when the entry was written, with the names of its scope.' })
export class AuditActorRole {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'The 8-digit code of the institution it was held for.' })
  institutionCode!: string | null;

  @Field(() => String, { nullable: true, description: "That institution's name now." })
  institutionName!: string | null;

  @Field(() => [String], { description: 'The registries (codes) or organisation (name) of its scope, where known.' })
  scopeNames!: string[];
}

const ROLES = new Set<string>(Object.values(Role));
const REFUSAL_CODES = new Set<string>(Object.values(RefusalCode));

@Resolver(() => AuditEvent)
export class AuditResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The 8-digit code of the institution the entry is about.' })
  async institutionCode(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    return event.institutionId ? ((await institutionLoaders(ctx).institutionById.load(event.institutionId))?.code ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The name of the institution the entry is about.' })
  async institutionName(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    return event.institutionId ? ((await institutionLoaders(ctx).institutionById.load(event.institutionId))?.name ?? null) : null;
  }

  @FieldResolver(() => AuditOutcome, { description: 'How it ended: SUCCESS, REFUSED (AUTHORISATION_FAILURE, REFUSAL) or FAILURE (LOGIN_FAILURE).' })
  outcome(@Root() event: AuditEvent): AuditOutcome {
    return outcomeOf(event.event);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "When the detail is a refusal code: that refusal's message in the caller's language, its values left out (they are not logged).",
  })
  refusalMessage(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): string | null {
    const code = event.detail;
    if (!code || !(REFUSAL_CODES as Set<string>).has(code)) return null;
    return messages(ctx.actor.language).refusal[code as RefusalCode].replace(/\{\w+\}/g, '…');
  }

  @FieldResolver(() => String, { nullable: true, description: "The acting user's name now (null for anonymous requests, the system and removed accounts)." })
  actorName(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    return event.actorUserId ? auditLoaders(ctx).labelByObject.load(`User:${event.actorUserId}`) : Promise.resolve(null);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The object's name for people (a user's or organisation's name, an institution, a registry code, a token's name); null when it has none.",
  })
  async objectLabel(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!event.objectType || !event.objectId) return null;
    if (event.objectType === 'Institution' && /^\d{8}$/.test(event.objectId)) return auditLoaders(ctx).institutionNameByCode.load(event.objectId);
    return auditLoaders(ctx).labelByObject.load(`${event.objectType}:${event.objectId}`);
  }

  @FieldResolver(() => [AuditActorRole], { description: 'The roles the actor held (`actorRoles`), with institution names and scope names resolved.' })
  async actorRoleList(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<AuditActorRole[]> {
    const loaders = auditLoaders(ctx);
    const held = (event.actorRoles ?? '').split(' ').filter(Boolean);
    return Promise.all(
      held
        .map((text) => text.split('@'))
        .filter(([role]) => role !== undefined && ROLES.has(role))
        .map(async ([role, scope = '']) => {
          const parts = scope.split('/').filter(Boolean);
          const institutionCode = parts[0] && /^\d{8}$/.test(parts[0]) ? parts[0] : null;
          const ids = institutionCode ? parts.slice(1) : parts;
          // A scope id is a registry (submitters, viewers) or an organisation (processors, requesters); sub-deliveries stay unnamed.
          const names = await Promise.all(
            ids.map(async (id) => (await loaders.labelByObject.load(`Registry:${id}`)) ?? (await loaders.labelByObject.load(`Organisation:${id}`))),
          );
          return Object.assign(new AuditActorRole(), {
            role: role as Role,
            institutionCode,
            institutionName: institutionCode ? await loaders.institutionNameByCode.load(institutionCode) : null,
            scopeNames: names.filter((name): name is string => name !== null),
          });
        }),
    );
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
