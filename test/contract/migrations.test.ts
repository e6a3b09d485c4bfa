import { expect } from 'chai';
import { openOrm } from '../../server/src/db/orm';
import { sharedServer } from '../support/server';

/**
 * Tables the migrations make that no entity maps, so the ORM's schema diff would drop them: the
 * job queue's own schema, and the tables kept by triggers (data versions, delivery fulfilment).
 */
const NOT_MAPPED = [
  /^drop table if exists "graphile_worker"\."\w+" cascade;$/,
  /^drop schema if exists "graphile_worker";$/,
  /^drop table if exists "(data_version|delivery_fulfilment)" cascade;$/,
];

describe('committed migrations', () => {
  it('the entities need no new migration: the migrated database already has every table, column and index they declare', async () => {
    // As the owner: the application's role sees no check constraints of tables it does not own.
    const orm = await openOrm((await sharedServer()).databaseUrl);
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false }).finally(() => orm.close());
    const statements = diff
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !NOT_MAPPED.some((pattern) => pattern.test(line)));
    expect(statements, 'the entities differ from the migrations: run `pnpm cli migration:create` and commit it').to.deep.equal([]);
  });
});
