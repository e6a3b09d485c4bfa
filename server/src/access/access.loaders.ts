import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { groupByKey, indexByKey } from '../common/group-by';
import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';

export const accessLoaders = requestLoaders((em) => ({
  roleAssignmentsByUser: new DataLoader<string, RoleAssignment[]>(async (userIds) =>
    groupByKey(userIds, await em.find(RoleAssignment, { user: { $in: [...userIds] } }, { orderBy: { grantedAt: 'asc' } }), (row) => row.user.id),
  ),
  organisationById: new DataLoader<string, Organisation | null>(async (ids) =>
    indexByKey(ids, await em.find(Organisation, { id: { $in: [...ids] } }), (row) => row.id),
  ),
}));
