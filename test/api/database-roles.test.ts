import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { applicationRoleName } from '../../server/src/db/application-role';
import { tokenFor } from '../support/actors';
import { example, settled, upload } from '../support/deliveries';
import { createTestDatabase, ownerQuery, startTestServer, testCluster, type TestServer } from '../support/server';

/** `SQLSTATE: message` of a statement run on the server's own pool (MikroORM puts the SQL before the message), or 'done'. */
async function onServerPool(server: TestServer, text: string): Promise<string> {
  return server.datahub.orm.em
    .fork()
    .getConnection()
    .execute(text)
    .then(
      () => 'done',
      (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
    );
}

describe('database roles: requests and jobs run as a role that cannot touch the schema or the audit log', function () {
  this.timeout(120000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('serves through a role that is not a superuser and owns no table, made for this database alone', async () => {
    const [role] = (await server.datahub.orm.em.fork().getConnection()
      .execute(`select current_user as name, current_database() as database, r.rolsuper as superuser,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
       from pg_roles r where r.rolname = current_user`)) as { name: string; database: string; superuser: boolean; owned: number }[];
    expect(role).to.deep.equal({ name: applicationRoleName(role!.database), database: role!.database, superuser: false, owned: 0 });
  });

  it("holds every connection of the server, the in-process worker's included, as that role and none as the owner", async () => {
    await tokenFor(server, 'aanlever@zuidermeer.test');
    const database = decodeURIComponent(new URL(server.databaseUrl).pathname.slice(1));
    const users = await ownerQuery<{ usename: string }>(
      server,
      'select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    expect(users.map((row) => row.usename)).to.deep.equal([applicationRoleName(database)]);
  });

  it('cannot switch triggers off with session_replication_role = replica', async () => {
    expect(await onServerPool(server, 'set session_replication_role = replica')).to.match(
      /^42501: .* - permission denied to set parameter "session_replication_role"$/,
    );
  });

  it("cannot disable the audit log's triggers or otherwise alter its table", async () => {
    expect(await onServerPool(server, 'alter table audit_event disable trigger all')).to.match(/^42501: .* - must be owner of table audit_event$/);
  });

  it('cannot run an operating-system command with COPY … TO PROGRAM', async () => {
    expect(await onServerPool(server, `copy (select 1) to program 'true'`)).to.match(/^42501: .* - .*COPY to or from an external program/);
  });

  it('cannot create a table of its own, which it would own', async () => {
    expect(await onServerPool(server, 'create table own_table (id int)')).to.match(/^42501: .* - permission denied for schema public$/);
  });
});

describe('database roles: what start-up is given', function () {
  this.timeout(120000);
  const made: string[] = [];
  after(async () => {
    const cluster = await testCluster();
    for (const role of made) await cluster.adminQuery(`drop role if exists "${role}"`).catch(() => undefined);
  });

  async function loginRole(prefix: string): Promise<{ role: string; password: string }> {
    const role = `datahub_test_${prefix}_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await (await testCluster()).adminQuery(`create role "${role}" login password '${password}'`);
    made.push(role);
    return { role, password };
  }

  it("serves requests and processes deliveries through DATABASE_APP_URL's role, granting it what it needs", async () => {
    const cluster = await testCluster();
    const { role, password } = await loginRole('given');
    const url = await createTestDatabase();
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    const given = await startTestServer({ DATABASE_APP_URL: cluster.urlFor(role, password, database) }, url);
    try {
      const submitter = await tokenFor(given, 'aanlever@zuidermeer.test');
      const delivery = await upload(given, submitter, '11111111_0_CAT_1.4_901_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
        period: '2026K1',
      });
      const done = await settled(given, delivery.id);
      const [current] = (await given.datahub.orm.em.fork().getConnection().execute('select current_user as name')) as { name: string }[];
      const madeRoles = await cluster.adminQuery('select count(*)::int as n from pg_roles where rolname = $1', [applicationRoleName(database)]);
      expect([current?.name, done.status, madeRoles.rows[0].n]).to.deep.equal([role, 'PROCESSED', 0]);
    } finally {
      await given.datahub.stop();
      await cluster.dropDatabase(url);
    }
  });

  it('refuses to start before migrating, naming the reason, when DATABASE_APP_URL is a superuser', async () => {
    const cluster = await testCluster();
    const url = await cluster.createDatabase();
    try {
      const failure = await startTestServer({ DATABASE_APP_URL: url }, url).then(
        () => null,
        (error: Error) => error.message,
      );
      const migrated = await ownerQuery({ databaseUrl: url } as TestServer, `select to_regclass('public.mikro_orm_migrations') is not null as migrated`);
      expect(failure).to.match(/^The database role "[^"]+" \(DATABASE_APP_URL\) is a superuser.*requests and jobs never run with such rights/);
      expect(migrated[0]?.migrated).to.equal(false);
    } finally {
      await cluster.dropDatabase(url);
    }
  });

  it("refuses to start before migrating when DATABASE_URL's role may not create roles and no DATABASE_APP_URL is given", async () => {
    const cluster = await testCluster();
    const { role, password } = await loginRole('plain');
    const url = await cluster.createDatabase();
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    try {
      const failure = await startTestServer({}, cluster.urlFor(role, password, database)).then(
        () => null,
        (error: Error) => error.message,
      );
      const migrated = await ownerQuery({ databaseUrl: url } as TestServer, `select to_regclass('public.mikro_orm_migrations') is not null as migrated`);
      expect(failure).to.equal(
        `DATABASE_URL's role "${role}" may not create roles, so the datahub cannot make the role it serves requests through; grant it CREATEROLE, or create that role yourself and set DATABASE_APP_URL.`,
      );
      expect(migrated[0]?.migrated).to.equal(false);
    } finally {
      await cluster.dropDatabase(url);
    }
  });

  it("refuses to take over a role of the application role's name that it did not make", async () => {
    const cluster = await testCluster();
    const url = await cluster.createDatabase();
    const role = applicationRoleName(decodeURIComponent(new URL(url).pathname.slice(1)));
    await cluster.adminQuery(`create role "${role}" login`);
    try {
      const failure = await startTestServer({}, url).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failure).to.match(new RegExp(`^A database role "${role}" exists that the datahub did not make`));
    } finally {
      // Drops the role of that name too.
      await cluster.dropDatabase(url);
    }
  });
});
