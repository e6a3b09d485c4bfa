import DataLoader from 'dataloader';
import { requestLoaders } from '../../kernel/loaders';
import { groupByKey } from '../../common/group-by';
import { DeliverySchedule } from './delivery-schedule.entity';

export const scheduleLoaders = requestLoaders((em) => ({
  schedulesBySubDelivery: new DataLoader<string, DeliverySchedule[]>(async (ids) =>
    groupByKey(ids, await em.find(DeliverySchedule, { subDelivery: { $in: [...ids] } }, { orderBy: { frequency: 'asc' } }), (row) => row.subDelivery.id),
  ),
}));
