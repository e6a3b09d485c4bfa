import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { AuditEventConnection } from '../audit/audit.query';
import type { AuditEvent } from '../audit/audit-event.entity';
import { type CountedPage, USER_PAGING, UserConnection } from '../access/access.paging';
import type { User } from '../access/user.entity';
import { listInstitutionUsers } from '../access/user.service';
import { InstitutionUnit } from './institution-unit.entity';
import { Institution } from './institution.entity';
import { findInstitutionByCode, listInstitutions } from './institution.service';
import { institutionLoaders } from './institution.loaders';
import { INSTITUTION_HISTORY_PAGING, institutionHistory } from './institution-history';

@Resolver(() => Institution)
export class InstitutionResolver {
  @Authorized()
  @Query(() => [Institution], {
    description:
      'Institutions you may see (hub staff: all; others: their own), sorted by name. A plain list: bounded by the hospitals of the Netherlands (some hundred), which every institution picker needs whole.',
  })
  institutions(
    @Ctx() ctx: RequestContext,
    @Arg('active', () => Boolean, { nullable: true, description: 'Only active (true) or only inactive (false) ones; all when omitted.' })
    active?: boolean | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Only those whose code starts with, or whose name or place contains, this text (case-insensitive); all when omitted or empty.',
    })
    search?: string | null,
  ): Promise<Institution[]> {
    return listInstitutions(ctx, { active, search });
  }

  @Authorized()
  @Query(() => Institution, { nullable: true, description: 'One institution by its 8-digit code; null when unknown or not yours to see.' })
  institution(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, { description: 'The 8-digit institution code.' }) code: string,
  ): Promise<Institution | null> {
    return findInstitutionByCode(ctx, code);
  }

  @FieldResolver(() => [InstitutionUnit], { description: "The institution's units, by unit number." })
  units(@Root() institution: Institution, @Ctx() ctx: RequestContext): Promise<InstitutionUnit[]> {
    return institutionLoaders(ctx).unitsByInstitution.load(institution.id);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @FieldResolver(() => AuditEventConnection, {
    description:
      'Every audited change about the institution (its data, units, people, participations), newest first: hub staff and its own local administrators (reading it is audited).',
  })
  history(
    @Root() institution: Institution,
    @Ctx() ctx: RequestContext,
    @Args(() => INSTITUTION_HISTORY_PAGING.Args) page: PageArgs,
  ): Promise<Connection<AuditEvent>> {
    return institutionHistory(ctx, institution, page);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @FieldResolver(() => UserConnection, {
    description: "The institution's local administrators, by name: hub staff and its own local administrators (reading it is audited, as institutionUsers).",
  })
  localAdministrators(@Root() institution: Institution, @Ctx() ctx: RequestContext, @Args(() => USER_PAGING.Args) page: PageArgs): Promise<CountedPage<User>> {
    return listInstitutionUsers(ctx, institution.code, Role.LOCAL_ADMIN, page);
  }
}
