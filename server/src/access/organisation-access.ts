import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from './session.entity';
import { User } from './user.entity';

/**
 * Ends every live session of the organisation's people, or of an institution's people (those of its
 * organisation), when hub staff deactivate it. Their roles there stop working by themselves
 * (loadGrants leaves out grants of an inactive institution or organisation); ending the sessions
 * sends them back to the login at once. Returns how many sessions ended.
 */
export async function endSessionsOfOrganisation(em: EntityManager, where: { organisationId: string } | { institutionId: string }, now: Date): Promise<number> {
  const people = await em.find(
    User,
    'organisationId' in where ? { organisation: where.organisationId } : { organisation: { institution: where.institutionId } },
    {
      fields: ['id'],
    },
  );
  if (people.length === 0) return 0;
  return em.nativeUpdate(Session, { user: { $in: people.map((user) => user.id) }, revokedAt: null }, { revokedAt: now });
}
