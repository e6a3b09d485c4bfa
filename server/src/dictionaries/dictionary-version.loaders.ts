import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { groupByKey } from '../common/group-by';
import { DictionaryVersion } from './dictionary-version.entity';

export const dictionaryLoaders = requestLoaders((em) => ({
  dictionaryVersionsBySubDelivery: new DataLoader<string, DictionaryVersion[]>(async (subDeliveryIds) => {
    const versions = await em.find(
      DictionaryVersion,
      { subDelivery: { $in: [...subDeliveryIds] } },
      { orderBy: { acceptedFrom: 'desc nulls first', version: 'desc' } },
    );
    return groupByKey(subDeliveryIds, versions, (version) => version.subDelivery.id);
  }),
}));
