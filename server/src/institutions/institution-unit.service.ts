import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Institution } from './institution.entity';
import { InstitutionUnit } from './institution-unit.entity';
import { institutionToChange } from './institution-admin.service';
import { checkedName } from './institution-fields';
import type { EntityManager } from '@mikro-orm/postgresql';

type UnitChange = (em: EntityManager, institution: Institution) => Promise<{ unit: InstitutionUnit; detail?: string } | Refused>;

/** One audited transaction per unit change; the answer is the institution, whose `units` show the change. */
async function changeUnits(ctx: RequestContext, code: string, action: string, change: UnitChange): Promise<Institution | Refused> {
  return ctx.em.transactional(async (em) => {
    const institution = await institutionToChange(ctx, em, code);
    if (!(institution instanceof Institution)) return institution;
    const changed = await change(em, institution);
    if (!('unit' in changed)) return changed;
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: changed.detail === 'CREATE' ? AuditEventType.CREATE : AuditEventType.UPDATE,
      action,
      objectType: 'InstitutionUnit',
      objectId: changed.unit.id,
      institutionId: institution.id,
      detail: `unit ${changed.unit.number}`,
    });
    return institution;
  });
}

async function unitOf(ctx: RequestContext, em: EntityManager, institution: Institution, number: number): Promise<InstitutionUnit | Refused> {
  const unit = await em.findOne(InstitutionUnit, { institution: institution.id, number });
  return unit ?? Object.assign(notFound(ctx.actor.language, 'unit'), { field: 'number' });
}

/** A new unit; its number is the next free one unless given (file names carry it, so it never changes). */
export function addInstitutionUnit(ctx: RequestContext, code: string, name: string, number: number | null): Promise<Institution | Refused> {
  const checked = checkedName(ctx.actor.language, name);
  if (typeof checked !== 'string') return Promise.resolve(checked);
  return changeUnits(ctx, code, 'addInstitutionUnit', async (em, institution) => {
    const units = await em.find(InstitutionUnit, { institution: institution.id });
    const next = number ?? Math.max(-1, ...units.map((unit) => unit.number)) + 1;
    if (next < 0 || units.some((unit) => unit.number === next)) {
      return refuse(ctx.actor.language, RefusalCode.UNIT_NUMBER_TAKEN, { params: { code: institution.code, unit: next }, field: 'number' });
    }
    return { unit: em.create(InstitutionUnit, { institution, number: next, name: checked }), detail: 'CREATE' };
  });
}

export function renameInstitutionUnit(ctx: RequestContext, code: string, number: number, name: string): Promise<Institution | Refused> {
  const checked = checkedName(ctx.actor.language, name);
  if (typeof checked !== 'string') return Promise.resolve(checked);
  return changeUnits(ctx, code, 'renameInstitutionUnit', async (em, institution) => {
    const unit = await unitOf(ctx, em, institution, number);
    if (!(unit instanceof InstitutionUnit)) return unit;
    unit.name = checked;
    return { unit };
  });
}

/**
 * From `closedFrom` on the unit takes no deliveries (delivery-acceptance.ts); what was delivered
 * stays. Given again, the date moves.
 */
export function closeInstitutionUnit(ctx: RequestContext, code: string, number: number, closedFrom: string): Promise<Institution | Refused> {
  return changeUnits(ctx, code, 'closeInstitutionUnit', async (em, institution) => {
    const unit = await unitOf(ctx, em, institution, number);
    if (!(unit instanceof InstitutionUnit)) return unit;
    unit.closedFrom = closedFrom;
    return { unit };
  });
}
