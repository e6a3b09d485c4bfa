import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * What lives as long as the process; every request and job reaches it through its context.
 *
 * The kernel declares only what every module needs. Each module adds the process-wide object it
 * owns by augmenting this interface in the file that defines it (`declare module
 * '../kernel/services'`), so the kernel imports no module: access (`tokenCache`, `keys`),
 * dictionaries, mail, overviews (`overviewCache`), records (`pseudonymiser`), registries
 * (`registryDirectory`) and storage (`fileStore`). `app/server.ts` assembles them all.
 */
export interface AppServices {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
}
