import { createHash } from 'node:crypto';
import pg from 'pg';
import { StartupError } from '../kernel/startup-error';
import { connectionFailure } from './database-check';
import { applicationRolePassword, scramVerifier } from './role-password';

/**
 * Requests and jobs never run as the role that owns the schema: an owner (or a superuser) can
 * switch the audit log's triggers off (`ALTER TABLE … DISABLE TRIGGER`, `session_replication_role`)
 * or run programs (`COPY … TO PROGRAM`). Migrations run as DATABASE_URL's role; requests and jobs as
 * an application role that owns nothing and holds only the grants below.
 */

/** The schemas the application works in: its own tables and graphile-worker's queue. */
export const APPLICATION_SCHEMAS = ['public', 'graphile_worker'];

/**
 * What the application role may do on a table (`schema.table`); every other table of those schemas
 * gets DEFAULT_PRIVILEGES, views SELECT. Applied again after every migration run, so a table a later
 * migration adds gets the default and a table named here never more than listed.
 */
const TABLE_PRIVILEGES: Record<string, readonly string[]> = {
  // NEN 7513: the audit log is written and read, never changed or emptied.
  'public.audit_event': ['SELECT', 'INSERT'],
  // Migrations run as the owner; the application never reads their bookkeeping.
  'public.mikro_orm_migrations': [],
  // graphile-worker reads its schema version when a worker starts; only the owner migrates it.
  'graphile_worker.migrations': ['SELECT'],
};
const DEFAULT_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const COMMENT_PREFIX = 'datahub application role for database ';
const POLICY = 'datahub_application';

/**
 * The role the datahub makes for a database: one per database, since roles are shared by every
 * database of a PostgreSQL cluster (tests run many databases side by side on one). At most 63 bytes.
 */
export function applicationRoleName(databaseName: string): string {
  const name = `${databaseName}_app`;
  if (Buffer.byteLength(name) <= 63) return name;
  let head = '';
  for (const character of databaseName) {
    if (Buffer.byteLength(head + character) > 45) break;
    head += character;
  }
  return `${head}_${createHash('sha256').update(databaseName).digest('hex').slice(0, 12)}_app`;
}

async function withClient<T>(url: string, as: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw connectionFailure(url, error, as);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The statements that give `role` exactly the privileges above on what the owner's connection may grant. */
async function grantStatements(owner: pg.Client, role: string): Promise<string[]> {
  const who = owner.escapeIdentifier(role);
  const { rows: objects } = await owner.query<{ schema: string; name: string; kind: string; rowSecurity: boolean; policyRoles: string[] | null }>(
    `select n.nspname as schema, c.relname as name, c.relkind as kind, c.relrowsecurity as "rowSecurity",
            (select p.roles::text[] from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = $2) as "policyRoles"
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S') and pg_has_role(current_user, c.relowner, 'USAGE')
      order by 1, 2`,
    [APPLICATION_SCHEMAS, POLICY],
  );
  const { rows: schemas } = await owner.query<{ name: string; usable: boolean }>(
    `select nspname as name, has_schema_privilege($2, oid, 'USAGE') as usable from pg_namespace where nspname = any($1)`,
    [APPLICATION_SCHEMAS, role],
  );
  const {
    rows: [database],
  } = await owner.query<{ connect: boolean; temporary: boolean }>(
    `select has_database_privilege($1, current_database(), 'CONNECT') as connect, has_database_privilege($1, current_database(), 'TEMPORARY') as temporary`,
    [role],
  );
  const statements: string[] = [];
  // CONNECT, TEMPORARY (processing stages records in a temporary table) and the public schema's USAGE
  // are PUBLIC's by default; they are granted only where a database took them away.
  const missing = [database?.connect ? null : 'CONNECT', database?.temporary ? null : 'TEMPORARY'].filter((privilege) => privilege !== null);
  if (missing.length > 0) statements.push(`grant ${missing.join(', ')} on database ${owner.escapeIdentifier(await currentDatabase(owner))} to ${who}`);
  for (const schema of schemas) {
    if (schema.name !== 'public' || !schema.usable) statements.push(`grant usage on schema ${owner.escapeIdentifier(schema.name)} to ${who}`);
    if (schema.name !== 'public') statements.push(`grant execute on all functions in schema ${owner.escapeIdentifier(schema.name)} to ${who}`);
  }
  for (const object of objects) {
    const target = `${owner.escapeIdentifier(object.schema)}.${owner.escapeIdentifier(object.name)}`;
    if (object.kind === 'S') {
      statements.push(`revoke all on sequence ${target} from ${who}`, `grant usage, select on sequence ${target} to ${who}`);
      continue;
    }
    const listed = TABLE_PRIVILEGES[`${object.schema}.${object.name}`];
    const privileges =
      object.kind === 'v' || object.kind === 'm' ? (listed ?? ['SELECT']).filter((privilege) => privilege === 'SELECT') : (listed ?? DEFAULT_PRIVILEGES);
    statements.push(`revoke all on ${target} from ${who}`);
    if (privileges.length > 0) statements.push(`grant ${privileges.join(', ')} on ${target} to ${who}`);
    // graphile-worker turns row-level security on without policies, so that only its owner sees
    // rows; the application role gets a policy of its own there (made only when missing: it locks the table).
    const policyWanted = object.schema === 'graphile_worker' && object.rowSecurity && privileges.length > 0;
    const policyHeld = object.policyRoles?.length === 1 && object.policyRoles[0] === role;
    if (object.policyRoles && !(policyWanted && policyHeld)) statements.push(`drop policy ${owner.escapeIdentifier(POLICY)} on ${target}`);
    if (policyWanted && !policyHeld) statements.push(`create policy ${owner.escapeIdentifier(POLICY)} on ${target} to ${who} using (true) with check (true)`);
  }
  return statements;
}

async function currentDatabase(client: pg.Client): Promise<string> {
  return (await client.query<{ name: string }>('select current_database() as name')).rows[0]!.name;
}

/** Grants `role` the application's privileges, in the caller's transaction on the owner's connection. */
export async function grantApplicationPrivileges(owner: pg.Client, role: string): Promise<void> {
  await owner.query((await grantStatements(owner, role)).join(';\n'));
}

/**
 * Creates the database's application role, or (when this database's role exists) sets its
 * password again from the data folder, so a lost or copied data folder heals at the next start.
 * A role of that name that the datahub did not make is left alone and refused.
 */
async function ensureGeneratedRole(owner: pg.Client, role: string, password: string): Promise<void> {
  const database = await currentDatabase(owner);
  const comment = COMMENT_PREFIX + database;
  const { rows } = await owner.query<{ comment: string | null }>(`select shobj_description(oid, 'pg_authid') as comment from pg_roles where rolname = $1`, [
    role,
  ]);
  const who = owner.escapeIdentifier(role);
  const secret = owner.escapeLiteral(scramVerifier(password));
  if (rows.length === 0) {
    await owner.query(`create role ${who} login password ${secret}`);
    await owner.query(`comment on role ${who} is ${owner.escapeLiteral(comment)}`);
  } else if (rows[0]!.comment !== comment) {
    throw new StartupError(
      `A database role "${role}" exists that the datahub did not make for database "${database}"; drop or rename it, or name the application's role with DATABASE_APP_URL.`,
    );
  } else {
    await owner.query(`alter role ${who} login password ${secret}`);
  }
}

export interface ApplicationRoleOptions {
  /** DATABASE_APP_URL, or null to make and keep the database's own role. */
  appUrl: string | null;
  /** Where the made role's password is kept (DATAHUB_DATA_DIR). */
  dataDir: string;
}

async function ownerRole(owner: pg.Client): Promise<{ name: string; superuser: boolean; createrole: boolean }> {
  const { rows } = await owner.query<{ name: string; superuser: boolean; createrole: boolean }>(
    'select rolname as name, rolsuper as superuser, rolcreaterole as createrole from pg_roles where rolname = current_user',
  );
  return rows[0]!;
}

/**
 * Refuses before any migration: DATABASE_APP_URL's role with rights it must not have, or (without
 * DATABASE_APP_URL) a DATABASE_URL role that may not make the application role.
 */
export async function checkRolesBeforeMigrating(owner: pg.Client, options: ApplicationRoleOptions): Promise<void> {
  const rights = await ownerRole(owner);
  if (options.appUrl) {
    await assertLimitedRole(options.appUrl, 'DATABASE_APP_URL', rights.name);
  } else if (!rights.superuser && !rights.createrole) {
    throw new StartupError(
      `DATABASE_URL's role "${rights.name}" may not create roles, so the datahub cannot make the role it serves requests through; grant it CREATEROLE, or create that role yourself and set DATABASE_APP_URL.`,
    );
  }
}

/**
 * Gives the application role its privileges and returns the URL requests and jobs connect with.
 * `owner` is DATABASE_URL's connection (`ownerUrl`), not in a transaction; the caller holds the
 * database's preparation lock, so two processes starting at once do not create or grant at once.
 */
export async function prepareApplicationRole(owner: pg.Client, ownerUrl: string, options: ApplicationRoleOptions): Promise<string> {
  const ownerName = (await ownerRole(owner)).name;
  if (options.appUrl) {
    const appUrl = options.appUrl;
    // Checked (again, now that the tables exist) before granting: granting starts by revoking,
    // which must never strip the owner's own privileges.
    const role = await assertLimitedRole(appUrl, 'DATABASE_APP_URL', ownerName);
    await inTransaction(owner, () => grantApplicationPrivileges(owner, role));
    return appUrl;
  }
  const role = applicationRoleName(await currentDatabase(owner));
  const password = await applicationRolePassword(options.dataDir);
  try {
    await inTransaction(owner, async () => {
      await ensureGeneratedRole(owner, role, password);
      await grantApplicationPrivileges(owner, role);
    });
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(
      `The datahub could not make or grant its application role "${role}" (${error instanceof Error ? error.message : String(error)}); requests are never served as DATABASE_URL's role, so set DATABASE_APP_URL to a role of your own.`,
    );
  }
  const appUrl = withCredentials(ownerUrl, role, password);
  await assertLimitedRole(appUrl, `the application role "${role}"`, ownerName);
  return appUrl;
}

async function inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query('begin');
  try {
    await work();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * Refuses to start when the application's connection could change the schema or the audit log, or
 * reach the operating system: superuser, CREATEROLE (which can hand out the next two), REPLICATION,
 * BYPASSRLS, the right to set `session_replication_role`, membership of the server-file and
 * server-program roles, being (a member of) DATABASE_URL's role `ownerName`, or ownership (direct
 * or by membership) of any table. Returns the role's name.
 */
export async function assertLimitedRole(appUrl: string, source: string, ownerName: string): Promise<string> {
  return withClient(appUrl, source, async (client) => {
    const {
      rows: [row],
    } = await client.query<{
      role: string;
      superuser: boolean;
      createrole: boolean;
      replication: boolean;
      bypassrls: boolean;
      replica: boolean;
      asOwner: boolean;
      owned: string | null;
      powers: string | null;
    }>(
      `select current_user as role, r.rolsuper as superuser, r.rolcreaterole as createrole, r.rolreplication as replication, r.rolbypassrls as bypassrls,
              has_parameter_privilege('session_replication_role', 'SET') as replica,
              exists (select 1 from pg_roles o where o.rolname = $2 and pg_has_role(current_user, o.oid, 'MEMBER')) as "asOwner",
              (select string_agg(format('%I.%I', n.nspname, c.relname), ', ' order by n.nspname, c.relname)
                 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm') and pg_has_role(current_user, c.relowner, 'MEMBER')) as owned,
              (select string_agg(rolname, ', ' order by rolname) from pg_roles
                where rolname in ('pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files') and pg_has_role(current_user, oid, 'MEMBER')) as powers
         from pg_roles r where r.rolname = current_user`,
      [APPLICATION_SCHEMAS, ownerName],
    );
    if (!row) throw new StartupError(`The role of ${source} is not in pg_roles.`);
    const problems = [
      row.superuser ? 'is a superuser' : null,
      row.createrole ? 'may create roles' : null,
      row.replication ? 'has REPLICATION' : null,
      row.bypassrls ? 'has BYPASSRLS' : null,
      !row.superuser && row.replica ? 'may set session_replication_role' : null,
      !row.superuser && row.asOwner ? `is, or may act as, DATABASE_URL's role "${ownerName}"` : null,
      !row.superuser && row.owned ? `owns, or may act as the owner of, ${row.owned}` : null,
      !row.superuser && row.powers ? `is a member of ${row.powers}` : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0) {
      throw new StartupError(
        `The database role "${row.role}" (${source}) ${problems.join(', ')}; requests and jobs never run with such rights, so give them a role without them (README, "Database roles").`,
      );
    }
    return row.role;
  });
}
