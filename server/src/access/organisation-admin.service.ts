import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { isUuid } from '../common/ids';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Organisation, OrganisationKind } from './organisation.entity';
import { endSessionsOfOrganisation } from './organisation-access';

const NAME_MAX = 200;
const REASON_MAX = 500;

type Change = (em: EntityManager, organisation: Organisation, now: Date) => Promise<Refused | string | null>;

/**
 * One audited transaction on a processor or requester organisation. The hub and institutions'
 * organisations are changed with their institution (updateInstitution, deactivateInstitution).
 */
async function changeOrganisation(ctx: RequestContext, id: string, action: string, change: Change): Promise<Organisation | Refused> {
  return ctx.em.transactional(async (em) => {
    const organisation = isUuid(id) ? await em.findOne(Organisation, { id }) : null;
    if (!organisation) return Object.assign(notFound(ctx.actor.language, 'organisation'), { field: 'id' });
    if (organisation.kind !== OrganisationKind.PROCESSOR && organisation.kind !== OrganisationKind.REQUESTER)
      return refuse(ctx.actor.language, RefusalCode.ORGANISATION_KIND, { params: { kind: organisation.kind }, field: 'id' });
    const outcome = await change(em, organisation, ctx.services.clock.now());
    if (outcome !== null && typeof outcome !== 'string') return outcome;
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action,
      objectType: 'Organisation',
      objectId: organisation.id,
      ...(outcome ? { detail: outcome } : {}),
    });
    return organisation;
  });
}

export function updateOrganisation(ctx: RequestContext, id: string, name: string): Promise<Organisation | Refused> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > NAME_MAX)
    return Promise.resolve(refuse(ctx.actor.language, RefusalCode.NAME_REQUIRED, { params: { max: NAME_MAX }, field: 'name' }));
  return changeOrganisation(ctx, id, 'updateOrganisation', async (em, organisation) => {
    if (trimmed !== organisation.name && (await em.count(Organisation, { name: trimmed })))
      return refuse(ctx.actor.language, RefusalCode.ORGANISATION_EXISTS, { params: { name: trimmed }, field: 'name' });
    organisation.name = trimmed;
    return null;
  });
}

/** Its people's roles and its API tokens stop working at once (access/authenticate.ts); their sessions end now. */
export function deactivateOrganisation(ctx: RequestContext, id: string, reason: string): Promise<Organisation | Refused> {
  const why = reason.trim();
  if (!why || why.length > REASON_MAX) return Promise.resolve(refuse(ctx.actor.language, RefusalCode.REASON_REQUIRED, { field: 'reason' }));
  return changeOrganisation(ctx, id, 'deactivateOrganisation', async (em, organisation, now) => {
    if (!organisation.active) return refuse(ctx.actor.language, RefusalCode.ALREADY_INACTIVE, { params: { name: organisation.name }, field: 'id' });
    Object.assign(organisation, { active: false, deactivatedAt: now, deactivationReason: why });
    const ended = await endSessionsOfOrganisation(em, { organisationId: organisation.id }, now);
    return `${ended} sessions ended`;
  });
}

export function reactivateOrganisation(ctx: RequestContext, id: string): Promise<Organisation | Refused> {
  return changeOrganisation(ctx, id, 'reactivateOrganisation', async (_em, organisation) => {
    if (organisation.active) return refuse(ctx.actor.language, RefusalCode.ALREADY_ACTIVE, { params: { name: organisation.name }, field: 'id' });
    Object.assign(organisation, { active: true, deactivatedAt: null, deactivationReason: null });
    return null;
  });
}
