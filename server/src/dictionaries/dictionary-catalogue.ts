import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StartupError } from '../kernel/startup-error';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { DeadlineRule } from '../registries/deadline-rule';
import { Frequency } from '../common/period';
import type { DeadlineDefinition } from '@datahub/validation';
import { DictionaryFileError, findDictionary, loadDictionaries, type LoadedDictionary } from './dictionary-files';
import { DictionaryStatus, DictionaryVersion } from './dictionary-version.entity';
import { Channel } from '../registries/channel';

/** The dictionaries read from `dictionaries/` at start, checked against their schema. */
export class DictionaryCatalogue {
  constructor(readonly all: readonly LoadedDictionary[]) {}

  find(registry: string, subDelivery: string | undefined, version: string): LoadedDictionary | undefined {
    return findDictionary(this.all, { registry, subDelivery, version });
  }

  /** `CAT/Cataract/1.4` form. */
  byId(id: string): LoadedDictionary | undefined {
    const [registry, subDelivery, version] = id.split('/');
    return registry && subDelivery && version ? this.find(registry, subDelivery, version) : undefined;
  }
}

/** A broken dictionary stops the server with the file, the place inside it and what is wrong. */
export async function loadDictionaryCatalogue(dir: string): Promise<DictionaryCatalogue> {
  try {
    return new DictionaryCatalogue(await loadDictionaries(dir));
  } catch (error) {
    if (error instanceof DictionaryFileError) {
      throw new StartupError(`The dictionary file ${path.relative(process.cwd(), error.file) || error.file} is broken at ${error.jsonPath}: ${error.problem}`);
    }
    throw error;
  }
}

function deadlineRule(definition: DeadlineDefinition): DeadlineRule {
  return definition.kind === 'AFTER_PERIOD_END'
    ? DeadlineRule.afterPeriodEnd(definition.monthsAfterPeriodEnd, definition.day)
    : DeadlineRule.fixedDate(definition.yearsAfterPeriodYear, definition.month, definition.day);
}

async function ensureRegistry(em: EntityManager, loaded: LoadedDictionary): Promise<Registry> {
  const file = loaded.registryFile;
  return (
    (await em.findOne(Registry, { code: file.code })) ??
    em.create(Registry, {
      code: file.code,
      name: file.name.nl,
      holder: file.holder,
      acceptedChannels: file.channels.map((channel) => Channel[channel]),
      producesInformationProduct: file.producesInformationProduct,
    })
  );
}

/** The sub-delivery's primary schedule is the dictionary's first (CAT: quarterly; MMY: half-yearly). */
async function ensureSubDelivery(em: EntityManager, registry: Registry, loaded: LoadedDictionary): Promise<SubDelivery> {
  const existing = await em.findOne(SubDelivery, { registry: registry.id, code: loaded.subDelivery });
  if (existing) return existing;
  const [primary] = loaded.dictionary.schedule;
  if (!primary) throw new StartupError(`The dictionary ${loaded.file} has no schedule.`);
  const name = loaded.registryFile.subDeliveries.find((sub) => sub.code === loaded.subDelivery)?.name.nl ?? loaded.subDelivery;
  return em.create(SubDelivery, { registry, code: loaded.subDelivery, name, frequency: Frequency[primary.frequency], deadlineRule: deadlineRule(primary.deadline) });
}

/**
 * Registers what the files define and the database lacks: registries, sub-deliveries and dictionary
 * versions (ACTIVE, valid from the file's validFrom or today). Rows that exist are left alone: after
 * registration, hub staff own status and validity. Returns the ids of versions it registered.
 */
export async function registerDictionaries(em: EntityManager, catalogue: DictionaryCatalogue, today: string): Promise<string[]> {
  return em.transactional(async (tx) => {
    const registered: string[] = [];
    for (const loaded of catalogue.all) {
      const registry = await ensureRegistry(tx, loaded);
      const subDelivery = await ensureSubDelivery(tx, registry, loaded);
      await tx.flush();
      if (await tx.count(DictionaryVersion, { subDelivery: subDelivery.id, version: loaded.version })) continue;
      tx.create(DictionaryVersion, { subDelivery, version: loaded.version, status: DictionaryStatus.ACTIVE, validFrom: loaded.dictionary.validFrom ?? today });
      registered.push(`${loaded.registry}/${loaded.subDelivery}/${loaded.version}`);
    }
    await tx.flush();
    return registered;
  });
}

declare module '../kernel/services' {
  interface AppServices {
    /** The data dictionaries loaded and checked at start. */
    dictionaries: DictionaryCatalogue;
  }
}
