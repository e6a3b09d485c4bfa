import type { RequestContext } from '../app/context';
import { Institution } from './institution.entity';

export async function listInstitutions(ctx: RequestContext, filter: { active?: boolean | null }): Promise<Institution[]> {
  const where = filter.active === undefined || filter.active === null ? {} : { active: filter.active };
  return ctx.em.find(Institution, where, { orderBy: { name: 'asc' } });
}

export async function findInstitutionByCode(ctx: RequestContext, code: string): Promise<Institution | null> {
  return ctx.em.findOne(Institution, { code });
}
