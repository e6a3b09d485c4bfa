import { createUnionType, Field, ObjectType } from 'type-graphql';
import { AuthRefusal } from './auth.types';
import { Invitation } from './invitation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

@ObjectType({ description: 'A user\'s roles after a change.' })
export class RoleAssignmentList {
  @Field(() => [RoleAssignment], { description: 'All roles the user holds now.' })
  assignments!: RoleAssignment[];
}

export const InvitationResult = createUnionType({
  name: 'InvitationResult',
  description: 'The invitation sent, or why not.',
  types: () => [Invitation, AuthRefusal] as const,
  resolveType: (value) => (value instanceof AuthRefusal ? AuthRefusal : Invitation),
});

export const UserResult = createUnionType({
  name: 'UserResult',
  description: 'The user, or why the change was refused.',
  types: () => [User, AuthRefusal] as const,
  resolveType: (value) => (value instanceof AuthRefusal ? AuthRefusal : User),
});

export const RolesResult = createUnionType({
  name: 'RolesResult',
  description: 'The user\'s roles after the change, or why it was refused.',
  types: () => [RoleAssignmentList, AuthRefusal] as const,
  resolveType: (value) => (value instanceof AuthRefusal ? AuthRefusal : RoleAssignmentList),
});

export function roleList(result: RoleAssignment[] | AuthRefusal): RoleAssignmentList | AuthRefusal {
  return Array.isArray(result) ? Object.assign(new RoleAssignmentList(), { assignments: result }) : result;
}
