import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import { createLoaders, type Loaders } from './loaders';

/** One per GraphQL request: its own identity map and its own loaders, which die with it. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  logger: Logger;
}

export function createRequestContext(em: EntityManager, logger: Logger): RequestContext {
  const fork = em.fork();
  return { em: fork, loaders: createLoaders(fork), logger };
}
