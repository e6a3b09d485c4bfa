import { Arg, Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { User } from '../access/user.entity';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { REPORT_LINE_PAGING, reportLinesPage, reportTotals } from '../reports/report.service';
import { ReportCodeTotal, ReportLineConnection, type ReportLine } from '../reports/report.types';
import type { Connection, PageArgs } from '../common/pagination';
import { Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { DeliveryFailure, failureCode, failureMessage } from './delivery-failure';
import { Delivery } from './delivery.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { registryLoaders } from '../registries/registry.loaders';

@Resolver(() => Delivery)
export class DeliveryFieldsResolver {
  @FieldResolver(() => PeriodScalar, { description: 'The period the file covers.' })
  period(@Root() delivery: Delivery): Period {
    return Period.parse(delivery.period);
  }

  @FieldResolver(() => Float, { description: 'Share of the file checked so far, 0 to 1 (updated at least every second while processing).' })
  progress(@Root() delivery: Delivery): number {
    const size = Number(delivery.size);
    if (delivery.processedAt) return 1;
    return size > 0 ? Math.min(1, Number(delivery.progressDone) / size) : 0;
  }

  @FieldResolver(() => Institution, { description: 'The delivering institution.' })
  async institution(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<Institution> {
    return (await institutionLoaders(ctx).institutionById.load(delivery.institution.id)) as Institution;
  }

  @FieldResolver(() => SubDelivery, { description: 'The stream.' })
  async subDelivery(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<SubDelivery> {
    return (await registryLoaders(ctx).subDeliveryById.load(delivery.subDelivery.id)) as SubDelivery;
  }

  @FieldResolver(() => Registry, { description: 'The registry.' })
  async registry(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<Registry> {
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(delivery.subDelivery.id);
    return (await registryLoaders(ctx).registryById.load(subDelivery?.registry.id ?? '')) as Registry;
  }

  @FieldResolver(() => DeliveryFailure, { nullable: true, description: 'Why processing failed (FAILED only), as a code.' })
  failureCode(@Root() delivery: Delivery): DeliveryFailure | null {
    return failureCode(delivery.failureReason);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Why processing failed (FAILED only), in the reader's language: made from failureCode, never from the error itself.",
  })
  failureReason(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): string | null {
    return failureMessage(delivery.failureReason, ctx.actor.language);
  }

  @FieldResolver(() => String, { description: 'Dictionary version checked against.' })
  async dictionaryVersion(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.em.findOneOrFail(DictionaryVersion, { id: delivery.dictionaryVersion.id })).version;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of who delivered it.' })
  async deliveredByName(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<string | null> {
    return delivery.deliveredBy ? ((await ctx.em.findOne(User, { id: delivery.deliveredBy.id }))?.name ?? null) : null;
  }

  @FieldResolver(() => Delivery, { nullable: true, description: 'An earlier delivery of the very same bytes for this stream and period, if any.' })
  async sameBytesAs(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<Delivery | null> {
    return delivery.sameBytesAs ? ctx.em.findOne(Delivery, { id: delivery.sameBytesAs.id }) : null;
  }

  @FieldResolver(() => Delivery, { nullable: true, description: 'The newer production delivery that replaced this one.' })
  async supersededBy(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<Delivery | null> {
    return delivery.supersededBy ? ctx.em.findOne(Delivery, { id: delivery.supersededBy.id }) : null;
  }

  @FieldResolver(() => ReportLineConnection, { description: 'The processing report (Verslag), paged in report order; reading it is audited.' })
  reportLines(
    @Root() delivery: Delivery,
    @Ctx() ctx: RequestContext,
    @Args(() => REPORT_LINE_PAGING.Args) page: PageArgs,
    @Arg('code', () => String, { nullable: true, description: 'Only this code.' }) code?: string | null,
    @Arg('class', () => String, { nullable: true, description: 'Only this class (F, W, BF, BW, TF, TW).' }) lineClass?: string | null,
  ): Promise<Connection<ReportLine>> {
    return reportLinesPage(ctx, delivery, page, { code, class: lineClass });
  }

  @FieldResolver(() => [ReportCodeTotal], { description: 'Lines per code, with what each check means and how to fix it.' })
  reportTotals(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<ReportCodeTotal[]> {
    return reportTotals(ctx, delivery);
  }
}
