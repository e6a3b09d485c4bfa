import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { buildDatahubSchema, printSortedSchema } from '../../server/src/app/schema';

describe('committed schema', () => {
  it('schema/schema.graphql equals the schema the server builds (run `pnpm schema` after a type change)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    const built = printSortedSchema(await buildDatahubSchema());
    expect(committed === built, 'schema/schema.graphql is stale: run `pnpm schema` and commit the result').to.equal(true);
  });
});
