import type { RequestContext } from '../kernel/context';
import { administersInstitution } from '../kernel/actor';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import type { Language } from '../common/messages';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { isUuid } from '../common/ids';
import { institutionByCode } from '../institutions/institution-by-code';
import { Registry } from '../registries/registry.entity';
import type { AddRegistryContactInput, RegistryContactDetailsInput } from './contact.inputs';
import { RegistryContact } from './registry-contact.entity';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Details {
  name: string;
  role: string;
  email: string;
  phone: string | null;
}

/** Trimmed details, or the refusal naming the first field that is wrong. */
function checkDetails(language: Language, input: RegistryContactDetailsInput): Details | Refused {
  const name = input.name.trim();
  const role = input.role.trim();
  const email = input.email.trim().toLowerCase();
  const phone = input.phone?.trim() || null;
  if (!name || name.length > 200) return refuse(language, RefusalCode.TEXT_REQUIRED, { params: { field: 'name', max: 200 }, field: 'name' });
  if (!role || role.length > 200) return refuse(language, RefusalCode.TEXT_REQUIRED, { params: { field: 'role', max: 200 }, field: 'role' });
  if (!EMAIL.test(email) || email.length > 320) return refuse(language, RefusalCode.INVALID_EMAIL, { params: { email: input.email }, field: 'email' });
  if (phone && phone.length > 40) return refuse(language, RefusalCode.TEXT_REQUIRED, { params: { field: 'phone', max: 40 }, field: 'phone' });
  return { name, role, email, phone };
}

/** An institution's contact persons (optionally of one registry), for hub staff and its local administrators; empty for anyone else. */
export async function listRegistryContacts(ctx: RequestContext, institutionCode: string, registryCode?: string | null): Promise<RegistryContact[]> {
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return [];
  return ctx.em.find(
    RegistryContact,
    { institution: institution.id, ...(registryCode ? { registry: { code: registryCode } } : {}) },
    { orderBy: { registry: { code: 'asc' }, name: 'asc', id: 'asc' } },
  );
}

export async function addRegistryContact(ctx: RequestContext, input: AddRegistryContactInput): Promise<RegistryContact | Refused> {
  const language = ctx.actor.language;
  const institution = await institutionByCode(ctx.em, input.institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) {
    await recordRefusal(ctx, { action: 'addRegistryContact', objectType: 'Institution', objectId: input.institutionCode.slice(0, 100) });
    return notFound(language, 'institution');
  }
  const registry = await ctx.em.findOne(Registry, { code: input.registry });
  if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: input.registry }, field: 'registry' });
  const details = checkDetails(language, input);
  if ('code' in details) return details;
  return ctx.em.transactional(async (tx) => {
    const contact = tx.create(RegistryContact, { institution: institution.id, registry: registry.id, ...details });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'addRegistryContact',
      objectType: 'RegistryContact',
      objectId: contact.id,
      institutionId: institution.id,
      detail: registry.code,
    });
    return contact;
  });
}

/** The contact person when the actor administers its institution; otherwise the refusal is audited and NOT_FOUND returned. */
async function ownContact(ctx: RequestContext, id: string, action: string): Promise<RegistryContact | Refused> {
  const contact = isUuid(id) ? await ctx.em.findOne(RegistryContact, { id }, { populate: ['registry'] }) : null;
  if (contact && administersInstitution(ctx.actor, contact.institution.id)) return contact;
  await recordRefusal(ctx, { action, objectType: 'RegistryContact', objectId: id.slice(0, 100), institutionId: contact?.institution.id ?? null });
  return notFound(ctx.actor.language, 'registryContact');
}

export async function updateRegistryContact(ctx: RequestContext, id: string, input: RegistryContactDetailsInput): Promise<RegistryContact | Refused> {
  const contact = await ownContact(ctx, id, 'updateRegistryContact');
  if (!(contact instanceof RegistryContact)) return contact;
  const details = checkDetails(ctx.actor.language, input);
  if ('code' in details) return details;
  return ctx.em.transactional(async (tx) => {
    Object.assign(contact, details, { updatedAt: ctx.services.clock.now() });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'updateRegistryContact',
      objectType: 'RegistryContact',
      objectId: contact.id,
      institutionId: contact.institution.id,
      detail: contact.registry.getEntity().code,
    });
    return contact;
  });
}

export async function removeRegistryContact(ctx: RequestContext, id: string): Promise<RegistryContact | Refused> {
  const contact = await ownContact(ctx, id, 'removeRegistryContact');
  if (!(contact instanceof RegistryContact)) return contact;
  return ctx.em.transactional(async (tx) => {
    const removed = Object.assign(new RegistryContact(), contact);
    await tx.remove(contact).flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.DELETE,
      action: 'removeRegistryContact',
      objectType: 'RegistryContact',
      objectId: removed.id,
      institutionId: removed.institution.id,
      detail: removed.registry.getEntity().code,
    });
    return removed;
  });
}
