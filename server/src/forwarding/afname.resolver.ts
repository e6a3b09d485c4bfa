import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { AFNAME_PAGING, AfnameConnection, exportAfnames, listAfnames, readDeliveryLineage, readRecordLineage } from './afname.query';
import { AfnameFilter, type AfnameView, DeliveryLineageView, RecordVersionLineageView } from './lineage.types';

@Resolver()
export class AfnameResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => AfnameConnection, {
    description:
      "An institution's afnames: every fetch of its held records by a processor (hub staff, its local administrators; audited as a read). Empty for an unknown or foreign institution.",
  })
  afnames(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Arg('filter', () => AfnameFilter, { nullable: true, description: 'Filters; all optional.' }) filter: AfnameFilter | null,
    @Args(() => AFNAME_PAGING.Args) page: PageArgs,
  ): Promise<Connection<AfnameView>> {
    return listAfnames(ctx, institutionCode, filter ?? {}, page);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => String, {
    description:
      "An institution's afnames as CSV (UTF-8, comma-separated, newest first, at most 100,000 rows) with processor, stream, who fetched and the authorisation's purpose; the export is audited.",
  })
  afnamesCsv(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Arg('filter', () => AfnameFilter, { nullable: true, description: "The list's filters; all optional." }) filter: AfnameFilter | null,
  ): Promise<string> {
    return exportAfnames(ctx, institutionCode, filter ?? {});
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => DeliveryLineageView, {
    nullable: true,
    description:
      "Which afnames received which of a delivery's record versions, exactly (hub staff, the institution's local administrators; audited). Null for an unknown or foreign delivery.",
  })
  deliveryLineage(
    @Ctx() ctx: RequestContext,
    @Arg('deliveryId', () => ID, { description: 'The delivery.' }) deliveryId: string,
  ): Promise<DeliveryLineageView | null> {
    return readDeliveryLineage(ctx, deliveryId);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => [RecordVersionLineageView], {
    description:
      "One record key's versions, oldest first, and who received each (hub staff, the institution's local administrators; audited). Empty for an unknown or foreign record.",
  })
  async recordLineage(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Arg('subDeliveryId', () => ID, { description: 'The sub-delivery the record belongs to.' }) subDeliveryId: string,
    @Arg('recordKey', () => String, { description: 'The record key, its fields joined by " / ".' }) recordKey: string,
  ): Promise<RecordVersionLineageView[]> {
    return (await readRecordLineage(ctx, institutionCode, subDeliveryId, recordKey))?.versions ?? [];
  }
}
