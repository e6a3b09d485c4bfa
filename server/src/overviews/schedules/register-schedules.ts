import type { EntityManager } from '@mikro-orm/postgresql';
import type { DictionaryCatalogue } from '../../dictionaries/dictionary-catalogue';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { Frequency } from '../../common/period';
import { deadlineRuleOf } from './deadline-rules';
import { DeliverySchedule } from './delivery-schedule.entity';

/**
 * At every start: each sub-delivery gets the schedules its dictionary lists (every version of the
 * stream, so a frequency added in a newer version appears too). Existing schedules are kept as
 * they are: after registration, hub staff own them.
 */
export async function registerSchedules(em: EntityManager, catalogue: DictionaryCatalogue): Promise<void> {
  await em.transactional(async (tx) => {
    const registries = await tx.find(Registry, {});
    const subDeliveries = await tx.find(SubDelivery, {});
    const existing = await tx.find(DeliverySchedule, {});
    const have = new Set(existing.map((schedule) => `${schedule.subDelivery.id}/${schedule.frequency}`));
    const registryCode = new Map(registries.map((registry) => [registry.id, registry.code]));
    for (const loaded of catalogue.all) {
      const subDelivery = subDeliveries.find((sub) => sub.code === loaded.subDelivery && registryCode.get(sub.registry.id) === loaded.registry);
      if (!subDelivery) continue;
      for (const entry of loaded.dictionary.schedule) {
        const key = `${subDelivery.id}/${entry.frequency}`;
        if (have.has(key)) continue;
        have.add(key);
        tx.create(DeliverySchedule, { subDelivery, frequency: Frequency[entry.frequency], deadlineRule: deadlineRuleOf(entry.deadline) });
      }
    }
    await tx.flush();
  });
}
