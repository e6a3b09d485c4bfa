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
import { authorisedSelection } from '../authorisations/module';
import { RegistryDirectory } from '../registries/registry-directory';
import { EncryptedFileStore } from '../storage/encrypted-file-store';
import { loadKey } from '../storage/storage-key';
import { sweepUploadLeftovers } from '../storage/sweep';
import { OverviewCache, registerSchedules } from '../overviews/module';
import { startWorker } from '../jobs/worker';
import { todayInAmsterdam } from '../common/calendar';
import { type Clock, systemClock } from '../common/clock';
import type { AppServices } from '../kernel/services';
import { checkDatabaseReachable } from '../db/database-check';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres';
import { openOrm } from '../db/orm';
import { prepareDatabase } from '../db/prepare';
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
export async function createServices(
  config: Config,
  orm: MikroORM,
  logger: Logger,
  dictionaries: DictionaryCatalogue,
  clock: Clock = systemClock,
): Promise<AppServices> {
  const keys = new ServerKeys(await loadServerSecret(config));
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox'), logger });
  const storageKey = await loadKey(config.storageKey, config.dataDir, 'storage-key');
  const fileStore = new EncryptedFileStore(path.join(config.dataDir, 'files'), storageKey);
  const uploadSpool = new EncryptedFileStore(path.join(config.dataDir, 'spool'), storageKey);
  const pseudonymiser = new Pseudonymiser(await loadKey(config.pseudonymKey, config.dataDir, 'pseudonym-key'));
  return {
    config,
    orm,
    logger,
    clock,
    keys,
    mailer,
    dictionaries,
    fileStore,
    uploadSpool,
    pseudonymiser,
    overviewCache: new OverviewCache(),
    tokenCache: new TokenCache(),
    registryDirectory: new RegistryDirectory(),
    // Authorisations (machtigingen) decide what a processor may fetch: until they are wired, nothing.
    forwardingSelection: authorisedSelection,
  };
}

export interface OpenedDatabase {
  /** DATABASE_URL or the embedded superuser: migrations only, never requests or jobs. */
  ownerUrl: string;
  /** The application role (db/application-role.ts): every request and job. */
  appUrl: string;
  /** The migrations this start applied. */
  applied: string[];
  embedded: EmbeddedDatabase | null;
}

/**
 * Starts the embedded database when no DATABASE_URL is given (otherwise checks the given one
 * answers), applies the migrations as the owner and prepares the application role.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenedDatabase> {
  if (config.databaseUrl) await checkDatabaseReachable(config.databaseUrl);
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, logger);
  const ownerUrl = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;
  try {
    const { appUrl, applied } = await prepareDatabase(ownerUrl, { appUrl: config.databaseAppUrl, dataDir: config.dataDir });
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    return { ownerUrl, appUrl, applied, embedded };
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** What every start writes through the application role: dictionary versions and schedules. */
export async function registerReferenceData(orm: MikroORM, logger: Logger, dictionaries: DictionaryCatalogue, clock: Clock): Promise<void> {
  const registered = await registerDictionaries(orm.em.fork(), dictionaries, todayInAmsterdam(clock.now()));
  if (registered.length > 0) logger.info({ dictionaries: registered }, 'dictionary versions registered');
  await registerSchedules(orm.em.fork(), dictionaries);
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

/**
 * Dictionaries, database, migrations (as the owner), registration and demo data (as the application
 * role, as everything after), GraphQL and HTTP, in that order; stop() undoes them in reverse.
 */
export async function startDatahub(config: Config, logger: Logger, options: { clock?: Clock } = {}): Promise<RunningDatahub> {
  const dictionaries = await loadDictionaryCatalogue(config.dictionariesDir);
  const database = await openDatabase(config, logger);
  let orm: MikroORM | null = null;
  try {
    orm = await openOrm(database.appUrl);
    const clock = options.clock ?? systemClock;
    await registerReferenceData(orm, logger, dictionaries, clock);
    const services = await createServices(config, orm, logger, dictionaries, clock);
    // Demo data into an empty database, before the worker starts: its deliveries are processed here.
    if (config.demoData) await seedDemoDataIfEmpty(services);
    await sweepUploadLeftovers(config.dataDir, logger);
    const worker = config.inProcessWorker ? await startWorker(services, database.appUrl) : null;
    const apollo = createApolloServer(await buildDatahubSchema(), { production: config.production, logger });
    await apollo.start();
    const app = createHttpApp({ services, apollo });
    const { createServer } = await import('node:http');
    const server = createServer(app);
    const port = await listen(server, config.port, config.host);
    const running = orm;
    return {
      port,
      orm: running,
      services,
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await apollo.stop();
        await worker?.stop();
        await running.close();
        await database.embedded?.stop();
      },
    };
  } catch (error) {
    await orm?.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
}
