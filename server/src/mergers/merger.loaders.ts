import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { groupByKey, indexByKey } from '../common/group-by';
import { InstitutionMerger } from './merger.entity';

export const mergerLoaders = requestLoaders((em) => ({
  /** The merger by which an institution merged away (at most one). */
  mergerFrom: new DataLoader<string, InstitutionMerger | null>(async (ids) =>
    indexByKey(ids, await em.find(InstitutionMerger, { from: { $in: [...ids] } }), (row) => row.from.id),
  ),
  /** The mergers by which institutions joined this one, oldest day first. */
  mergersInto: new DataLoader<string, InstitutionMerger[]>(async (ids) =>
    groupByKey(ids, await em.find(InstitutionMerger, { into: { $in: [...ids] } }, { orderBy: { effectiveDate: 'asc' } }), (row) => row.into.id),
  ),
}));
