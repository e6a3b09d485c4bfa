import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Institution } from '../institutions/institution.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { InstitutionMerger } from './merger.entity';
import { mergerLoaders } from './merger.loaders';
import { listMergers, mergeInstitution, MergeInstitutionInput } from './merger.service';

const MergeInstitutionResult = resultUnion('MergeInstitutionResult', 'The merger as recorded (applied when its day has come), or why not.', InstitutionMerger);

async function institutionOf(ctx: RequestContext, id: string): Promise<Institution> {
  const institution = await institutionLoaders(ctx).institutionById.load(id);
  if (!institution) throw new Error(`merger names a missing institution ${id}`);
  return institution;
}

@Resolver(() => InstitutionMerger)
export class InstitutionMergerResolver {
  @Authorized(Role.HUB_STAFF)
  @Query(() => [InstitutionMerger], { description: 'Every merger, most recent day first (hub staff). A plain list: a handful a year.' })
  institutionMergers(@Ctx() ctx: RequestContext): Promise<InstitutionMerger[]> {
    return listMergers(ctx);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => MergeInstitutionResult, {
    description:
      "Records that one institution joins another from a day (hub staff; audited). From that day the merged institution's deliveries are refused (INSTITUTION_MERGED), its participations and held records continue under the other, and the other's users read its history up to that day.",
  })
  mergeInstitution(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MergeInstitutionInput, { description: 'The merger.' }) input: MergeInstitutionInput,
  ): Promise<InstitutionMerger | Refused> {
    return mergeInstitution(ctx, input);
  }

  @FieldResolver(() => Institution, { description: 'The institution that merged away (A).' })
  from(@Root() merger: InstitutionMerger, @Ctx() ctx: RequestContext): Promise<Institution> {
    return institutionOf(ctx, merger.from.id);
  }

  @FieldResolver(() => Institution, { description: 'The institution it joined (B), which carries on.' })
  into(@Root() merger: InstitutionMerger, @Ctx() ctx: RequestContext): Promise<Institution> {
    return institutionOf(ctx, merger.into.id);
  }
}

/** Institution's merger fields, from this module: the institutions module knows nothing of mergers. */
@Resolver(() => Institution)
export class InstitutionMergerFieldsResolver {
  @FieldResolver(() => InstitutionMerger, { nullable: true, description: 'The merger by which this institution joined another; null if it has not.' })
  mergedInto(@Root() institution: Institution, @Ctx() ctx: RequestContext): Promise<InstitutionMerger | null> {
    return mergerLoaders(ctx).mergerFrom.load(institution.id);
  }

  @FieldResolver(() => [InstitutionMerger], { description: 'The mergers by which other institutions joined this one, oldest day first.' })
  mergedFrom(@Root() institution: Institution, @Ctx() ctx: RequestContext): Promise<InstitutionMerger[]> {
    return mergerLoaders(ctx).mergersInto.load(institution.id);
  }
}
