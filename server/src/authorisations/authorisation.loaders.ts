import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { indexByKey } from '../common/group-by';
import { ProcessorLink } from './processor-link.entity';

export const authorisationLoaders = requestLoaders((em) => ({
  linkById: new DataLoader<string, ProcessorLink | null>(async (ids) =>
    indexByKey(ids, await em.find(ProcessorLink, { id: { $in: [...ids] } }), (row) => row.id),
  ),
}));
