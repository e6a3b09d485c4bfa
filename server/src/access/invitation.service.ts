import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { invitationMail } from '../mail/templates';
import { DAY } from '../common/clock';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Invitation } from './invitation.entity';
import { normaliseEmail } from './login.service';
import type { Organisation } from './organisation.entity';
import { hubOrganisation, organisationOfInstitution } from './organisation.service';
import { hashPassword, passwordProblem, passwordRefusal } from './password';
import { isAuthorisationRefusal, resolveGrantable, resolveScope, type ResolvedGrant, type RoleScopeInput, scopeOf } from './role-grant';
import { RoleAssignment } from './role-assignment.entity';
import { hashToken, randomToken } from './secrets';
import { User } from './user.entity';

export const INVITATION_VALID_MS = 7 * DAY;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InviteInput extends RoleScopeInput {
  email: string;
  name: string;
}

/** The organisation a new account belongs to follows from the role it is invited for. */
export async function organisationFor(em: EntityManager, grants: ResolvedGrant[]): Promise<Organisation> {
  const [grant] = grants;
  if (grant?.institution) return organisationOfInstitution(em, grant.institution);
  if (grant?.organisation) return grant.organisation;
  return hubOrganisation(em);
}

export function assignRoles(em: EntityManager, user: User, grants: ResolvedGrant[], now: Date): void {
  for (const grant of grants) {
    em.create(RoleAssignment, {
      user,
      role: grant.role,
      institution: grant.institution,
      registry: grant.registry,
      subDelivery: grant.subDelivery,
      organisation: grant.organisation,
      grantedAt: now,
    });
  }
}

/**
 * Stores an invitation (only the SHA-256 of its token) and returns the token for the mailed link.
 * Callers check who may invite whom; this is shared by the API and the CLI.
 */
export function storeInvitation(
  em: EntityManager,
  input: InviteInput,
  grants: ResolvedGrant[],
  organisation: Organisation,
  invitedBy: string | null,
  now: Date,
): { invitation: Invitation; token: string } {
  const token = randomToken();
  const invitation = em.create(Invitation, {
    email: normaliseEmail(input.email),
    name: input.name.trim().slice(0, 200),
    organisation,
    institution: grants[0]?.institution ?? null,
    role: input.role,
    scope: scopeOf(input),
    tokenHash: hashToken(token),
    invitedBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_VALID_MS),
  });
  return { invitation, token };
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitation/${token}`;
}

/** Local administrators invite colleagues; hub staff also first local administrators, hub staff, processors and requesters. */
export async function inviteUser(ctx: RequestContext, input: InviteInput): Promise<Invitation | Refused> {
  const language = ctx.actor.language;
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 320) return refuse(language, RefusalCode.INVALID_EMAIL, { params: { email: input.email }, field: 'email' });
  const outcome = await ctx.em.transactional(async (em) => {
    const grants = await resolveGrantable(em, ctx.actor, input);
    if (!Array.isArray(grants)) {
      if (isAuthorisationRefusal(grants)) await recordRefusal(ctx, { action: 'inviteUser', objectType: 'Invitation', detail: grants.code });
      return grants;
    }
    if (await em.count(User, { email })) return refuse(language, RefusalCode.EMAIL_TAKEN, { field: 'email' });
    const organisation = await organisationFor(em, grants);
    const { invitation, token } = storeInvitation(em, input, grants, organisation, ctx.actor.user?.id ?? null, ctx.services.clock.now());
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'inviteUser',
      objectType: 'Invitation',
      objectId: invitation.id,
      institutionId: grants[0]?.institution?.id ?? null,
      detail: input.role,
    });
    return { invitation, token, organisationName: organisation.name };
  });
  if (!('invitation' in outcome)) return outcome;
  const link = invitationLink(ctx.services.config.publicUrl, outcome.token);
  await ctx.services.mailer.send(invitationMail(outcome.invitation, link, outcome.organisationName));
  return outcome.invitation;
}

/** Public: the invited person chooses a password; the account and its roles are made in one transaction. */
export async function acceptInvitation(ctx: RequestContext, token: string, password: string): Promise<User | Refused> {
  const language = ctx.actor.language;
  const problem = passwordProblem(password);
  if (problem) return passwordRefusal(language, problem);
  const passwordHash = await hashPassword(password);
  return ctx.em.transactional(async (em) => {
    const now = ctx.services.clock.now();
    const invitation = await em.findOne(Invitation, { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { $gt: now } });
    if (!invitation) return refuse(language, RefusalCode.INVALID_LINK);
    if (await em.count(User, { email: invitation.email })) return refuse(language, RefusalCode.EMAIL_TAKEN);
    const grants = await resolveScope(em, { role: invitation.role, ...invitation.scope }, language);
    if (!Array.isArray(grants)) return grants;
    const user = em.create(User, {
      email: invitation.email,
      name: invitation.name,
      organisation: invitation.organisation,
      passwordHash,
      language,
      createdAt: now,
    });
    assignRoles(em, user, grants, now);
    invitation.acceptedAt = now;
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'acceptInvitation',
      objectType: 'User',
      objectId: user.id,
      institutionId: invitation.institution?.id ?? null,
      subjectUserId: user.id,
      subjectEmail: user.email,
    });
    return user;
  });
}
