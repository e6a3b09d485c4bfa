import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { endSessionsOfOrganisation } from '../access/organisation-access';
import { organisationOfInstitution } from '../access/organisation.service';
import { Organisation } from '../access/organisation.entity';
import { Institution } from './institution.entity';
import { InstitutionUnit } from './institution-unit.entity';
import type { CreateInstitutionInput, UpdateInstitutionInput } from './institution.inputs';
import { checkedCode, checkedName, checkedReason, cleanPlace } from './institution-fields';

/** Unit 0 is the institution as a whole (file names use it); a new institution starts with it. */
const MAIN_UNIT_NAME = 'Hoofdlocatie';

/** The institution by code for a hub staff change, or NOT_FOUND naming the argument `code`. */
export async function institutionToChange(ctx: RequestContext, em: EntityManager, code: string): Promise<Institution | Refused> {
  const institution = await em.findOne(Institution, { code: code.trim() });
  return institution ?? Object.assign(notFound(ctx.actor.language, 'institution'), { field: 'code' });
}

function codeTaken(ctx: RequestContext, code: string): Refused {
  return refuse(ctx.actor.language, RefusalCode.INSTITUTION_CODE_TAKEN, { params: { code }, field: 'code' });
}

/** Hub staff register an institution with unit 0 and its organisation (for its people's accounts); audited. */
export async function createInstitution(ctx: RequestContext, input: CreateInstitutionInput): Promise<Institution | Refused> {
  const language = ctx.actor.language;
  const code = checkedCode(language, input.code);
  if (typeof code !== 'string') return code;
  const name = checkedName(language, input.name);
  if (typeof name !== 'string') return name;
  try {
    return await ctx.em.transactional(async (em) => {
      if (await em.count(Institution, { code })) return codeTaken(ctx, code);
      const institution = em.create(Institution, { code, name, type: input.type, place: cleanPlace(input.place), active: true });
      em.create(InstitutionUnit, { institution, number: 0, name: MAIN_UNIT_NAME });
      await organisationOfInstitution(em, institution);
      await em.flush();
      await recordAudit(em, ctx.actor, {
        event: AuditEventType.CREATE,
        action: 'createInstitution',
        objectType: 'Institution',
        objectId: institution.id,
        institutionId: institution.id,
      });
      return institution;
    });
  } catch (error) {
    // Two hub staff registering the same code at once: the database's unique key decides.
    if (error instanceof UniqueConstraintViolationException) return codeTaken(ctx, code);
    throw error;
  }
}

/** Name, type and place; the code stays. The institution's organisation is renamed with it. */
export async function updateInstitution(ctx: RequestContext, code: string, input: UpdateInstitutionInput): Promise<Institution | Refused> {
  const name = input.name === undefined || input.name === null ? null : checkedName(ctx.actor.language, input.name);
  if (name !== null && typeof name !== 'string') return name;
  return ctx.em.transactional(async (em) => {
    const institution = await institutionToChange(ctx, em, code);
    if (!(institution instanceof Institution)) return institution;
    const changed: string[] = [];
    if (name !== null && name !== institution.name) {
      institution.name = name;
      changed.push('name');
      const organisation = await em.findOne(Organisation, { institution: institution.id });
      if (organisation) organisation.name = `${name} (${institution.code})`;
    }
    if (input.type && input.type !== institution.type) {
      institution.type = input.type;
      changed.push('type');
    }
    if (input.place !== undefined && input.place !== null && cleanPlace(input.place) !== (institution.place ?? null)) {
      institution.place = cleanPlace(input.place);
      changed.push('place');
    }
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'updateInstitution',
      objectType: 'Institution',
      objectId: institution.id,
      institutionId: institution.id,
      detail: changed.join(',') || 'UNCHANGED',
    });
    return institution;
  });
}

/**
 * Deactivation keeps the institution and all its history, refuses new deliveries
 * (delivery-acceptance.ts) and ends its people's access: their roles there stop working on the next
 * request (access/authenticate.ts) and their sessions end now.
 */
export async function deactivateInstitution(ctx: RequestContext, code: string, reason: string): Promise<Institution | Refused> {
  const why = checkedReason(ctx.actor.language, reason);
  if (typeof why !== 'string') return why;
  return ctx.em.transactional(async (em) => {
    const institution = await institutionToChange(ctx, em, code);
    if (!(institution instanceof Institution)) return institution;
    if (!institution.active) return refuse(ctx.actor.language, RefusalCode.ALREADY_INACTIVE, { params: { name: institution.name }, field: 'code' });
    const now = ctx.services.clock.now();
    Object.assign(institution, { active: false, deactivatedAt: now, deactivationReason: why });
    await em.flush();
    const ended = await endSessionsOfOrganisation(em, { institutionId: institution.id }, now);
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'deactivateInstitution',
      objectType: 'Institution',
      objectId: institution.id,
      institutionId: institution.id,
      detail: `${ended} sessions ended`,
    });
    return institution;
  });
}

/** Its people's roles work again (their sessions stay ended: they log in anew). */
export async function reactivateInstitution(ctx: RequestContext, code: string): Promise<Institution | Refused> {
  return ctx.em.transactional(async (em) => {
    const institution = await institutionToChange(ctx, em, code);
    if (!(institution instanceof Institution)) return institution;
    if (institution.active) return refuse(ctx.actor.language, RefusalCode.ALREADY_ACTIVE, { params: { name: institution.name }, field: 'code' });
    Object.assign(institution, { active: true, deactivatedAt: null, deactivationReason: null });
    await em.flush();
    await recordAudit(em, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'reactivateInstitution',
      objectType: 'Institution',
      objectId: institution.id,
      institutionId: institution.id,
    });
    return institution;
  });
}
