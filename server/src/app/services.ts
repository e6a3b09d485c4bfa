import type { MikroORM } from '@mikro-orm/postgresql';
import type { TokenCache } from '../access/authenticate';
import type { ServerKeys } from '../access/secrets';
import type { DictionaryCatalogue } from '../dictionaries/dictionary-catalogue';
import type { Mailer } from '../mail/mailer';
import type { OverviewCache } from '../overviews/module';
import type { Pseudonymiser } from '../records/pseudonymiser';
import type { RegistryDirectory } from '../registries/registry-directory';
import type { FileStore } from '../storage/file-store';
import type { Clock } from '../shared/clock';
import type { Config } from './config';
import type { Logger } from './logger';

/** What lives as long as the process; every request and job reaches it through its context. */
export interface AppServices {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
  keys: ServerKeys;
  mailer: Mailer;
  dictionaries: DictionaryCatalogue;
  fileStore: FileStore;
  pseudonymiser: Pseudonymiser;
  /** Computed overview results of this process, invalidated through the database (overviews/shared/overview-cache.ts). */
  overviewCache: OverviewCache;
  /** Valid bearer tokens of this process, invalidated through the database (access/authenticate.ts). */
  tokenCache: TokenCache;
  /** Registries and sub-deliveries of this process, invalidated through the database (registries/registry-directory.ts). */
  registryDirectory: RegistryDirectory;
}
