import type { RequestContext } from '../kernel/context';
import { institutionScope } from '../kernel/actor';
import { Role } from '../kernel/role';
import { Institution } from './institution.entity';
import { institutionByCode } from './institution-by-code';

const INSTITUTION_ROLES = [Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER];

/** Hub staff see every institution; an institution's people only their own. */
export async function listInstitutions(ctx: RequestContext, filter: { active?: boolean | null; search?: string | null }): Promise<Institution[]> {
  const scope = institutionScope(ctx.actor, INSTITUTION_ROLES);
  const search = filter.search?.trim().slice(0, 100);
  // LIKE's own characters in the search text are matched as themselves.
  const pattern = search ? `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
  const where = {
    ...(filter.active === undefined || filter.active === null ? {} : { active: filter.active }),
    ...(scope ? { id: { $in: [...scope] } } : {}),
    ...(search && pattern
      ? { $or: [...(/^[0-9]+$/.test(search) ? [{ code: { $like: `${search}%` } }] : []), { name: { $ilike: pattern } }, { place: { $ilike: pattern } }] }
      : {}),
  };
  return ctx.em.find(Institution, where, { orderBy: { name: 'asc' } });
}

/** Another institution's code answers null, exactly as an unknown code does. */
export async function findInstitutionByCode(ctx: RequestContext, code: string): Promise<Institution | null> {
  const scope = institutionScope(ctx.actor, INSTITUTION_ROLES);
  return institutionByCode(ctx.em, code, (id) => !scope || scope.has(id));
}
