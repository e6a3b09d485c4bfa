import type { EntityManager } from '@mikro-orm/postgresql';
import { createAccessLoaders } from '../access/access.loaders';
import { createDictionaryLoaders } from '../dictionaries/dictionary-version.loaders';
import { createInstitutionLoaders } from '../institutions/institution.loaders';
import { createRegistryLoaders } from '../registries/registry.loaders';

export function createLoaders(em: EntityManager) {
  return {
    ...createInstitutionLoaders(em),
    ...createRegistryLoaders(em),
    ...createDictionaryLoaders(em),
    ...createAccessLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
