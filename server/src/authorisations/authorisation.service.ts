import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { type Actor, administersInstitution } from '../kernel/actor';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { AuditEvent, AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { todayInAmsterdam } from '../common/calendar';
import { isUuid } from '../common/ids';
import { type Connection, connectionTypes, definePaging, findPage, type PageArgs } from '../common/pagination';
import type { Period } from '../common/period';
import { institutionByCode } from '../institutions/institution-by-code';
import { Authorisation } from './authorisation.entity';
import type { AuthorisationFilter, GrantAuthorisationInput, UpdateAuthorisationInput } from './authorisation.inputs';
import { ProcessorLink } from './processor-link.entity';

const PURPOSE_MAX = 500;

/** Newest grant first. */
export const AUTHORISATION_PAGING = definePaging({
  tag: 'authorisations',
  keys: [
    { column: 'e.created_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 50,
  maxSize: 200,
});

export const { Connection: AuthorisationConnection } = connectionTypes(() => Authorisation, {
  name: 'Authorisation',
  description: 'A page of authorisations, newest first, revoked ones included.',
  totalCount: 'How many match; counted per request (a few per processor and institution).',
});

export type CountedPage<T> = Connection<T> & { totalCount: number };

/** The processor organisations whose authorisations the actor receives (PROCESSOR grants). */
export function processorOrganisations(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((grant) => grant.role === Role.PROCESSOR && grant.organisationId).map((grant) => grant.organisationId as string))];
}

/** The asked fields in the link's order, or FIELDS_REQUIRED / FIELDS_OUTSIDE_LINK naming the others. */
function fieldsWithin(language: Actor['language'], link: ProcessorLink, asked: string[]): string[] | Refused {
  if (asked.length === 0) return refuse(language, RefusalCode.FIELDS_REQUIRED, { field: 'fields' });
  const allowed = new Set(link.fields);
  const outside = [...new Set(asked.filter((name) => !allowed.has(name)))];
  if (outside.length) return refuse(language, RefusalCode.FIELDS_OUTSIDE_LINK, { field: 'fields', params: { fields: outside.join(', ') } });
  const wanted = new Set(asked);
  return link.fields.filter((name) => wanted.has(name));
}

function validity(language: Actor['language'], validFrom: string, validUntil: string | null): Refused | null {
  return validUntil !== null && validUntil < validFrom ? refuse(language, RefusalCode.VALIDITY_DATES, { field: 'validUntil' }) : null;
}

/** A period bound as stored: TOTAAL is no bound. */
const bound = (period: Period | null | undefined): string | null => (period && period.startDate !== null ? period.code : null);

function describe(authorisation: Authorisation): string {
  const periods = authorisation.fromPeriod || authorisation.toPeriod ? ` ${authorisation.fromPeriod ?? '…'}–${authorisation.toPeriod ?? '…'}` : '';
  return `${authorisation.validFrom}..${authorisation.validUntil ?? ''}${periods}: ${authorisation.fields.join(',')}`;
}

/** A local administrator (or hub staff) grants an authorisation through a live link. Audited. */
export async function grantAuthorisation(ctx: RequestContext, input: GrantAuthorisationInput): Promise<Authorisation | Refused> {
  const language = ctx.actor.language;
  const purpose = input.purpose.trim();
  if (!purpose || purpose.length > PURPOSE_MAX)
    return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'purpose', params: { field: 'purpose', max: PURPOSE_MAX } });
  const fromPeriod = bound(input.fromPeriod);
  const toPeriod = bound(input.toPeriod);
  if (input.fromPeriod?.startDate && input.toPeriod?.endDate && input.toPeriod.endDate < input.fromPeriod.startDate) {
    return refuse(language, RefusalCode.END_BEFORE_START, { field: 'toPeriod' });
  }
  const validFrom = input.validFrom ?? todayInAmsterdam(ctx.services.clock.now());
  const dates = validity(language, validFrom, input.validUntil ?? null);
  if (dates) return dates;
  return ctx.em.transactional(async (tx) => {
    const institution = await institutionByCode(tx, input.institutionCode, (id) => administersInstitution(ctx.actor, id));
    if (!institution) {
      await recordRefusal(ctx, { action: 'grantAuthorisation', objectType: 'Institution', detail: `NOT_FOUND ${input.institutionCode}` });
      return notFound(language, 'institution');
    }
    const link = isUuid(input.linkId) ? await tx.findOne(ProcessorLink, { id: input.linkId, removedAt: null }) : null;
    if (!link) return notFound(language, 'processorLink');
    const fields = fieldsWithin(language, link, input.fields);
    if (!Array.isArray(fields)) return fields;
    const now = ctx.services.clock.now();
    const authorisation = tx.create(Authorisation, {
      link,
      institution,
      fromPeriod,
      toPeriod,
      purpose,
      validFrom,
      validUntil: input.validUntil ?? null,
      fields,
      createdAt: now,
      updatedAt: now,
    });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'grantAuthorisation',
      objectType: 'Authorisation',
      objectId: authorisation.id,
      institutionId: institution.id,
      detail: describe(authorisation),
    });
    return authorisation;
  });
}

/** The authorisation when the actor administers its institution; null otherwise, alike for an unknown id. */
async function administeredAuthorisation(em: EntityManager, actor: Actor, id: string): Promise<Authorisation | null> {
  if (!isUuid(id)) return null;
  const authorisation = await em.findOne(Authorisation, { id }, { populate: ['link'] });
  return authorisation && administersInstitution(actor, authorisation.institution.id) ? authorisation : null;
}

async function refusedNotFound(ctx: RequestContext, action: string, id: string): Promise<Refused> {
  await recordRefusal(ctx, { action, objectType: 'Authorisation', objectId: isUuid(id) ? id : null });
  return notFound(ctx.actor.language, 'authorisation');
}

/** Narrow the fields (within the link's set) or change the dates of a live authorisation. Audited. */
export async function updateAuthorisation(ctx: RequestContext, input: UpdateAuthorisationInput): Promise<Authorisation | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const authorisation = await administeredAuthorisation(tx, ctx.actor, input.authorisationId);
    if (!authorisation) return refusedNotFound(ctx, 'updateAuthorisation', input.authorisationId);
    if (authorisation.revokedAt) return refuse(language, RefusalCode.ALREADY_REVOKED);
    const fields = input.fields ? fieldsWithin(language, authorisation.link.getEntity(), input.fields) : authorisation.fields;
    if (!Array.isArray(fields)) return fields;
    const validFrom = input.validFrom ?? authorisation.validFrom;
    const validUntil = input.validUntil ?? authorisation.validUntil ?? null;
    const dates = validity(language, validFrom, validUntil);
    if (dates) return dates;
    Object.assign(authorisation, { fields, validFrom, validUntil, updatedAt: ctx.services.clock.now() });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'updateAuthorisation',
      objectType: 'Authorisation',
      objectId: authorisation.id,
      institutionId: authorisation.institution.id,
      detail: describe(authorisation),
    });
    return authorisation;
  });
}

/** Revoke at once: the very next forwarding request under it is refused. Audited. */
export async function revokeAuthorisation(ctx: RequestContext, authorisationId: string): Promise<Authorisation | Refused> {
  return ctx.em.transactional(async (tx) => {
    const authorisation = await administeredAuthorisation(tx, ctx.actor, authorisationId);
    if (!authorisation) return refusedNotFound(ctx, 'revokeAuthorisation', authorisationId);
    if (authorisation.revokedAt) return refuse(ctx.actor.language, RefusalCode.ALREADY_REVOKED);
    const now = ctx.services.clock.now();
    Object.assign(authorisation, { revokedAt: now, updatedAt: now });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'revokeAuthorisation',
      objectType: 'Authorisation',
      objectId: authorisation.id,
      institutionId: authorisation.institution.id,
      detail: 'revoked',
    });
    return authorisation;
  });
}

async function page(ctx: RequestContext, where: object, args: PageArgs): Promise<CountedPage<Authorisation>> {
  const window = AUTHORISATION_PAGING.window(args, ctx.actor.language);
  return { ...(await findPage(ctx.em, Authorisation, where, AUTHORISATION_PAGING, window)), totalCount: await ctx.em.count(Authorisation, where) };
}

/** An institution's authorisations, for hub staff and its local administrators; empty for anyone else (as for an unknown code). */
export async function listAuthorisations(ctx: RequestContext, institutionCode: string, args: PageArgs): Promise<CountedPage<Authorisation>> {
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return { ...AUTHORISATION_PAGING.empty(AUTHORISATION_PAGING.window(args, ctx.actor.language)), totalCount: 0 };
  return page(ctx, { institution: institution.id }, args);
}

/** The authorisations granted to the processor organisations of the actor's PROCESSOR roles. */
export async function myAuthorisations(ctx: RequestContext, args: PageArgs): Promise<CountedPage<Authorisation>> {
  const organisations = processorOrganisations(ctx.actor);
  if (!organisations.length) return { ...AUTHORISATION_PAGING.empty(AUTHORISATION_PAGING.window(args, ctx.actor.language)), totalCount: 0 };
  const ids = (await ctx.em.find(ProcessorLink, { organisation: { $in: organisations } }, { fields: ['id'] })).map((link) => link.id);
  if (!ids.length) return { ...AUTHORISATION_PAGING.empty(AUTHORISATION_PAGING.window(args, ctx.actor.language)), totalCount: 0 };
  return page(ctx, { link: { $in: ids } }, args);
}

/** Every institution's authorisations, for hub staff, filtered by processor, registry, institution and whether they hold today. */
export async function allAuthorisations(ctx: RequestContext, filter: AuthorisationFilter, args: PageArgs): Promise<CountedPage<Authorisation>> {
  const none = () => ({ ...AUTHORISATION_PAGING.empty<Authorisation>(AUTHORISATION_PAGING.window(args, ctx.actor.language)), totalCount: 0 });
  const where: Record<string, unknown> = {};
  if (filter.organisationId || filter.registryId) {
    if ((filter.organisationId && !isUuid(filter.organisationId)) || (filter.registryId && !isUuid(filter.registryId))) return none();
    const links = await ctx.em.find(
      ProcessorLink,
      { ...(filter.organisationId ? { organisation: filter.organisationId } : {}), ...(filter.registryId ? { registry: filter.registryId } : {}) },
      { fields: ['id'] },
    );
    if (!links.length) return none();
    where.link = { $in: links.map((link) => link.id) };
  }
  if (filter.institutionCode) {
    const institution = await institutionByCode(ctx.em, filter.institutionCode, () => true);
    if (!institution) return none();
    where.institution = institution.id;
  }
  if (filter.activeOnly) {
    const today = todayInAmsterdam(ctx.services.clock.now());
    Object.assign(where, { revokedAt: null, validFrom: { $lte: today }, $or: [{ validUntil: null }, { validUntil: { $gte: today } }] });
  }
  return page(ctx, where, args);
}

/** What happened to an authorisation, oldest first: its audit rows (grant, changes, revocation). */
export async function authorisationHistory(ctx: RequestContext, authorisation: Authorisation): Promise<AuditEvent[]> {
  if (!administersInstitution(ctx.actor, authorisation.institution.id)) return [];
  return ctx.em.find(
    AuditEvent,
    { objectType: 'Authorisation', objectId: authorisation.id, event: { $ne: AuditEventType.AUTHORISATION_FAILURE } },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
}
