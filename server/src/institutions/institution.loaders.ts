import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { groupByKey, indexByKey } from '../common/group-by';
import { Institution } from './institution.entity';
import { InstitutionUnit } from './institution-unit.entity';

export const institutionLoaders = requestLoaders((em) => ({
  institutionById: new DataLoader<string, Institution | null>(async (ids) =>
    indexByKey(ids, await em.find(Institution, { id: { $in: [...ids] } }), (row) => row.id),
  ),
  unitsByInstitution: new DataLoader<string, InstitutionUnit[]>(async (institutionIds) => {
    const units = await em.find(InstitutionUnit, { institution: { $in: [...institutionIds] } }, { orderBy: { number: 'asc' } });
    return groupByKey(institutionIds, units, (unit) => unit.institution.id);
  }),
}));
