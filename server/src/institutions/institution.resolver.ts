import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { InstitutionUnit } from './institution-unit.entity';
import { Institution } from './institution.entity';
import { findInstitutionByCode, listInstitutions } from './institution.service';
import { institutionLoaders } from './institution.loaders';

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
  ): Promise<Institution[]> {
    return listInstitutions(ctx, { active });
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
}
