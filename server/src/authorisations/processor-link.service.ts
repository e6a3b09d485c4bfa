import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { Organisation, OrganisationKind } from '../access/organisation.entity';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { isUuid } from '../common/ids';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { Authorisation } from './authorisation.entity';
import { currentFields } from './dictionary-fields';
import type { LinkProcessorInput, UpdateProcessorLinkInput } from './processor-link.inputs';
import { ProcessorLink } from './processor-link.entity';

type Ctx = Pick<RequestContext, 'em' | 'request' | 'services' | 'actor'>;

/**
 * The asked fields in dictionary order, or the refusal: none chosen, names not in the current
 * dictionary (named), or identifying or patient-linkable ones (named): a field the dictionary marks
 * identifying, or one of its patient key (a pseudonym still links records to one patient).
 */
async function checkedFields(ctx: Ctx, registry: Registry, subDelivery: SubDelivery | null, asked: string[]): Promise<string[] | Refused> {
  const language = ctx.actor.language;
  if (asked.length === 0) return refuse(language, RefusalCode.FIELDS_REQUIRED, { field: 'fields' });
  const known = await currentFields(ctx, registry, subDelivery);
  // Every forwarded row carries the record key: a stream keyed by a patient-linkable field cannot be forwarded (yet) at all.
  const linkableKey = known.filter((field) => field.identifying && field.inRecordKey).map((field) => field.name);
  if (linkableKey.length)
    return refuse(language, RefusalCode.RECORD_KEY_LINKABLE, { field: 'registry', params: { registry: registry.code, fields: linkableKey.join(', ') } });
  const names = new Set(known.map((field) => field.name));
  const unknown = [...new Set(asked.filter((name) => !names.has(name)))];
  if (unknown.length) return refuse(language, RefusalCode.UNKNOWN_FIELDS, { field: 'fields', params: { registry: registry.code, fields: unknown.join(', ') } });
  const wanted = new Set(asked);
  const identifying = known.filter((field) => field.identifying && wanted.has(field.name)).map((field) => field.name);
  if (identifying.length) return refuse(language, RefusalCode.IDENTIFYING_FIELDS, { field: 'fields', params: { fields: identifying.join(', ') } });
  return known.filter((field) => wanted.has(field.name)).map((field) => field.name);
}

function describe(link: ProcessorLink, registry: Registry, subDelivery: SubDelivery | null): string {
  return `${registry.code}${subDelivery ? `/${subDelivery.code}` : ''}: ${link.fields.join(',')}`;
}

/** Hub staff link a processor to a registry or sub-delivery with its field set. Audited. */
export async function linkProcessor(ctx: RequestContext, input: LinkProcessorInput): Promise<ProcessorLink | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const organisation = isUuid(input.organisationId) ? await tx.findOne(Organisation, { id: input.organisationId }) : null;
    if (!organisation) return notFound(language, 'organisation');
    if (organisation.kind !== OrganisationKind.PROCESSOR)
      return refuse(language, RefusalCode.NOT_A_PROCESSOR, { field: 'organisationId', params: { name: organisation.name } });
    const registry = await tx.findOne(Registry, { code: input.registry });
    if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { field: 'registry', params: { registry: input.registry } });
    const subDelivery = input.subDelivery ? await tx.findOne(SubDelivery, { registry: registry.id, code: input.subDelivery }) : null;
    if (input.subDelivery && !subDelivery)
      return refuse(language, RefusalCode.UNKNOWN_STREAM, { field: 'subDelivery', params: { registry: registry.code, code: input.subDelivery } });
    const fields = await checkedFields({ ...ctx, em: tx }, registry, subDelivery, input.fields);
    if (!Array.isArray(fields)) return fields;
    if (await tx.count(ProcessorLink, { organisation: organisation.id, registry: registry.id, subDelivery: subDelivery?.id ?? null, removedAt: null })) {
      return refuse(language, RefusalCode.LINK_EXISTS, { params: { name: organisation.name, registry: registry.code } });
    }
    const now = ctx.services.clock.now();
    const link = tx.create(ProcessorLink, { organisation, registry, subDelivery, fields, createdAt: now, updatedAt: now });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'linkProcessor',
      objectType: 'ProcessorLink',
      objectId: link.id,
      detail: describe(link, registry, subDelivery),
    });
    return link;
  });
}

async function liveLink(em: EntityManager, id: string): Promise<ProcessorLink | null> {
  return isUuid(id) ? em.findOne(ProcessorLink, { id, removedAt: null }, { populate: ['registry', 'subDelivery'] }) : null;
}

/**
 * Hub staff change a link's field set. Authorisations under it keep only fields still in the set
 * (each narrowing audited), so no authorisation reaches beyond its link.
 */
export async function updateProcessorLink(ctx: RequestContext, input: UpdateProcessorLinkInput): Promise<ProcessorLink | Refused> {
  return ctx.em.transactional(async (tx) => {
    const link = await liveLink(tx, input.linkId);
    if (!link) return notFound(ctx.actor.language, 'processorLink');
    const registry = link.registry.getEntity();
    const subDelivery = link.subDelivery?.getEntity() ?? null;
    const fields = await checkedFields({ ...ctx, em: tx }, registry, subDelivery, input.fields);
    if (!Array.isArray(fields)) return fields;
    const now = ctx.services.clock.now();
    Object.assign(link, { fields, updatedAt: now });
    const kept = new Set(fields);
    const narrowed: Authorisation[] = [];
    for (const authorisation of await tx.find(Authorisation, { link: link.id, revokedAt: null })) {
      if (authorisation.fields.every((name) => kept.has(name))) continue;
      authorisation.fields = authorisation.fields.filter((name) => kept.has(name));
      authorisation.updatedAt = now;
      narrowed.push(authorisation);
    }
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'updateProcessorLink',
      objectType: 'ProcessorLink',
      objectId: link.id,
      detail: describe(link, registry, subDelivery),
    });
    for (const authorisation of narrowed) {
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.UPDATE,
        action: 'updateProcessorLink',
        objectType: 'Authorisation',
        objectId: authorisation.id,
        institutionId: authorisation.institution.id,
        detail: `fields narrowed by the link: ${authorisation.fields.join(',')}`,
      });
    }
    return link;
  });
}

/** Hub staff remove a link: it and every authorisation under it stop at once (revoked, audited); the rows stay. */
export async function removeProcessorLink(ctx: RequestContext, linkId: string): Promise<ProcessorLink | Refused> {
  return ctx.em.transactional(async (tx) => {
    const link = await liveLink(tx, linkId);
    if (!link) return notFound(ctx.actor.language, 'processorLink');
    const now = ctx.services.clock.now();
    link.removedAt = now;
    link.updatedAt = now;
    const open = await tx.find(Authorisation, { link: link.id, revokedAt: null });
    for (const authorisation of open) Object.assign(authorisation, { revokedAt: now, updatedAt: now });
    await tx.flush();
    await recordAudit(tx, ctx.actor, { event: AuditEventType.DELETE, action: 'removeProcessorLink', objectType: 'ProcessorLink', objectId: link.id });
    for (const authorisation of open) {
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.UPDATE,
        action: 'removeProcessorLink',
        objectType: 'Authorisation',
        objectId: authorisation.id,
        institutionId: authorisation.institution.id,
        detail: 'revoked: the processor link was removed',
      });
    }
    return link;
  });
}

/**
 * Live links, oldest first: hub staff see all (or one organisation's), local administrators all
 * (to grant from them), processor users their own organisation's only.
 */
export async function listProcessorLinks(
  ctx: RequestContext,
  organisationId: string | null,
  processorOrganisations: string[] | null,
): Promise<ProcessorLink[]> {
  if (organisationId !== null && !isUuid(organisationId)) return [];
  const allowed =
    processorOrganisations === null ? null : organisationId === null ? processorOrganisations : processorOrganisations.filter((id) => id === organisationId);
  const organisations = allowed ?? (organisationId ? [organisationId] : null);
  return ctx.em.find(
    ProcessorLink,
    { removedAt: null, ...(organisations ? { organisation: { $in: organisations } } : {}) },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}
