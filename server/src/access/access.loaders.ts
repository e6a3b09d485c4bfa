import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Institution } from '../institutions/institution.entity';
import { groupByKey, indexByKey } from '../shared/group-by';
import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';

export function createAccessLoaders(em: EntityManager) {
  return {
    roleAssignmentsByUser: new DataLoader<string, RoleAssignment[]>(async (userIds) =>
      groupByKey(userIds, await em.find(RoleAssignment, { user: { $in: [...userIds] } }, { orderBy: { grantedAt: 'asc' } }), (row) => row.user.id),
    ),
    organisationById: new DataLoader<string, Organisation | null>(async (ids) =>
      indexByKey(ids, await em.find(Organisation, { id: { $in: [...ids] } }), (row) => row.id),
    ),
    institutionById: new DataLoader<string, Institution | null>(async (ids) =>
      indexByKey(ids, await em.find(Institution, { id: { $in: [...ids] } }), (row) => row.id),
    ),
  };
}
