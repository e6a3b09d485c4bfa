import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { groupByKey, indexByKey } from '../common/group-by';
import { Registry } from './registry.entity';
import { SubDelivery } from './sub-delivery.entity';

export const registryLoaders = requestLoaders((em) => ({
  registryById: new DataLoader<string, Registry | null>(async (ids) =>
    indexByKey(ids, await em.find(Registry, { id: { $in: [...ids] } }), (registry) => registry.id),
  ),
  subDeliveryById: new DataLoader<string, SubDelivery | null>(async (ids) =>
    indexByKey(ids, await em.find(SubDelivery, { id: { $in: [...ids] } }), (subDelivery) => subDelivery.id),
  ),
  subDeliveriesByRegistry: new DataLoader<string, SubDelivery[]>(async (registryIds) => {
    const subDeliveries = await em.find(SubDelivery, { registry: { $in: [...registryIds] } }, { orderBy: { code: 'asc' } });
    return groupByKey(registryIds, subDeliveries, (subDelivery) => subDelivery.registry.id);
  }),
}));
