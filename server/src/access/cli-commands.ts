import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import type { AppServices } from '../kernel/services';
import { invitationMail } from '../mail/templates';
import { systemActor, type Actor } from '../kernel/actor';
import { issueToken, MAX_TOKEN_DAYS } from './api-token.service';
import { isRefusal } from '../kernel/refusal';
import { assignRoles, invitationLink, organisationFor, storeInvitation } from './invitation.service';
import { normaliseEmail } from './login.service';
import { Organisation, OrganisationKind } from './organisation.entity';
import { hashPassword, passwordProblem } from './password';
import { Role } from '../kernel/role';
import { CliUsageError, parseCommandArgs } from '../common/cli-args';
import { resolveScope } from './role-grant';
import { User } from './user.entity';

const cliActor: Actor = { ...systemActor, channel: 'CLI' };

async function organisationByName(em: EntityManager, role: Role, name: string): Promise<Organisation> {
  const kind = role === Role.PROCESSOR ? OrganisationKind.PROCESSOR : OrganisationKind.REQUESTER;
  return (await em.findOne(Organisation, { name })) ?? em.create(Organisation, { kind, name });
}

/**
 * `user create`: with --password the account is made at once; without, an invitation is mailed
 * (or written to the outbox) and its link printed, as a local administrator's invitation would be.
 */
export async function createUserCommand(services: AppServices, args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(args, {
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      institution: { type: 'string' },
      organisation: { type: 'string' },
      registry: { type: 'string', multiple: true },
      password: { type: 'string' },
    },
  });
  if (!values.email || !values.name || !values.role) throw new CliUsageError('user create needs --email, --name and --role.');
  const role = values.role as Role;
  if (!Object.values(Role).includes(role)) throw new CliUsageError(`--role must be one of ${Object.values(Role).join(', ')}.`);
  if (values.password) {
    const problem = passwordProblem(values.password);
    if (problem) throw new CliUsageError(problem === 'TOO_SHORT' ? 'The password needs at least 12 characters.' : 'The password is too common.');
  }
  const email = normaliseEmail(values.email);
  const em = services.orm.em.fork();
  const passwordHash = values.password ? await hashPassword(values.password) : null;
  const result = await em.transactional(async (tx) => {
    if (await tx.count(User, { email })) throw new CliUsageError(`An account for ${email} exists already.`);
    const organisation =
      values.organisation && (role === Role.PROCESSOR || role === Role.REQUESTER) ? await organisationByName(tx, role, values.organisation) : null;
    if (organisation) await tx.flush();
    const scopeInput = { role, institutionCode: values.institution, registryCodes: values.registry, organisationId: organisation?.id };
    const grants = await resolveScope(tx, scopeInput, 'en');
    if (isRefusal(grants)) throw new CliUsageError(grants.message);
    const owner = await organisationFor(tx, grants);
    const now = services.clock.now();
    if (passwordHash) {
      const user = tx.create(User, { email, name: values.name as string, organisation: owner, passwordHash });
      assignRoles(tx, user, grants, now);
      await tx.flush();
      await recordAudit(tx, cliActor, {
        event: AuditEventType.CREATE,
        action: 'cli user create',
        objectType: 'User',
        objectId: user.id,
        institutionId: grants[0]?.institution?.id ?? null,
        detail: role,
      });
      return { user };
    }
    const { invitation, token } = storeInvitation(tx, { ...scopeInput, email, name: values.name as string }, grants, owner, null, now);
    await tx.flush();
    await recordAudit(tx, cliActor, {
      event: AuditEventType.CREATE,
      action: 'cli user create',
      objectType: 'Invitation',
      objectId: invitation.id,
      institutionId: grants[0]?.institution?.id ?? null,
      detail: role,
    });
    return { invitation, token, organisationName: owner.name };
  });
  if ('user' in result) {
    out.write(`created ${email} (${role})\n`);
  } else {
    const link = invitationLink(services.config.publicUrl, result.token);
    await services.mailer.send(invitationMail(result.invitation, link, result.organisationName));
    out.write(`invitation for ${email} (${role}) mailed; link: ${link}\n`);
  }
  return 0;
}

/** `token create`: prints only the token on stdout, so scripts can capture it. */
export async function createTokenCommand(services: AppServices, args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(args, { options: { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } } });
  if (!values.email) throw new CliUsageError('token create needs --email.');
  const days = Number(values.days ?? '90');
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw new CliUsageError(`--days must be a whole number from 1 to ${MAX_TOKEN_DAYS}.`);
  const em = services.orm.em.fork();
  const token = await em.transactional(async (tx) => {
    const user = await tx.findOne(User, { email: normaliseEmail(values.email as string), active: true });
    if (!user) throw new CliUsageError(`No active account for ${values.email}.`);
    const issued = await issueToken(tx, { user }, values.name ?? 'CLI', days, services.clock.now(), null);
    await recordAudit(tx, cliActor, {
      event: AuditEventType.CREATE,
      action: 'cli token create',
      objectType: 'ApiToken',
      objectId: issued.apiToken.id,
      subjectUserId: user.id,
      subjectEmail: user.email,
    });
    return issued.token;
  });
  out.write(token + '\n');
  return 0;
}
