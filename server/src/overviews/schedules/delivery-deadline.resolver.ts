import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { LocalDateScalar } from '../../common/scalars';
import { Delivery } from '../../deliveries/delivery.entity';
import { deadlineLoaders, type DeliveryDeadline } from './delivery-deadline';

function deadlineOf(delivery: Delivery, ctx: RequestContext): Promise<DeliveryDeadline> {
  return deadlineLoaders(ctx).deadlineOf.load({
    institutionId: delivery.institution.id,
    subDeliveryId: delivery.subDelivery.id,
    period: delivery.period,
    deliveryDate: delivery.deliveryDate,
  });
}

/** A delivery's deadline, from the same computation as Verwacht and Overzicht (delivery-deadline.ts). */
@Resolver(() => Delivery)
export class DeliveryDeadlineResolver {
  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      "The deadline of this stream and period for the delivering institution: the schedule's rule for the period's kind (TOTAAL: the calendar year before the delivery date), or the institution-specific one hub staff set; null when no schedule covers the period or it is exempted.",
  })
  async deadline(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await deadlineOf(delivery, ctx)).deadline;
  }

  @FieldResolver(() => Boolean, { description: 'True when hub staff set an institution-specific deadline (or exemption) for this period.' })
  async deadlineAdjusted(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await deadlineOf(delivery, ctx)).adjusted;
  }

  @FieldResolver(() => String, { nullable: true, description: "Hub staff's reason for the institution-specific deadline; null when not adjusted." })
  async deadlineReason(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await deadlineOf(delivery, ctx)).reason;
  }

  @FieldResolver(() => Boolean, {
    description: 'True when a production delivery was delivered after its deadline; always false for a test delivery, which never counts for deadlines.',
  })
  async late(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (delivery.test) return false;
    const { deadline } = await deadlineOf(delivery, ctx);
    return deadline !== null && delivery.deliveryDate > deadline;
  }
}
