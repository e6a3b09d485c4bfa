import type { EntityManager } from '@mikro-orm/postgresql';
import { Institution } from './institution.entity';

/**
 * The institution with this code when `mayUse` lets the actor use it for the purpose at hand;
 * null otherwise. An unknown code and another institution's code answer alike, after the same
 * single query, so no caller can tell them apart (docs/security.md).
 */
export async function institutionByCode(em: EntityManager, code: string, mayUse: (institutionId: string) => boolean): Promise<Institution | null> {
  const institution = await em.findOne(Institution, { code });
  return institution && mayUse(institution.id) ? institution : null;
}
