import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StartupError } from '../kernel/startup-error';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { DeadlineRule } from '../registries/deadline-rule';
import { Frequency } from '../common/period';
import type { DeadlineDefinition } from '@datahub/validation';
import { DictionaryFileError, findDictionary, loadDictionaries, loadShared, type LoadedDictionary, type Shared } from './dictionary-files';
import { dataVersions } from '../common/data-versions';
import { resolvePackage, type CatalogueEntry } from './package/dictionary-package';
import { DictionaryStatus, DictionaryVersion } from './dictionary-version.entity';
import { Channel } from '../registries/channel';

/**
 * The dictionaries deliveries are checked with: those shipped in `dictionaries/` (read and checked at
 * start) and those hub staff uploaded and published (read from the database). The published ones are
 * reloaded when the `dictionary` data version moves (any change to a dictionary version, in any
 * process, bumps it at commit): `current(ctx)` gives the catalogue as of the caller's version.
 */
export class DictionaryCatalogue {
  private published: { version: bigint; entries: CatalogueEntry[] } = { version: -1n, entries: [] };
  private loading: { version: bigint; done: Promise<void> } | null = null;

  constructor(
    readonly shipped: readonly LoadedDictionary[],
    /** The schema, common checks and common tables uploaded packages are checked and resolved with. */
    readonly shared: Shared,
  ) {}

  /** Every dictionary: shipped, then published uploads (an upload never replaces a shipped version). */
  get all(): readonly CatalogueEntry[] {
    return [...this.shipped, ...this.published.entries.filter((entry) => !findDictionary(this.shipped, entry))];
  }

  find(registry: string, subDelivery: string | undefined, version: string): CatalogueEntry | undefined {
    return findDictionary(this.all, { registry, subDelivery, version });
  }

  /** `CAT/Cataract/1.4` form. */
  byId(id: string): CatalogueEntry | undefined {
    const [registry, subDelivery, version] = id.split('/');
    return registry && subDelivery && version ? this.find(registry, subDelivery, version) : undefined;
  }

  /** This catalogue after loading what was published up to the request's `dictionary` data version. */
  async current(ctx: { em: EntityManager; request: object }): Promise<this> {
    const { dictionary: version } = await dataVersions(ctx.em, ctx.request);
    if (version <= this.published.version) return this;
    if (!this.loading || this.loading.version < version) {
      const loading = { version, done: this.load(ctx.em.fork({ clear: true }), version) };
      this.loading = loading;
      loading.done.catch(() => {
        if (this.loading === loading) this.loading = null;
      });
    }
    await this.loading.done;
    return this;
  }

  private async load(em: EntityManager, version: bigint): Promise<void> {
    const rows = await em.find(
      DictionaryVersion,
      { status: DictionaryStatus.ACTIVE, uploadedAt: { $ne: null } },
      { populate: ['package', 'subDelivery', 'subDelivery.registry'] },
    );
    const entries: CatalogueEntry[] = [];
    for (const row of rows) {
      const subDelivery = row.subDelivery.getEntity();
      const resolved = row.package ? resolvePackage(this.shared, row.package, { registry: subDelivery.registry.getEntity().code, subDelivery: subDelivery.code }) : [];
      // A stored package was checked when uploaded; one that no longer resolves (the common checks changed) is left out, not fatal.
      if (!Array.isArray(resolved)) entries.push(resolved);
    }
    if (version > this.published.version) this.published = { version, entries };
  }
}

/** A broken dictionary stops the server with the file, the place inside it and what is wrong. */
export async function loadDictionaryCatalogue(dir: string): Promise<DictionaryCatalogue> {
  try {
    return new DictionaryCatalogue(await loadDictionaries(dir), await loadShared(dir));
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
 * versions (ACTIVE, accepted and required from the file's validFrom or today). Rows that exist are left alone: after
 * registration, hub staff own status and validity. Returns the ids of versions it registered.
 */
export async function registerDictionaries(em: EntityManager, catalogue: DictionaryCatalogue, today: string): Promise<string[]> {
  return em.transactional(async (tx) => {
    const registered: string[] = [];
    for (const loaded of catalogue.shipped) {
      const registry = await ensureRegistry(tx, loaded);
      const subDelivery = await ensureSubDelivery(tx, registry, loaded);
      await tx.flush();
      if (await tx.count(DictionaryVersion, { subDelivery: subDelivery.id, version: loaded.version })) continue;
      const from = loaded.dictionary.validFrom ?? today;
      tx.create(DictionaryVersion, { subDelivery, version: loaded.version, status: DictionaryStatus.ACTIVE, acceptedFrom: from, requiredFrom: from });
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
