import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { findPage, type PageArgs } from '../common/pagination';
import { type CountedPage, ORGANISATION_PAGING } from './access.paging';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import type { Institution } from '../institutions/institution.entity';
import { Organisation, OrganisationKind } from './organisation.entity';

export const HUB_ORGANISATION_NAME = 'Dutch Hospital Data (DHD)';

/** The hub's own organisation, made on first need. */
export async function hubOrganisation(em: EntityManager): Promise<Organisation> {
  return (
    (await em.findOne(Organisation, { kind: OrganisationKind.HUB })) ?? em.create(Organisation, { kind: OrganisationKind.HUB, name: HUB_ORGANISATION_NAME })
  );
}

/** Every institution is an organisation for its people; made on first need. */
export async function organisationOfInstitution(em: EntityManager, institution: Institution): Promise<Organisation> {
  return (
    (await em.findOne(Organisation, { institution: institution.id })) ??
    em.create(Organisation, { kind: OrganisationKind.INSTITUTION, name: `${institution.name} (${institution.code})`, institution })
  );
}

export async function listOrganisations(ctx: RequestContext, kind: OrganisationKind | null, page: PageArgs): Promise<CountedPage<Organisation>> {
  const window = ORGANISATION_PAGING.window(page, ctx.actor.language);
  const where = kind ? { kind } : {};
  return { ...(await findPage(ctx.em, Organisation, where, ORGANISATION_PAGING, window)), totalCount: await ctx.em.count(Organisation, where) };
}

/** Hub staff register processors and requesters; institutions and the hub come with the system. */
export async function createOrganisation(ctx: RequestContext, kind: OrganisationKind, name: string): Promise<Organisation | Refused> {
  if (kind !== OrganisationKind.PROCESSOR && kind !== OrganisationKind.REQUESTER)
    return refuse(ctx.actor.language, RefusalCode.ORGANISATION_KIND, { params: { kind }, field: 'kind' });
  const trimmed = name.trim().slice(0, 200);
  return ctx.em.transactional(async (em) => {
    if (await em.count(Organisation, { name: trimmed }))
      return refuse(ctx.actor.language, RefusalCode.ORGANISATION_EXISTS, { params: { name: trimmed }, field: 'name' });
    const organisation = em.create(Organisation, { kind, name: trimmed });
    await em.flush();
    await recordAudit(em, ctx.actor, { event: AuditEventType.CREATE, action: 'createOrganisation', objectType: 'Organisation', objectId: organisation.id });
    return organisation;
  });
}
