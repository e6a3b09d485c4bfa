import type { EntityManager } from '@mikro-orm/postgresql';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { type Language, messages } from '../common/messages';
import { type Actor, administersInstitution, isHubStaff } from '../kernel/actor';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Organisation, OrganisationKind } from './organisation.entity';
import { isUuid } from '../common/ids';
import { Role, ROLE_SCOPE } from '../kernel/role';
import { institutionByCode } from '../institutions/institution-by-code';

export interface RoleScopeInput {
  role: Role;
  institutionCode?: string | null;
  registryCodes?: string[] | null;
  subDeliveryCode?: string | null;
  organisationId?: string | null;
}

/** One assignment to make: a role with its resolved scope. */
export interface ResolvedGrant {
  role: Role;
  institution: Institution | null;
  registry: Registry | null;
  subDelivery: SubDelivery | null;
  organisation: Organisation | null;
}

function scopeRefusal(language: Language, role: Role, field: string): Refused {
  return refuse(language, RefusalCode.ROLE_SCOPE, { params: { role, scope: messages(language).roleScope[ROLE_SCOPE[role]] }, field });
}

const only = (role: Role, parts: Partial<ResolvedGrant>): ResolvedGrant => ({
  role,
  institution: null,
  registry: null,
  subDelivery: null,
  organisation: null,
  ...parts,
});

/** Turns codes into entities and checks the role's scope is complete: one grant per registry. */
export async function resolveScope(em: EntityManager, input: RoleScopeInput, language: Language): Promise<ResolvedGrant[] | Refused> {
  const scope = ROLE_SCOPE[input.role];
  if (scope === 'HUB') return input.institutionCode || input.organisationId ? scopeRefusal(language, input.role, 'institutionCode') : [only(input.role, {})];
  if (scope === 'ORGANISATION') {
    const kind = input.role === Role.PROCESSOR ? OrganisationKind.PROCESSOR : OrganisationKind.REQUESTER;
    const organisation = isUuid(input.organisationId) ? await em.findOne(Organisation, { id: input.organisationId, kind }) : null;
    return organisation ? [only(input.role, { organisation })] : scopeRefusal(language, input.role, 'organisationId');
  }
  const institution = input.institutionCode ? await em.findOne(Institution, { code: input.institutionCode }) : null;
  if (!institution) return scopeRefusal(language, input.role, 'institutionCode');
  if (scope === 'INSTITUTION') return [only(input.role, { institution })];
  const codes = [...new Set(input.registryCodes ?? [])];
  const registries = codes.length ? await em.find(Registry, { code: { $in: codes } }, { orderBy: { code: 'asc' } }) : [];
  if (codes.length === 0 || registries.length !== codes.length) return scopeRefusal(language, input.role, 'registryCodes');
  if (!input.subDeliveryCode) return registries.map((registry) => only(input.role, { institution, registry }));
  const registry = registries.length === 1 ? registries[0] : undefined;
  const subDelivery = registry ? await em.findOne(SubDelivery, { registry: registry.id, code: input.subDeliveryCode }) : null;
  return subDelivery ? [only(input.role, { institution, registry, subDelivery })] : scopeRefusal(language, input.role, 'subDeliveryCode');
}

/**
 * Who may grant what: hub staff anything (hub staff accounts only by hub staff, ISSUE 3); a local
 * administrator only institution roles at an institution they administer.
 */
export function refusalToGrant(actor: Actor, grants: ResolvedGrant[]): Refused | null {
  for (const grant of grants) {
    const scope = ROLE_SCOPE[grant.role];
    if ((scope === 'HUB' || scope === 'ORGANISATION') && !isHubStaff(actor)) return refuse(actor.language, RefusalCode.HUB_STAFF_ONLY);
    if (grant.institution && !administersInstitution(actor, grant.institution.id)) return refuse(actor.language, RefusalCode.FORBIDDEN);
  }
  return null;
}

/** A refusal that is about who the actor is (audited as such), not about what was asked. */
export function isAuthorisationRefusal(outcome: Refused): boolean {
  return outcome.code === RefusalCode.FORBIDDEN || outcome.code === RefusalCode.HUB_STAFF_ONLY;
}

/**
 * resolveScope, then refusalToGrant, for an actor granting or inviting. A local administrator gets
 * the same FORBIDDEN for an unknown institution code as for one they do not administer: they learn
 * nothing about institutions other than their own (docs/security.md).
 */
export async function resolveGrantable(em: EntityManager, actor: Actor, input: RoleScopeInput): Promise<ResolvedGrant[] | Refused> {
  const scope = ROLE_SCOPE[input.role];
  if (!isHubStaff(actor) && (scope === 'INSTITUTION' || scope === 'INSTITUTION_REGISTRY') && input.institutionCode) {
    if (!(await institutionByCode(em, input.institutionCode, (id) => administersInstitution(actor, id)))) return refuse(actor.language, RefusalCode.FORBIDDEN);
  }
  const grants = await resolveScope(em, input, actor.language);
  if (!Array.isArray(grants)) return grants;
  const refused = refusalToGrant(actor, grants);
  if (refused) return refused;
  // A deactivated institution takes no new people: its roles would not work anyway (access/authenticate.ts).
  const inactive = grants.find((grant) => grant.institution && !grant.institution.active)?.institution;
  if (inactive) {
    return refuse(actor.language, RefusalCode.INSTITUTION_INACTIVE, { params: { name: inactive.name, code: inactive.code }, field: 'institutionCode' });
  }
  return grants;
}

/** Scope as stored on an invitation: codes and ids only. */
export function scopeOf(input: RoleScopeInput) {
  return {
    institutionCode: input.institutionCode ?? null,
    registryCodes: [...new Set(input.registryCodes ?? [])],
    subDeliveryCode: input.subDeliveryCode ?? null,
    organisationId: input.organisationId ?? null,
  };
}
