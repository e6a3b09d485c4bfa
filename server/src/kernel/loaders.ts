import type { EntityManager } from '@mikro-orm/postgresql';

/** The DataLoaders one request has made so far, keyed by the module factory that made them. */
export type RequestLoaders = Map<LoaderFactory<unknown>, unknown>;

type LoaderFactory<T> = (em: EntityManager) => T;

/** A fresh, empty set of loaders for one request: they are made on first use and die with it. */
export function createRequestLoaders(): RequestLoaders {
  return new Map();
}

/**
 * Declares a module's request-scoped loaders. The module owns its loaders; the kernel only keeps
 * them per request, so one hospital's cached rows can never serve another request, and the kernel
 * imports no module:
 *
 *   export const registryLoaders = requestLoaders((em) => ({ registryById: new DataLoader(…) }));
 *   await registryLoaders(ctx).registryById.load(id);
 */
export function requestLoaders<T>(factory: LoaderFactory<T>) {
  return (ctx: { em: EntityManager; loaders: RequestLoaders }): T => {
    let made = ctx.loaders.get(factory) as T | undefined;
    if (made === undefined) {
      made = factory(ctx.em);
      ctx.loaders.set(factory, made);
    }
    return made;
  };
}
