import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/src/kernel/config';
import { createLogger } from '../../server/src/kernel/logger';
import { createServices, registerReferenceData, startDatahub, type RunningDatahub } from '../../server/src/app/server';
import { seedDemoDataIfEmpty } from '../../server/src/db/seeds/demo';
import { openOrm } from '../../server/src/db/orm';
import { migrateAsOwner } from '../../server/src/db/prepare';
import { loadDictionaryCatalogue } from '../../server/src/dictionaries/dictionary-catalogue';
import { systemClock } from '../../server/src/common/clock';
import { startTestCluster, type TestCluster } from './database';

/** A clock the tests move forward instead of sleeping. */
export class TestClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestServer {
  url: string;
  datahub: RunningDatahub;
  databaseUrl: string;
  dataDir: string;
  clock: TestClock;
}

let cluster: Promise<TestCluster> | null = null;
const started: RunningDatahub[] = [];
let sharedDatahub: RunningDatahub | null = null;

/** Stops a server, giving up after 15 s (a server whose database was dropped may not stop cleanly). */
async function stopQuietly(datahub: RunningDatahub): Promise<void> {
  await Promise.race([datahub.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 15000).unref())]);
}

export function testCluster(): Promise<TestCluster> {
  cluster ??= startTestCluster();
  return cluster;
}

const TEST_ENV = {
  DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
  DATAHUB_STORAGE_KEY: '11'.repeat(32),
  DATAHUB_PSEUDONYM_KEY: '22'.repeat(32),
  PORT: '0',
  HOST: '127.0.0.1',
  DATAHUB_DEMO: '1',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
};

let template: Promise<string> | null = null;

/**
 * The run's template database: migrated, dictionaries registered and demo data seeded once, as a
 * server's first start would, by the owner and without an application role (a copy's server makes
 * its own). Each test server gets a copy (`CREATE DATABASE … TEMPLATE`), which costs a fraction of
 * migrating and seeding again.
 */
function templateDatabase(): Promise<string> {
  template ??= (async () => {
    const url = await (await testCluster()).createDatabase();
    // The demo's generated files go to a folder of the template's own, removed once it is made.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'datahub-template-'));
    const config = loadConfig({ ...process.env, ...TEST_ENV, DATABASE_URL: url, DATAHUB_DATA_DIR: dataDir });
    await migrateAsOwner(url);
    const orm = await openOrm(url);
    try {
      const logger = createLogger('silent');
      const dictionaries = await loadDictionaryCatalogue(config.dictionariesDir);
      await registerReferenceData(orm, logger, dictionaries, systemClock);
      await seedDemoDataIfEmpty(await createServices(config, orm, logger, dictionaries, systemClock));
    } finally {
      await orm.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return decodeURIComponent(new URL(url).pathname.slice(1));
  })();
  return template;
}

/** Makes the run's template database now (the root hook calls it, under a time limit of its own). */
export async function prepareTemplateDatabase(): Promise<void> {
  await templateDatabase();
}

/** A new database on the test cluster: a copy of the run's template (migrated, demo data seeded), or empty. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  return (await testCluster()).createDatabase(options.empty ? undefined : await templateDatabase());
}

/** Runs SQL as the database's owner (DATABASE_URL's role), for tests that change the schema behind the server's back. */
export async function ownerQuery<T extends pg.QueryResultRow = Record<string, unknown>>(
  server: TestServer,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts a datahub on a fresh database (a copy of the template: migrations applied, demo data
 * seeded; empty with DATAHUB_DEMO=0) on a free port. `logs`: when given, the server logs at debug
 * level into it (to search the logs for what must never be there).
 *
 * Mocha runs one test at a time, and a suite's server serves only that suite: starting a new one
 * stops the earlier ones (all but the shared server), so a long run does not hold hundreds of
 * database connections.
 */
export async function startTestServer(env: Record<string, string> = {}, databaseUrl?: string, logs?: string[]): Promise<TestServer> {
  for (const datahub of started.filter((running) => running !== sharedDatahub)) {
    started.splice(started.indexOf(datahub), 1);
    await stopQuietly(datahub);
  }
  const url = databaseUrl ?? (await createTestDatabase({ empty: env.DATAHUB_DEMO === '0' }));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'datahub-test-data-'));
  const config = loadConfig({ ...process.env, ...TEST_ENV, DATABASE_URL: url, DATAHUB_DATA_DIR: dataDir, ...env });
  const clock = new TestClock();
  const logger = logs ? createLogger('debug', { write: (line: string) => void logs.push(line) }) : createLogger(config.logLevel);
  const datahub = await startDatahub(config, logger, { clock });
  started.push(datahub);
  return { url: `http://127.0.0.1:${datahub.port}`, datahub, databaseUrl: url, dataDir, clock };
}

let shared: Promise<TestServer> | null = null;

/** The server most API tests share: started once per run, on its own fresh database. */
export function sharedServer(): Promise<TestServer> {
  shared ??= startTestServer().then((server) => {
    sharedDatahub = server.datahub;
    return server;
  });
  return shared;
}

export async function stopTestServers(): Promise<void> {
  for (const datahub of started.splice(0)) await stopQuietly(datahub);
  sharedDatahub = null;
  if (cluster) await (await cluster.catch(() => null))?.stop();
  cluster = null;
  template = null;
  shared = null;
}
