import 'reflect-metadata';
import { ConfigError, loadConfig } from './kernel/config';
import { createLogger } from './kernel/logger';
import { createServices, openDatabase } from './app/server';
import { StartupError } from './kernel/startup-error';
import { openOrm } from './db/orm';
import { loadDictionaryCatalogue } from './dictionaries/dictionary-catalogue';
import { startWorker } from './jobs/worker';

/**
 * `pnpm worker`: processes deliveries in a process of its own (several may run beside the server,
 * which then can run with DATAHUB_WORKER=0). Needs DATABASE_URL: the embedded database belongs to
 * one server process.
 */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.databaseUrl)
    throw new StartupError('pnpm worker needs DATABASE_URL (the embedded database is run by the server itself; its worker runs inside it).');
  const dictionaries = await loadDictionaryCatalogue(config.dictionariesDir);
  const database = await openDatabase(config, logger);
  const orm = await openOrm(database.appUrl);
  const services = await createServices(config, orm, logger, dictionaries);
  const worker = await startWorker(services, database.appUrl);
  logger.info({ pid: process.pid }, 'delivery worker running');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await orm.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const text = error instanceof ConfigError ? `invalid configuration: ${error.problems.join(' ')}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`datahub worker: ${text}\n`);
  process.exit(1);
});
