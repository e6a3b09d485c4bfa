import { Field, ObjectType } from 'type-graphql';
import { isRefusal, type Refused, resultUnion } from '../kernel/refusal';
import { Invitation } from './invitation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

@ObjectType({ description: "A user's roles after a change." })
export class RoleAssignmentList {
  @Field(() => [RoleAssignment], { description: 'All roles the user holds now.' })
  assignments!: RoleAssignment[];
}

export const InvitationResult = resultUnion('InvitationResult', 'The invitation sent or withdrawn, or why not.', Invitation);

export const UserResult = resultUnion('UserResult', 'The user, or why the change was refused.', User);

export const RolesResult = resultUnion('RolesResult', "The user's roles after the change, or why it was refused.", RoleAssignmentList);

export function roleList(result: RoleAssignment[] | Refused): RoleAssignmentList | Refused {
  return isRefusal(result) ? result : Object.assign(new RoleAssignmentList(), { assignments: result });
}
