import pg from 'pg';
import { prepareQueue } from '../jobs/queue';
import { type ApplicationRoleOptions, checkRolesBeforeMigrating, prepareApplicationRole } from './application-role';
import { connectionFailure } from './database-check';
import { migrate, openOrm } from './orm';

export interface PreparedDatabase {
  /** The application role's URL: every request and job connects with it. */
  appUrl: string;
  /** The migrations this run applied. */
  applied: string[];
}

/**
 * As DATABASE_URL's role (the owner): applies the committed migrations and graphile-worker's,
 * then gives the application role its privileges (made anew after every run, so new tables are
 * covered). A session advisory lock serialises this per database: the server, `pnpm worker`
 * processes and the CLI may start at the same moment.
 */
export async function prepareDatabase(ownerUrl: string, options: ApplicationRoleOptions): Promise<PreparedDatabase> {
  const owner = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5000 });
  owner.on('error', () => undefined);
  try {
    await owner.connect();
  } catch (error) {
    throw connectionFailure(ownerUrl, error);
  }
  try {
    await owner.query(`select pg_advisory_lock(hashtext('datahub: prepare the database'))`);
    await checkRolesBeforeMigrating(owner, options);
    const applied = await migrateAsOwner(ownerUrl);
    const appUrl = await prepareApplicationRole(owner, ownerUrl, options);
    return { appUrl, applied };
  } finally {
    // Ending the session releases the lock.
    await owner.end().catch(() => undefined);
  }
}

/** The committed migrations and graphile-worker's schema, without roles (the tests' template database uses this). */
export async function migrateAsOwner(ownerUrl: string): Promise<string[]> {
  const orm = await openOrm(ownerUrl);
  try {
    const applied = await migrate(orm);
    await prepareQueue(ownerUrl);
    return applied;
  } finally {
    await orm.close();
  }
}
