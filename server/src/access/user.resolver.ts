import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PageArgs } from '../common/pagination';
import { type CountedPage, INVITATION_PAGING, InvitationConnection, USER_PAGING, UserConnection } from './access.paging';
import type { RequestContext } from '../kernel/context';
import { InviteUserInput, RoleScopeInput } from './access.inputs';
import type { Refused } from '../kernel/refusal';
import { Invitation } from './invitation.entity';
import { acceptInvitation, inviteUser } from './invitation.service';
import { Organisation } from './organisation.entity';
import { Role } from '../kernel/role';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';
import {
  grantRole,
  listInstitutionUsers,
  listOpenInvitations,
  listOrganisationUsers,
  resendInvitation,
  revokeRole,
  rolesOfUser,
  setUserActive,
  withdrawInvitation,
} from './user.service';
import { InvitationResult, type RoleAssignmentList, roleList, RolesResult, UserResult } from './user.types';
import { accessLoaders } from './access.loaders';

@Resolver(() => User)
export class UserResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => UserConnection, { description: 'The people of an institution, by name (its local administrators and hub staff only).' })
  institutionUsers(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Args(() => USER_PAGING.Args) page: PageArgs,
    @Arg('role', () => Role, { nullable: true, description: 'Only the people holding this role for the institution, e.g. LOCAL_ADMIN.' }) role?: Role | null,
  ): Promise<CountedPage<User>> {
    return listInstitutionUsers(ctx, institutionCode, role ?? null, page);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => UserConnection, { description: 'The people of any organisation, by name: the hub, a processor, a requester or an institution (hub staff).' })
  organisationUsers(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID, { description: 'The organisation.' }) organisationId: string,
    @Args(() => USER_PAGING.Args) page: PageArgs,
  ): Promise<CountedPage<User>> {
    return listOrganisationUsers(ctx, organisationId, page);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => InvitationConnection, { description: 'Open invitations of an institution (not accepted, not expired), newest first.' })
  openInvitations(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Args(() => INVITATION_PAGING.Args) page: PageArgs,
  ): Promise<CountedPage<Invitation>> {
    return listOpenInvitations(ctx, institutionCode, page);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => InvitationResult, { description: 'Withdraws an open invitation: its link stops working at once.' })
  withdrawInvitation(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The invitation.' }) id: string): Promise<Invitation | Refused> {
    return withdrawInvitation(ctx, id);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => InvitationResult, { description: 'Mails an open invitation again with a new link valid 7 days; the previous link stops working at once.' })
  resendInvitation(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The invitation.' }) id: string): Promise<Invitation | Refused> {
    return resendInvitation(ctx, id);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => InvitationResult, {
    description:
      'Mails an invitation link (valid 7 days, single use). Local administrators invite for their institution; hub staff also hub staff, processors and requesters.',
  })
  inviteUser(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => InviteUserInput, { description: 'Whom and which role.' }) input: InviteUserInput,
  ): Promise<Invitation | Refused> {
    return inviteUser(ctx, input);
  }

  @Mutation(() => UserResult, { description: 'Accepts an invitation: makes the account with this password. Public (the token is the proof).' })
  acceptInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('token', () => String, { description: 'The token from the invitation link.' }) token: string,
    @Arg('password', () => String, { description: 'At least 12 characters, not a common password.' }) password: string,
  ): Promise<User | Refused> {
    return acceptInvitation(ctx, token, password);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => RolesResult, { description: 'Grants a role to a user of your institution (hub staff: anyone). Takes effect on their next request.' })
  async grantRole(
    @Ctx() ctx: RequestContext,
    @Arg('userId', () => ID, { description: 'The user.' }) userId: string,
    @Arg('input', () => RoleScopeInput, { description: 'Role and scope.' }) input: RoleScopeInput,
  ): Promise<RoleAssignmentList | Refused> {
    return roleList(await grantRole(ctx, userId, input));
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => RolesResult, { description: 'Revokes one role assignment; the last active local administrator of an institution cannot lose that role.' })
  async revokeRole(
    @Ctx() ctx: RequestContext,
    @Arg('assignmentId', () => ID, { description: 'The role assignment.' }) assignmentId: string,
  ): Promise<RoleAssignmentList | Refused> {
    return roleList(await revokeRole(ctx, assignmentId));
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => UserResult, {
    description: 'Deactivates an account: its sessions end at once and its tokens stop working. Not the last active local administrator.',
  })
  deactivateUser(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user.' }) userId: string): Promise<User | Refused> {
    return setUserActive(ctx, userId, false);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => UserResult, { description: 'Reactivates a deactivated account.' })
  reactivateUser(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user.' }) userId: string): Promise<User | Refused> {
    return setUserActive(ctx, userId, true);
  }

  @FieldResolver(() => [RoleAssignment], { description: 'The roles the user holds now.' })
  roles(@Root() user: User, @Ctx() ctx: RequestContext): Promise<RoleAssignment[]> {
    return rolesOfUser(ctx, user.id);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation the user belongs to.' })
  async organisation(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Organisation> {
    const organisation = await accessLoaders(ctx).organisationById.load(user.organisation.id);
    if (!organisation) throw new Error(`user ${user.id} has no organisation`);
    return organisation;
  }
}
