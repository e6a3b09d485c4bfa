import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { sharedServer, type TestServer } from '../../support/server';

const DELIVERIES =
  'query ($first: Int, $after: String, $last: Int, $before: String) { deliveries(first: $first, after: $after, last: $last, before: $before) { pageInfo { endCursor } } }';
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('connections: paging arguments a list cannot use are refused with BAD_USER_INPUT naming the argument', () => {
  let server: TestServer;
  let hub: string;
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  async function refusal(variables: Record<string, unknown>, query = DELIVERIES) {
    const response = await asUser(server, hub, query, variables);
    const error = response.errors?.[0];
    return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message ?? '' };
  }

  it('a cursor that is not base64url JSON of this list: `after` is named', async () => {
    const refused = await refusal({ after: 'not a cursor!' });
    expect([refused.code, refused.field]).to.deep.equal(['BAD_USER_INPUT', 'after']);
    expect(refused.message).to.match(/^after /);
  });

  it("a cursor of another list (the audit log's) given to deliveries: `before` is named", async () => {
    await asUser(server, hub, '{ auditEvents(first: 1) { nodes { id } } }'); // searching the log writes an entry into it
    const audit = expectOk(
      await asUser<{ auditEvents: { pageInfo: { endCursor: string } } }>(server, hub, '{ auditEvents(first: 1) { pageInfo { endCursor } } }'),
    );
    expect(await refusal({ before: audit.auditEvents.pageInfo.endCursor })).to.deep.include({ code: 'BAD_USER_INPUT', field: 'before' });
  });

  it('a hand-made cursor with an impossible date or a wrong version is refused before it reaches the database', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const cursor of [
      base64url([1, 'deliveries', '2026-02-31 12:00:00+00', id]),
      base64url([2, 'deliveries', '2026-02-03 12:00:00+00', id]),
      base64url([1, 'deliveries', 12, id]),
    ]) {
      expect(await refusal({ after: cursor }), cursor).to.deep.include({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('a page larger than the documented maximum, or negative: `first` or `last` is named', async () => {
    expect(await refusal({ first: 201 })).to.deep.include({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await refusal({ last: -1 })).to.deep.include({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  it('forwards and backwards at once: the forward argument is named', async () => {
    expect(await refusal({ first: 2, last: 2 })).to.deep.include({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await refusal({ after: 'x', before: 'y' })).to.deep.include({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("the refusal is in the caller's language", async () => {
    const refused = await refusal({ first: 500 });
    expect(refused.message).to.equal('first moet een geheel getal van 0 tot en met 200 zijn.');
  });
});
