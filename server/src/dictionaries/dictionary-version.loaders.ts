import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKey } from '../shared/group-by';
import { DictionaryVersion } from './dictionary-version.entity';

export function createDictionaryLoaders(em: EntityManager) {
  return {
    dictionaryVersionsBySubDelivery: new DataLoader<string, DictionaryVersion[]>(async (subDeliveryIds) => {
      const versions = await em.find(
        DictionaryVersion,
        { subDelivery: { $in: [...subDeliveryIds] } },
        { orderBy: { validFrom: 'desc', version: 'desc' } },
      );
      return groupByKey(subDeliveryIds, versions, (version) => version.subDelivery.id);
    }),
  };
}
