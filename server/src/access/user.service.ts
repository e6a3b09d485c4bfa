import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { Institution } from '../institutions/institution.entity';
import { isUuid } from '../common/ids';
import { administersInstitution, isHubStaff } from '../kernel/actor';
import { isRefusal, notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Invitation } from './invitation.entity';
import { assignRoles, INVITATION_VALID_MS, invitationLink } from './invitation.service';
import { invitationMail } from '../mail/templates';
import { hashToken, randomToken } from './secrets';
import { Organisation } from './organisation.entity';
import { Role } from '../kernel/role';
import { RoleAssignment } from './role-assignment.entity';
import { isAuthorisationRefusal, resolveGrantable, type RoleScopeInput } from './role-grant';
import { endSessionsOfUser } from './session.service';
import { User } from './user.entity';
import { accessLoaders } from './access.loaders';
import { institutionByCode } from '../institutions/institution-by-code';
import { type CountedPage, INVITATION_PAGING, USER_PAGING } from './access.paging';
import { findPage, type PageArgs } from '../common/pagination';

/** The institution a user belongs to, if their organisation is one. */
async function institutionOfUser(em: EntityManager, user: User): Promise<Institution | null> {
  const organisation = await em.findOne(Organisation, { id: user.organisation.id }, { populate: ['institution'] });
  return organisation?.institution?.getEntity() ?? null;
}

/**
 * A user the actor may manage: hub staff anyone; a local administrator the people of their own
 * institution. Anyone else's user is "not found", never "forbidden" (no hint that it exists), and
 * the refused `action` is audited with that user's institution.
 */
async function manageableUser(
  ctx: RequestContext,
  em: EntityManager,
  userId: string,
  action: string,
): Promise<{ user: User; institution: Institution | null } | Refused> {
  const user = isUuid(userId) ? await em.findOne(User, { id: userId }) : null;
  const institution = user ? await institutionOfUser(em, user) : null;
  if (!user || !(isHubStaff(ctx.actor) || (institution && administersInstitution(ctx.actor, institution.id)))) {
    await recordRefusal(ctx, { action, objectType: 'User', objectId: userId, institutionId: institution?.id ?? null });
    return notFound(ctx.actor.language, 'user');
  }
  return { user, institution };
}

/** A role grant refused for who the actor is: audited, about the user it was for. */
async function refusedGrant(ctx: RequestContext, user: User, institution: Institution | null, refused: Refused): Promise<Refused> {
  await recordRefusal(ctx, { action: 'grantRole', objectType: 'User', objectId: user.id, institutionId: institution?.id ?? null, detail: refused.code });
  return refused;
}

/** The institution by code when the actor administers it; otherwise null, for unknown and foreign alike. */
async function administeredInstitution(ctx: RequestContext, institutionCode: string): Promise<Institution | null> {
  return institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
}

/**
 * Reading who works where (names, e-mail addresses) is audited as a READ of the institution's
 * people. An unknown institution and one the actor does not administer both give an empty list.
 */
export async function listInstitutionUsers(ctx: RequestContext, institutionCode: string, role: Role | null, page: PageArgs): Promise<CountedPage<User>> {
  const window = USER_PAGING.window(page, ctx.actor.language);
  const institution = await administeredInstitution(ctx, institutionCode);
  if (!institution) return { ...USER_PAGING.empty<User>(window), totalCount: 0 };
  const holders = role
    ? (await ctx.em.find(RoleAssignment, { role, institution: institution.id }, { fields: ['user'] })).map((assignment) => assignment.user.id)
    : null;
  const where = { organisation: { institution: institution.id }, ...(holders ? { id: { $in: holders } } : {}) };
  const users = await findPage(ctx.em, User, where, USER_PAGING, window);
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.READ,
    action: 'institutionUsers',
    objectType: 'User',
    objectId: `${users.nodes.length} users`,
    institutionId: institution.id,
  });
  return { ...users, totalCount: await ctx.em.count(User, where) };
}

/** Active local administrators of the institution other than `exceptUserId`. */
async function otherLocalAdmins(em: EntityManager, institutionId: string, exceptUserId: string, exceptAssignmentId?: string): Promise<number> {
  return em.count(RoleAssignment, {
    role: Role.LOCAL_ADMIN,
    institution: institutionId,
    user: { active: true },
    ...(exceptAssignmentId ? { id: { $ne: exceptAssignmentId } } : { user: { active: true, id: { $ne: exceptUserId } } }),
  });
}

function lastAdminRefusal(ctx: RequestContext, institution: Institution): Refused {
  return refuse(ctx.actor.language, RefusalCode.LAST_LOCAL_ADMIN, { params: { institution: institution.name } });
}

export async function grantRole(ctx: RequestContext, userId: string, input: RoleScopeInput): Promise<RoleAssignment[] | Refused> {
  return ctx.em.transactional(async (em) => {
    const manageable = await manageableUser(ctx, em, userId, 'grantRole');
    if (isRefusal(manageable)) return manageable;
    const { user, institution } = manageable;
    const grants = await resolveGrantable(em, ctx.actor, input);
    if (!Array.isArray(grants)) return isAuthorisationRefusal(grants) ? refusedGrant(ctx, user, institution, grants) : grants;
    // Institution roles only for the institution's own people.
    if (grants.some((grant) => grant.institution && grant.institution.id !== institution?.id)) {
      return refusedGrant(ctx, user, institution, refuse(ctx.actor.language, RefusalCode.FORBIDDEN));
    }
    const held = await em.find(RoleAssignment, { user: user.id });
    const same = (grant: (typeof grants)[number], row: RoleAssignment) =>
      row.role === grant.role &&
      (row.institution?.id ?? null) === (grant.institution?.id ?? null) &&
      (row.registry?.id ?? null) === (grant.registry?.id ?? null) &&
      (row.subDelivery?.id ?? null) === (grant.subDelivery?.id ?? null) &&
      (row.organisation?.id ?? null) === (grant.organisation?.id ?? null);
    const fresh = grants.filter((grant) => !held.some((row) => same(grant, row)));
    if (fresh.length === 0) return refuse(ctx.actor.language, RefusalCode.ALREADY_GRANTED);
    const now = ctx.services.clock.now();
    assignRoles(em, user, fresh, now);
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'grantRole',
      objectType: 'User',
      objectId: user.id,
      institutionId: institution?.id ?? null,
      detail: input.role,
    });
    return em.find(RoleAssignment, { user: user.id }, { orderBy: { grantedAt: 'asc' } });
  });
}

export async function revokeRole(ctx: RequestContext, assignmentId: string): Promise<RoleAssignment[] | Refused> {
  return ctx.em.transactional(async (em) => {
    const assignment = isUuid(assignmentId) ? await em.findOne(RoleAssignment, { id: assignmentId }, { populate: ['institution'] }) : null;
    if (!assignment) {
      await recordRefusal(ctx, { action: 'revokeRole', objectType: 'RoleAssignment', objectId: assignmentId });
      return notFound(ctx.actor.language, 'roleAssignment');
    }
    const manageable = await manageableUser(ctx, em, assignment.user.id, 'revokeRole');
    if (isRefusal(manageable)) return notFound(ctx.actor.language, 'roleAssignment');
    const { user, institution } = manageable;
    if (assignment.role === Role.HUB_STAFF && !isHubStaff(ctx.actor)) {
      await recordRefusal(ctx, { action: 'revokeRole', objectType: 'User', objectId: user.id, institutionId: institution?.id ?? null });
      return notFound(ctx.actor.language, 'roleAssignment');
    }
    const adminInstitution = assignment.institution?.getEntity();
    if (
      assignment.role === Role.LOCAL_ADMIN &&
      adminInstitution &&
      user.active &&
      (await otherLocalAdmins(em, adminInstitution.id, user.id, assignment.id)) === 0
    ) {
      return lastAdminRefusal(ctx, adminInstitution);
    }
    em.remove(assignment);
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'revokeRole',
      objectType: 'User',
      objectId: user.id,
      institutionId: institution?.id ?? null,
      detail: assignment.role,
    });
    return em.find(RoleAssignment, { user: user.id }, { orderBy: { grantedAt: 'asc' } });
  });
}

/** Deactivation ends the user's sessions at once and stops their tokens; the last local administrator cannot go. */
export async function setUserActive(ctx: RequestContext, userId: string, active: boolean): Promise<User | Refused> {
  return ctx.em.transactional(async (em) => {
    const manageable = await manageableUser(ctx, em, userId, active ? 'reactivateUser' : 'deactivateUser');
    if (isRefusal(manageable)) return manageable;
    const { user, institution } = manageable;
    if (!active) {
      const adminOf = await em.find(RoleAssignment, { user: user.id, role: Role.LOCAL_ADMIN }, { populate: ['institution'] });
      for (const assignment of adminOf) {
        const adminInstitution = assignment.institution?.getEntity();
        if (adminInstitution && (await otherLocalAdmins(em, adminInstitution.id, user.id)) === 0) return lastAdminRefusal(ctx, adminInstitution);
      }
      await endSessionsOfUser(em, user.id, ctx.services.clock.now());
    }
    user.active = active;
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: active ? 'reactivateUser' : 'deactivateUser',
      objectType: 'User',
      objectId: user.id,
      institutionId: institution?.id ?? null,
    });
    return user;
  });
}

/** Hub staff: the people of any organisation (the hub, processors, requesters, institutions). */
export async function listOrganisationUsers(ctx: RequestContext, organisationId: string, page: PageArgs): Promise<CountedPage<User>> {
  const window = USER_PAGING.window(page, ctx.actor.language);
  if (!isUuid(organisationId)) return { ...USER_PAGING.empty<User>(window), totalCount: 0 };
  const users = await findPage(ctx.em, User, { organisation: organisationId }, USER_PAGING, window);
  return { ...users, totalCount: await ctx.em.count(User, { organisation: organisationId }) };
}

/** Invitations of an institution not yet accepted and not expired, newest first; empty for an unknown or foreign institution. */
export async function listOpenInvitations(ctx: RequestContext, institutionCode: string, page: PageArgs): Promise<CountedPage<Invitation>> {
  const window = INVITATION_PAGING.window(page, ctx.actor.language);
  const institution = await administeredInstitution(ctx, institutionCode);
  if (!institution) return { ...INVITATION_PAGING.empty<Invitation>(window), totalCount: 0 };
  const where = { institution: institution.id, acceptedAt: null, expiresAt: { $gt: ctx.services.clock.now() } };
  return { ...(await findPage(ctx.em, Invitation, where, INVITATION_PAGING, window)), totalCount: await ctx.em.count(Invitation, where) };
}

/** Withdraws an open invitation: its link stops working at once (it expires now). */
export async function withdrawInvitation(ctx: RequestContext, invitationId: string): Promise<Invitation | Refused> {
  const invitation = isUuid(invitationId) ? await ctx.em.findOne(Invitation, { id: invitationId, acceptedAt: null }) : null;
  const allowed = invitation && (invitation.institution ? administersInstitution(ctx.actor, invitation.institution.id) : isHubStaff(ctx.actor));
  if (!invitation || !allowed) {
    await recordRefusal(ctx, {
      action: 'withdrawInvitation',
      objectType: 'Invitation',
      objectId: invitationId,
      institutionId: invitation?.institution?.id ?? null,
    });
    return notFound(ctx.actor.language, 'invitation');
  }
  return ctx.em.transactional(async (em) => {
    invitation.expiresAt = ctx.services.clock.now();
    await em.nativeUpdate(Invitation, { id: invitation.id }, { expiresAt: invitation.expiresAt });
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'withdrawInvitation',
      objectType: 'Invitation',
      objectId: invitation.id,
      institutionId: invitation.institution?.id ?? null,
    });
    return invitation;
  });
}

/**
 * Sends an open invitation again with a new link: a new token (the old link stops working at once)
 * and another 7 days. Only open invitations (not accepted, not expired or withdrawn); another
 * institution's is "not found", audited like a withdrawal.
 */
export async function resendInvitation(ctx: RequestContext, invitationId: string): Promise<Invitation | Refused> {
  const now = ctx.services.clock.now();
  const invitation = isUuid(invitationId)
    ? await ctx.em.findOne(Invitation, { id: invitationId, acceptedAt: null, expiresAt: { $gt: now } }, { populate: ['organisation'] })
    : null;
  const allowed = invitation && (invitation.institution ? administersInstitution(ctx.actor, invitation.institution.id) : isHubStaff(ctx.actor));
  if (!invitation || !allowed) {
    await recordRefusal(ctx, {
      action: 'resendInvitation',
      objectType: 'Invitation',
      objectId: invitationId,
      institutionId: invitation?.institution?.id ?? null,
    });
    return notFound(ctx.actor.language, 'invitation');
  }
  const token = randomToken();
  await ctx.em.transactional(async (em) => {
    invitation.tokenHash = hashToken(token);
    invitation.expiresAt = new Date(now.getTime() + INVITATION_VALID_MS);
    await em.nativeUpdate(Invitation, { id: invitation.id }, { tokenHash: invitation.tokenHash, expiresAt: invitation.expiresAt });
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'resendInvitation',
      objectType: 'Invitation',
      objectId: invitation.id,
      institutionId: invitation.institution?.id ?? null,
    });
  });
  const link = invitationLink(ctx.services.config.publicUrl, token);
  await ctx.services.mailer.send(invitationMail(invitation, link, invitation.organisation.getEntity().name));
  return invitation;
}

export async function rolesOfUser(ctx: RequestContext, userId: string): Promise<RoleAssignment[]> {
  return accessLoaders(ctx).roleAssignmentsByUser.load(userId);
}
