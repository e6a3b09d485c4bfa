import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Role } from '../../kernel/role';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { PeriodScalar } from '../../common/scalars';
import { type Refused, resultUnion } from '../../kernel/refusal';
import { DeadlineException } from './deadline-exception.entity';
import { DeadlineExceptionInput, listDeadlineExceptions, removeDeadlineException, setDeadlineException } from './deadline-exception.service';
import { DeliverySchedule } from './delivery-schedule.entity';
import { scheduleLoaders } from './schedule.loaders';
import { registryLoaders } from '../../registries/registry.loaders';

const DeadlineExceptionResult = resultUnion(
  'DeadlineExceptionResult',
  'The deadline exception (as stored, or as it was before removal), or why not.',
  DeadlineException,
);

@Resolver(() => SubDelivery)
export class SubDeliveryScheduleResolver {
  @FieldResolver(() => [DeliverySchedule], { description: 'The delivery rhythms with their deadline rules (from the dictionary), by frequency.' })
  schedules(@Root() subDelivery: SubDelivery, @Ctx() ctx: RequestContext): Promise<DeliverySchedule[]> {
    return scheduleLoaders(ctx).schedulesBySubDelivery.load(subDelivery.id);
  }
}

@Resolver(() => DeadlineException)
export class DeadlineExceptionResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER)
  @Query(() => [DeadlineException], {
    description:
      'Institution-specific deadlines and exemptions of an institution the caller may see; empty otherwise. A plain list: at most one per stream and period, set by hand by hub staff.',
  })
  deadlineExceptions(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
  ): Promise<DeadlineException[]> {
    return listDeadlineExceptions(ctx, institutionCode);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DeadlineExceptionResult, {
    description: 'Sets an institution-specific deadline or an exemption for one period, with a reason (hub staff; audited).',
  })
  setDeadlineException(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeadlineExceptionInput, { description: 'Which period and what applies.' }) input: DeadlineExceptionInput,
  ): Promise<DeadlineException | Refused> {
    return setDeadlineException(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DeadlineExceptionResult, { description: "Removes a deadline exception: the schedule's deadline applies again (hub staff; audited)." })
  removeDeadlineException(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The exception.' }) id: string,
  ): Promise<DeadlineException | Refused> {
    return removeDeadlineException(ctx, id);
  }

  @FieldResolver(() => PeriodScalar, { description: 'The period.' })
  period(@Root() exception: DeadlineException): string {
    return exception.period;
  }

  @FieldResolver(() => SubDelivery, { description: 'The sub-delivery.' })
  async subDelivery(@Root() exception: DeadlineException, @Ctx() ctx: RequestContext): Promise<SubDelivery> {
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(exception.subDelivery.id);
    if (!subDelivery) throw new Error(`deadline exception ${exception.id} has no sub-delivery`);
    return subDelivery;
  }
}
