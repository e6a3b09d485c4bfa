import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../kernel/logger';
import { Institution } from '../../institutions/institution.entity';
import { InstitutionUnit } from '../../institutions/institution-unit.entity';
import { seedDemoParticipations } from '../../overviews/module';
import { seedDemoAccounts } from './demo-accounts';
import { seedDemoLifecycle } from './demo-lifecycle';
import { demoInstitutions } from './demo-data';

async function seedInstitutions(em: EntityManager): Promise<void> {
  for (const demo of demoInstitutions) {
    if (await em.count(Institution, { code: demo.code })) continue;
    const institution = em.create(Institution, { code: demo.code, name: demo.name, type: demo.type, active: demo.active ?? true });
    demo.units.forEach((name, number) => em.create(InstitutionUnit, { institution, number, name }));
  }
}

/**
 * Adds the demo institutions and accounts that are not there yet (matched by code or e-mail), in
 * one transaction. Registries are not demo data: they come from the dictionaries at every start.
 */
export async function seedDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await seedInstitutions(tx);
    await tx.flush();
    await seedDemoAccounts(tx);
    await tx.flush();
    await seedDemoParticipations(tx);
    await seedDemoLifecycle(tx);
  });
}

/** On a database without institutions only: a restart never re-adds what a user removed. */
export async function seedDemoDataIfEmpty(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(Institution)) > 0) return;
  await seedDemoData(em);
  logger.info({ institutions: demoInstitutions.length }, 'demo data seeded');
}
