import 'reflect-metadata';
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
import { TokenCache } from '../access/authenticate';
import { ServerKeys } from '../access/secrets';
import { loadServerSecret } from '../access/server-secret';
import { type DictionaryCatalogue, loadDictionaryCatalogue, registerDictionaries } from '../dictionaries/dictionary-catalogue';
import { createMailer } from '../mail/mailer';
import { Pseudonymiser } from '../records/pseudonymiser';
import { RegistryDirectory } from '../registries/registry-directory';
import { EncryptedFileStore } from '../storage/encrypted-file-store';
import { loadKey } from '../storage/storage-key';
import { sweepUploadLeftovers } from '../storage/sweep';
import { OverviewCache, registerSchedules } from '../overviews/module';
import { prepareQueue } from '../jobs/queue';
import { startWorker } from '../jobs/worker';
import { todayInAmsterdam } from '../shared/calendar';
import { type Clock, systemClock } from '../shared/clock';
import type { AppServices } from '../kernel/services';
import { checkDatabaseReachable } from '../db/database-check';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres';
import { migrate, openOrm } from '../db/orm';
import { seedDemoDataIfEmpty } from '../db/seeds/demo';
import type { Config } from '../kernel/config';
import { createApolloServer } from './graphql';
import { createHttpApp } from './http';
import type { Logger } from '../kernel/logger';
import { buildDatahubSchema } from './schema';

export interface RunningDatahub {
  port: number;
  orm: MikroORM;
  services: AppServices;
  stop(): Promise<void>;
}

/** Process-wide services: the server key, the mailer (SMTP or the outbox folder) and the clock. */
export async function createServices(config: Config, orm: MikroORM, logger: Logger, dictionaries: DictionaryCatalogue, clock: Clock = systemClock): Promise<AppServices> {
  const keys = new ServerKeys(await loadServerSecret(config));
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox'), logger });
  const storageKey = await loadKey(config.storageKey, config.dataDir, 'storage-key');
  const fileStore = new EncryptedFileStore(path.join(config.dataDir, 'files'), storageKey);
  const uploadSpool = new EncryptedFileStore(path.join(config.dataDir, 'spool'), storageKey);
  const pseudonymiser = new Pseudonymiser(await loadKey(config.pseudonymKey, config.dataDir, 'pseudonym-key'));
  return { config, orm, logger, clock, keys, mailer, dictionaries, fileStore, uploadSpool, pseudonymiser, overviewCache: new OverviewCache(), tokenCache: new TokenCache(), registryDirectory: new RegistryDirectory() };
}

/** Starts the embedded database when no DATABASE_URL is given; otherwise checks the given one answers. */
export async function openDatabase(config: Config, logger: Logger): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (config.databaseUrl) {
    await checkDatabaseReachable(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, logger);
  return { url: embedded.url, embedded };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Dictionaries, database, migrations, registration, demo data, GraphQL and HTTP, in that order; stop() undoes them in reverse. */
export async function startDatahub(config: Config, logger: Logger, options: { clock?: Clock } = {}): Promise<RunningDatahub> {
  const dictionaries = await loadDictionaryCatalogue(config.dictionariesDir);
  const database = await openDatabase(config, logger);
  const orm = await openOrm(database.url);
  try {
    const applied = await migrate(orm);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    const clock = options.clock ?? systemClock;
    const registered = await registerDictionaries(orm.em.fork(), dictionaries, todayInAmsterdam(clock.now()));
    if (registered.length > 0) logger.info({ dictionaries: registered }, 'dictionary versions registered');
    await registerSchedules(orm.em.fork(), dictionaries);
    if (config.demoData) await seedDemoDataIfEmpty(orm.em.fork(), logger);
    const services = await createServices(config, orm, logger, dictionaries, clock);
    await prepareQueue(database.url);
    await sweepUploadLeftovers(config.dataDir, logger);
    const worker = config.inProcessWorker ? await startWorker(services, database.url) : null;
    const apollo = createApolloServer(await buildDatahubSchema(), { production: config.production, logger });
    await apollo.start();
    const app = createHttpApp({ services, apollo });
    const { createServer } = await import('node:http');
    const server = createServer(app);
    const port = await listen(server, config.port, config.host);
    return {
      port,
      orm,
      services,
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await apollo.stop();
        await worker?.stop();
        await orm.close();
        await database.embedded?.stop();
      },
    };
  } catch (error) {
    await orm.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
}
