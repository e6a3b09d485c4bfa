import DataLoader from 'dataloader';
import type { RequestContext } from '../../app/context';
import { groupByKey } from '../../shared/group-by';
import { DeliverySchedule } from './delivery-schedule.entity';

/** Per request (keyed by its context, dying with it), like the app's own loaders. */
const loaders = new WeakMap<RequestContext, DataLoader<string, DeliverySchedule[]>>();

export function schedulesOf(ctx: RequestContext): DataLoader<string, DeliverySchedule[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, DeliverySchedule[]>(async (ids) =>
      groupByKey(ids, await ctx.em.find(DeliverySchedule, { subDelivery: { $in: [...ids] } }, { orderBy: { frequency: 'asc' } }), (row) => row.subDelivery.id),
    );
    loaders.set(ctx, loader);
  }
  return loader;
}
