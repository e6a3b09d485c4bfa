import 'reflect-metadata';
import { ConfigError, loadConfig } from './kernel/config';
import { createLogger } from './kernel/logger';
import { startDatahub } from './app/server';
import { StartupError } from './kernel/startup-error';
import { ensurePortFree } from './db/free-port';

function fail(message: string): never {
  process.stderr.write(`datahub: ${message}\n`);
  process.exit(1);
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.problems.join(' ')}`);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  await ensurePortFree(config.port, config.host);
  const datahub = await startDatahub(config, logger);
  logger.info({ port: datahub.port }, `Datahub is running at http://localhost:${datahub.port}/ (GraphQL at /graphql)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await datahub.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) fail(error.message);
  process.stderr.write(`datahub: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
