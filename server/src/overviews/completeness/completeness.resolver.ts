import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import type { Connection, PageArgs } from '../../common/pagination';
import type { RequestContext } from '../../kernel/context';
import { Role } from '../../kernel/role';
import { Institution } from '../../institutions/institution.entity';
import { registryById, subDeliveryById } from '../../registries/registry-directory';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { LocalDateScalar } from '../../common/scalars';
import { completeness } from './completeness.service';
import { completenessMatrix } from './completeness-matrix.service';
import { CompletenessMatrix } from './completeness-matrix.types';
import { CompletenessDimension, CompletenessFilter, CompletenessRow, VolumeChange, VolumeChangeConnection } from './completeness.types';
import { DEFAULT_VOLUME_THRESHOLD, VOLUME_PAGING, volumeChanges } from './volume.service';
import { institutionLoaders } from '../../institutions/institution.loaders';
import { registryLoaders } from '../../registries/registry.loaders';

const byId = async <T>(id: string | null, loader: { load(id: string): Promise<T | null> }): Promise<T | null> => (id ? loader.load(id) : null);

@Resolver(() => CompletenessRow)
export class CompletenessResolver {
  @Authorized(Role.HUB_STAFF)
  @Query(() => [CompletenessRow], {
    description:
      'Hub-wide completeness (hub staff and their API tokens): expected deliveries whose deadline has passed, delivered, on time, late, missing and the rates, per group. A plain list: one row per group asked for (a heat map needs them all).',
  })
  completeness(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CompletenessFilter, { nullable: true, description: 'Conditions.' }) filter?: CompletenessFilter | null,
    @Arg('groupBy', () => [CompletenessDimension], {
      defaultValue: [CompletenessDimension.REGISTRY],
      description: 'Dimensions to group by (empty: one row for everything).',
    })
    groupBy: CompletenessDimension[] = [CompletenessDimension.REGISTRY],
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to compute for; default today in Europe/Amsterdam.' }) asOf?: string | null,
  ): Promise<CompletenessRow[]> {
    return completeness(ctx, filter ?? {}, groupBy, asOf);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER)
  @Query(() => CompletenessMatrix, {
    description:
      'Completeness per institution × period as a matrix of scalar lists (the heat map): the numbers of `completeness` grouped by INSTITUTION and PERIOD, for what the caller may read (hub staff: every institution; others: the streams of their roles).',
  })
  completenessMatrix(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CompletenessFilter, { nullable: true, description: 'Conditions.' }) filter?: CompletenessFilter | null,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to compute for; default today in Europe/Amsterdam.' }) asOf?: string | null,
  ): Promise<CompletenessMatrix> {
    return completenessMatrix(ctx, filter ?? {}, asOf);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => VolumeChangeConnection, {
    description:
      'Volume plausibility (hub staff): records per period against the same period a year earlier, per institution and stream; newest periods first, then by institution code.',
  })
  volumeChanges(
    @Ctx() ctx: RequestContext,
    @Args(() => VOLUME_PAGING.Args) page: PageArgs,
    @Arg('threshold', () => Float, { defaultValue: DEFAULT_VOLUME_THRESHOLD, description: 'Flag changes larger than this fraction (0.5 = 50%).' })
    threshold: number = DEFAULT_VOLUME_THRESHOLD,
    @Arg('onlyFlagged', () => Boolean, { defaultValue: true, description: 'Only the flagged comparisons.' }) onlyFlagged: boolean = true,
    @Arg('filter', () => CompletenessFilter, { nullable: true, description: 'Conditions (period bounds apply to the later period).' })
    filter?: CompletenessFilter | null,
  ): Promise<Connection<VolumeChange>> {
    return volumeChanges(ctx, filter ?? {}, Math.max(threshold, 0), onlyFlagged, page);
  }

  @FieldResolver(() => Registry, { nullable: true, description: 'The registry, when grouped by REGISTRY or SUB_DELIVERY.' })
  registry(@Root() row: CompletenessRow, @Ctx() ctx: RequestContext): Promise<Registry | null> {
    return row.registryId ? registryById(ctx, row.registryId) : Promise.resolve(null);
  }

  @FieldResolver(() => SubDelivery, { nullable: true, description: 'The sub-delivery, when grouped by SUB_DELIVERY.' })
  subDelivery(@Root() row: CompletenessRow, @Ctx() ctx: RequestContext): Promise<SubDelivery | null> {
    return row.subDeliveryId ? subDeliveryById(ctx, row.subDeliveryId) : Promise.resolve(null);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The institution, when grouped by INSTITUTION.' })
  institution(@Root() row: CompletenessRow, @Ctx() ctx: RequestContext): Promise<Institution | null> {
    return byId(row.institutionId, institutionLoaders(ctx).institutionById);
  }
}

@Resolver(() => VolumeChange)
export class VolumeChangeResolver {
  @FieldResolver(() => Institution, { description: 'The institution.' })
  async institution(@Root() row: VolumeChange, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(row.institutionId);
    if (!institution) throw new Error('institution vanished');
    return institution;
  }

  @FieldResolver(() => SubDelivery, { description: 'The sub-delivery (stream).' })
  async subDelivery(@Root() row: VolumeChange, @Ctx() ctx: RequestContext): Promise<SubDelivery> {
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(row.subDeliveryId);
    if (!subDelivery) throw new Error('sub-delivery vanished');
    return subDelivery;
  }

  @FieldResolver(() => Registry, { description: 'The registry.' })
  async registry(@Root() row: VolumeChange, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(row.registryId);
    if (!registry) throw new Error('registry vanished');
    return registry;
  }
}
