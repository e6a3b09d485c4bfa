import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKey } from '../shared/group-by';
import { InstitutionUnit } from './institution-unit.entity';

export function createInstitutionLoaders(em: EntityManager) {
  return {
    unitsByInstitution: new DataLoader<string, InstitutionUnit[]>(async (institutionIds) => {
      const units = await em.find(
        InstitutionUnit,
        { institution: { $in: [...institutionIds] } },
        { orderBy: { number: 'asc' } },
      );
      return groupByKey(institutionIds, units, (unit) => unit.institution.id);
    }),
  };
}
