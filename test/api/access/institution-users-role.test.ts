import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { sharedServer, type TestServer } from '../../support/server';

describe('institutionUsers(role): the people holding one role for the institution', () => {
  let server: TestServer;
  before(async () => {
    server = await sharedServer();
  });

  it('role: LOCAL_ADMIN lists only the local administrators, counted alike', async () => {
    const hub = await tokenFor(server, 'hub@datahub.test');
    type Page = { institutionUsers: { totalCount: number; nodes: { email: string; roles: { role: string; institution: { code: string } | null }[] }[] } };
    const query =
      'query ($role: Role) { institutionUsers(institutionCode: "11111111", role: $role) { totalCount nodes { email roles { role institution { code } } } } }';
    const all = expectOk(await asUser<Page>(server, hub, query, {})).institutionUsers;
    const admins = expectOk(await asUser<Page>(server, hub, query, { role: 'LOCAL_ADMIN' })).institutionUsers;
    const isAdmin = (user: Page['institutionUsers']['nodes'][number]) =>
      user.roles.some((role) => role.role === 'LOCAL_ADMIN' && role.institution?.code === '11111111');
    expect(admins.nodes.map((user) => user.email)).to.include('beheer@zuidermeer.test');
    expect(admins.nodes.every(isAdmin)).to.equal(true);
    expect(admins.nodes.map((user) => user.email)).to.deep.equal(all.nodes.filter(isAdmin).map((user) => user.email));
    expect(admins.totalCount).to.equal(admins.nodes.length);
    expect(all.totalCount).to.be.greaterThan(admins.totalCount);
  });
});
