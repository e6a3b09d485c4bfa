import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { userError } from '../common/messages';
import { isAuthenticated } from '../kernel/actor';
import type { Role } from '../kernel/role';

/**
 * The one gate of every `@Authorized` operation and field: `@Authorized()` asks a full login (both
 * factors) or an API token; `@Authorized(Role.X, …)` also one of those roles, anywhere. Which
 * institution and registry is the service's business (it scopes every read and write). A refusal
 * is audited, then thrown as UNAUTHENTICATED or FORBIDDEN in the user's language.
 */
export class AuthChecker implements AuthCheckerInterface<RequestContext, Role> {
  async check({ context, info }: ResolverData<RequestContext>, roles: Role[]): Promise<boolean> {
    const { actor } = context;
    const authenticated = isAuthenticated(actor);
    if (authenticated && (roles.length === 0 || actor.grants.some((grant) => roles.includes(grant.role)))) return true;
    await recordAudit(context.services.orm.em.fork(), actor, {
      event: AuditEventType.AUTHORISATION_FAILURE,
      action: `${info.parentType.name}.${info.fieldName}`,
      detail: authenticated ? `NEEDS ${roles.join('|')}` : 'NOT_AUTHENTICATED',
    });
    throw authenticated ? userError('FORBIDDEN', actor.language, 'FORBIDDEN') : userError('UNAUTHENTICATED', actor.language, 'UNAUTHENTICATED');
  }
}
