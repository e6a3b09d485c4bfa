import { expect } from 'chai';
import { CookieClient } from '../../support/client';
import { asUser, DEMO_PASSWORD, expectOk, latestMail, LOGIN, mailedLinkToken, signIn } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const REQUEST = 'mutation ($email: String!) { requestPasswordReset(email: $email) { __typename } }';
const RESET =
  'mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { __typename ... on Refusal { code field } } }';

describe('password reset', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('answers the same for an unknown address and mails nothing', async () => {
    const unknown = expectOk(await asUser(server, '', REQUEST, { email: 'niemand@nergens.test' }));
    const known = expectOk(await asUser(server, '', REQUEST, { email: 'inzage@zuidermeer.test' }));
    expect(unknown).to.deep.equal(known);
    expect(() => latestMail(server, 'niemand@nergens.test')).to.throw('no mail');
  });

  it("sets a new password once via the mailed link and ends the account's live sessions", async () => {
    const live = await signIn(server, 'aanlever@zuidermeer.test');
    expectOk(await asUser(server, '', REQUEST, { email: 'aanlever@zuidermeer.test' }));
    const token = mailedLinkToken(server, 'aanlever@zuidermeer.test', 'reset-password');
    const first = expectOk(await asUser<{ resetPassword: { __typename: string } }>(server, '', RESET, { token, password: 'Nieuw-en-sterk-2026' }));
    const second = expectOk(await asUser<{ resetPassword: { code: string } }>(server, '', RESET, { token, password: 'Nog-een-keer-2026!' }));
    const liveAfter = await live.request('{ institutions { code } }');
    const oldPassword = expectOk(
      await new CookieClient(server.url).request<{ login: { code?: string } }>(LOGIN, { email: 'aanlever@zuidermeer.test', password: DEMO_PASSWORD }),
    );
    const newPassword = expectOk(
      await new CookieClient(server.url).request<{ login: { stage?: string } }>(LOGIN, { email: 'aanlever@zuidermeer.test', password: 'Nieuw-en-sterk-2026' }),
    );
    expect(first.resetPassword.__typename).to.equal('Done');
    expect(second.resetPassword.code).to.equal('INVALID_LINK');
    expect(liveAfter.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    expect(oldPassword.login.code).to.equal('INVALID_CREDENTIALS');
    expect(newPassword.login.stage).to.equal('TOTP_SETUP');
  });

  it('refuses the link after one hour', async () => {
    expectOk(await asUser(server, '', REQUEST, { email: 'beheer@zuidermeer.test' }));
    const token = mailedLinkToken(server, 'beheer@zuidermeer.test', 'reset-password');
    server.clock.advance(61 * 60_000);
    const late = expectOk(await asUser<{ resetPassword: { code: string } }>(server, '', RESET, { token, password: 'Nieuw-en-sterk-2026' }));
    expect(late.resetPassword.code).to.equal('INVALID_LINK');
  });
});
