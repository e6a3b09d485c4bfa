import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../app/logger';
import { DictionaryVersion } from '../../dictionaries/dictionary-version.entity';
import { Institution } from '../../institutions/institution.entity';
import { InstitutionUnit } from '../../institutions/institution-unit.entity';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { seedDemoAccounts } from './demo-accounts';
import { demoInstitutions, demoRegistries } from './demo-data';

async function seedInstitutions(em: EntityManager): Promise<void> {
  for (const demo of demoInstitutions) {
    if (await em.count(Institution, { code: demo.code })) continue;
    const institution = em.create(Institution, { code: demo.code, name: demo.name, type: demo.type, active: demo.active ?? true });
    demo.units.forEach((name, number) => em.create(InstitutionUnit, { institution, number, name }));
  }
}

async function seedRegistries(em: EntityManager): Promise<void> {
  for (const demo of demoRegistries) {
    if (await em.count(Registry, { code: demo.code })) continue;
    const registry = em.create(Registry, {
      code: demo.code,
      name: demo.name,
      holder: demo.holder,
      acceptedChannels: demo.acceptedChannels,
      producesInformationProduct: demo.producesInformationProduct,
    });
    for (const sub of demo.subDeliveries) {
      const subDelivery = em.create(SubDelivery, {
        registry,
        code: sub.code,
        name: sub.name,
        frequency: sub.frequency,
        deadlineRule: sub.deadlineRule,
      });
      for (const dictionary of sub.dictionaries) em.create(DictionaryVersion, { subDelivery, ...dictionary });
    }
  }
}

/** Adds the demo institutions, registries and accounts that are not there yet (matched by code or e-mail), in one transaction. */
export async function seedDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await seedInstitutions(tx);
    await seedRegistries(tx);
    await tx.flush();
    await seedDemoAccounts(tx);
  });
}

/** On a database without institutions and registries only: a restart never re-adds what a user removed. */
export async function seedDemoDataIfEmpty(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(Institution)) > 0 || (await em.count(Registry)) > 0) return;
  await seedDemoData(em);
  logger.info({ institutions: demoInstitutions.length, registries: demoRegistries.length }, 'demo data seeded');
}
