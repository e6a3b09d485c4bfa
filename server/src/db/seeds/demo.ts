import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../../kernel/services';
import { Institution } from '../../institutions/institution.entity';
import { InstitutionUnit } from '../../institutions/institution-unit.entity';
import { seedDemoParticipations } from '../../overviews/module';
import { seedDemoAccounts } from './demo-accounts';
import { seedDemoLifecycle } from './demo-lifecycle';
import { deliverDemoFiles } from './demo-deliveries';
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
 * Into a database without deliveries it then delivers a history of generated files, each checked
 * and ingested by the real processing (one transaction per delivery, as the worker does).
 */
export async function seedDemoData(services: AppServices): Promise<{ delivered: number; unexpected: number }> {
  const plan = await services.orm.em.fork().transactional(async (tx: EntityManager) => {
    await seedInstitutions(tx);
    await tx.flush();
    await seedDemoAccounts(tx);
    await tx.flush();
    const deliveries = await seedDemoParticipations(tx);
    await seedDemoLifecycle(tx);
    return deliveries;
  });
  return deliverDemoFiles(services, plan);
}

/** On a database without institutions only: a restart never re-adds what a user removed. */
export async function seedDemoDataIfEmpty(services: AppServices): Promise<void> {
  if ((await services.orm.em.fork().count(Institution)) > 0) return;
  const started = Date.now();
  const { delivered, unexpected } = await seedDemoData(services);
  services.logger.info({ institutions: demoInstitutions.length, deliveries: delivered, unexpected, ms: Date.now() - started }, 'demo data seeded');
}
