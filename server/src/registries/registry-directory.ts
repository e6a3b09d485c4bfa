import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { dataVersions } from '../common/data-versions';
import { Registry } from './registry.entity';
import { SubDelivery } from './sub-delivery.entity';
import { registryLoaders } from './registry.loaders';

export interface RegistriesAndSubDeliveries {
  registries: ReadonlyMap<string, Registry>;
  subDeliveries: ReadonlyMap<string, SubDelivery>;
}

/**
 * All registries and sub-deliveries, held in this process for one `overview` data version
 * (common/data-versions.ts: every change to either table bumps it at commit). Overview and
 * completeness rows name their registry and stream; loading those per request through the ORM
 * cost about a third of a cached overview request's CPU. There are tens of registries and a few
 * hundred sub-deliveries at most, so all of them are loaded at once.
 *
 * The entities come from an EntityManager of their own and are shared between requests: read
 * them, never persist or change them (a mutation loads its own through its request's fork).
 */
export class RegistryDirectory {
  private held: { version: bigint; loaded: Promise<RegistriesAndSubDeliveries> } | null = null;

  /** The directory as of this request's `overview` version (or newer, never older). */
  async get(ctx: { em: EntityManager; request: object }): Promise<RegistriesAndSubDeliveries> {
    const { overview: version } = await dataVersions(ctx.em, ctx.request);
    if (this.held && this.held.version === version) return this.held.loaded;
    const loaded = load(ctx.em.fork({ clear: true }));
    // A request that read an older version than the one held gets its own load and keeps nothing.
    if (!this.held || version > this.held.version) {
      const held: NonNullable<RegistryDirectory['held']> = { version, loaded };
      this.held = held;
      loaded.catch(() => {
        if (this.held === held) this.held = null;
      });
    }
    return loaded;
  }
}

async function load(em: EntityManager): Promise<RegistriesAndSubDeliveries> {
  const registries = await em.find(Registry, {});
  const subDeliveries = await em.find(SubDelivery, {});
  return {
    registries: new Map(registries.map((registry) => [registry.id, registry])),
    subDeliveries: new Map(subDeliveries.map((subDelivery) => [subDelivery.id, subDelivery])),
  };
}

/** A registry by id from the directory; through the request's loader only for one the directory lacks. */
export async function registryById(ctx: RequestContext, id: string): Promise<Registry | null> {
  return (await ctx.services.registryDirectory.get(ctx)).registries.get(id) ?? registryLoaders(ctx).registryById.load(id);
}

/** A sub-delivery by id from the directory; through the request's loader only for one the directory lacks. */
export async function subDeliveryById(ctx: RequestContext, id: string): Promise<SubDelivery | null> {
  return (await ctx.services.registryDirectory.get(ctx)).subDeliveries.get(id) ?? registryLoaders(ctx).subDeliveryById.load(id);
}

declare module '../kernel/services' {
  interface AppServices {
    /** Registries and sub-deliveries of this process, invalidated through the database. */
    registryDirectory: RegistryDirectory;
  }
}
