import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { administersInstitution } from '../kernel/actor';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { todayInAmsterdam } from '../common/calendar';
import { isUuid } from '../common/ids';
import { institutionByCode } from '../institutions/institution-by-code';
import { Registry } from '../registries/registry.entity';
import { AgreementKind, AgreementStatus, PER_REGISTRY } from './agreement-kind';
import { Agreement } from './agreement.entity';
import type { RecordAgreementInput, SetAgreementStatusInput } from './agreement.inputs';

/**
 * True when the institution may deliver to the registry as far as agreements go: the general service
 * and processing agreements, and the registry's supplement and data protocol, are all SIGNED and
 * none has expired by `today` (an agreement is valid up to and including its `expiresOn`).
 */
export async function agreementsSigned(em: EntityManager, institutionId: string, registryId: string, today?: string): Promise<boolean> {
  return (await unsignedAgreements(em, institutionId, registryId, today)).length === 0;
}

/** The kinds of agreement that keep `agreementsSigned` false: not signed, or expired by `today`. */
export async function unsignedAgreements(em: EntityManager, institutionId: string, registryId: string, today?: string): Promise<AgreementKind[]> {
  const day = today ?? todayInAmsterdam();
  const rows = await em.find(Agreement, {
    institution: institutionId,
    status: AgreementStatus.SIGNED,
    $or: [
      { registry: null, kind: { $nin: [...PER_REGISTRY] } },
      { registry: registryId, kind: { $in: [...PER_REGISTRY] } },
    ],
  });
  const valid = new Set(rows.filter((row) => !row.expiresOn || row.expiresOn >= day).map((row) => row.kind));
  return Object.values(AgreementKind).filter((kind) => !valid.has(kind));
}

/** An institution's agreements, for hub staff and its local administrators; empty for anyone else (as for an unknown code). */
export async function listAgreements(ctx: RequestContext, institutionCode: string): Promise<Agreement[]> {
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return [];
  return ctx.em.find(Agreement, { institution: institution.id }, { populate: ['registry'], orderBy: { kind: 'asc', createdAt: 'asc' } });
}

/** The agreement when the actor may see it (hub staff, the institution's local administrator); null otherwise, alike for an unknown id. */
export async function readableAgreement(em: EntityManager, actor: RequestContext['actor'], id: string): Promise<Agreement | null> {
  if (!isUuid(id)) return null;
  const agreement = await em.findOne(Agreement, { id });
  return agreement && administersInstitution(actor, agreement.institution.id) ? agreement : null;
}

/** Hub staff record an agreement (or update the one of that kind and registry). Audited. */
export async function recordAgreement(ctx: RequestContext, input: RecordAgreementInput): Promise<Agreement | Refused> {
  const language = ctx.actor.language;
  const perRegistry = PER_REGISTRY.includes(input.kind);
  if (perRegistry !== Boolean(input.registry)) return refuse(language, RefusalCode.AGREEMENT_SCOPE, { field: 'registry' });
  return ctx.em.transactional(async (tx) => {
    const institution = await institutionByCode(tx, input.institutionCode, () => true);
    if (!institution) return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { params: { code: input.institutionCode }, field: 'institutionCode' });
    const registry = input.registry ? await tx.findOne(Registry, { code: input.registry }) : null;
    if (input.registry && !registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: input.registry }, field: 'registry' });
    const existing = await tx.findOne(Agreement, { institution: institution.id, kind: input.kind, registry: registry?.id ?? null });
    const values = {
      status: input.status,
      sentOn: input.sentOn ?? existing?.sentOn ?? null,
      signedOn: input.signedOn ?? existing?.signedOn ?? null,
      expiresOn: input.expiresOn ?? existing?.expiresOn ?? null,
      updatedAt: ctx.services.clock.now(),
    };
    const agreement = existing ? Object.assign(existing, values) : tx.create(Agreement, { institution, registry, kind: input.kind, ...values });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: existing ? AuditEventType.UPDATE : AuditEventType.CREATE,
      action: 'recordAgreement',
      objectType: 'Agreement',
      objectId: agreement.id,
      institutionId: institution.id,
      detail: `${input.kind}${registry ? ` ${registry.code}` : ''} ${input.status}`,
    });
    return agreement;
  });
}

/** Hub staff move an agreement to a status; SENT and SIGNED record their day (default today). Audited. */
export async function setAgreementStatus(ctx: RequestContext, input: SetAgreementStatusInput): Promise<Agreement | Refused> {
  return ctx.em.transactional(async (tx) => {
    const agreement = await readableAgreement(tx, ctx.actor, input.agreementId);
    if (!agreement) {
      await recordRefusal(ctx, { action: 'setAgreementStatus', objectType: 'Agreement', objectId: input.agreementId });
      return notFound(ctx.actor.language, 'agreement');
    }
    const now = ctx.services.clock.now();
    const day = input.on ?? todayInAmsterdam(now);
    agreement.status = input.status;
    if (input.status === AgreementStatus.SENT) agreement.sentOn = day;
    if (input.status === AgreementStatus.SIGNED) agreement.signedOn = day;
    if (input.expiresOn !== undefined && input.expiresOn !== null) agreement.expiresOn = input.expiresOn;
    agreement.updatedAt = now;
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'setAgreementStatus',
      objectType: 'Agreement',
      objectId: agreement.id,
      institutionId: agreement.institution.id,
      detail: `${agreement.kind} ${input.status} ${day}`,
    });
    return agreement;
  });
}
