import { expect } from 'chai';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { User } from '../../../server/src/access/user.entity';
import { CookieClient } from '../../support/client';
import { asUser, DEMO_PASSWORD, expectOk, LOGIN, mailedLinkToken, signIn, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const CHANGE = `mutation ($current: String!, $next: String!) { changeMyPassword(currentPassword: $current, newPassword: $next) {
  __typename ... on Refusal { code field message } ... on LockedOut { retryAfterSeconds } } }`;
const RESET_TOTP = `mutation ($current: String!) { resetMyAuthenticator(currentPassword: $current) {
  __typename ... on Refusal { code field } ... on LockedOut { retryAfterSeconds } } }`;
const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename ... on Invitation { id expiresAt } } }`;
const RESEND = `mutation ($id: ID!) { resendInvitation(id: $id) { __typename ... on Invitation { id expiresAt } ... on Refusal { code } } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { __typename ... on Refusal { code } } }`;

describe('Mijn account: changing one’s own password and authenticator; resending an invitation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('changes the password only after the current one, ends the other sessions but not this one, and audits it', async () => {
    const other = await signIn(server, 'aanlever@zuidermeer.test');
    const here = await signIn(server, 'aanlever@zuidermeer.test');
    const wrong = expectOk(
      await here.request<{ changeMyPassword: { code: string; field: string } }>(CHANGE, { current: 'niet-het-goede', next: 'Nieuw-en-sterk-2026' }),
    );
    const short = expectOk(await here.request<{ changeMyPassword: { code: string; field: string } }>(CHANGE, { current: DEMO_PASSWORD, next: 'kort' }));
    const done = expectOk(await here.request<{ changeMyPassword: { __typename: string } }>(CHANGE, { current: DEMO_PASSWORD, next: 'Nieuw-en-sterk-2026' }));
    expect(wrong.changeMyPassword).to.include({ code: 'INVALID_CREDENTIALS', field: 'currentPassword' });
    expect(short.changeMyPassword).to.include({ code: 'PASSWORD_TOO_SHORT', field: 'newPassword' });
    expect(done.changeMyPassword.__typename).to.equal('Done');
    expect((await other.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    expect((await here.request('{ mySessions { id } }')).errors).to.equal(undefined);
    const oldLogin = expectOk(
      await new CookieClient(server.url).request<{ login: { code?: string } }>(LOGIN, { email: 'aanlever@zuidermeer.test', password: DEMO_PASSWORD }),
    );
    expect(oldLogin.login.code).to.equal('INVALID_CREDENTIALS');
    const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'changeMyPassword' }, { orderBy: { id: 'asc' } });
    expect(rows.map((row) => `${row.event} ${row.detail}`)).to.deep.equal([
      'LOGIN_FAILURE BAD_PASSWORD',
      'REFUSAL PASSWORD_TOO_SHORT',
      'UPDATE OTHER_SESSIONS_ENDED:1',
    ]);
  });

  it('locks re-authentication like a login after five wrong current passwords', async () => {
    const client = await signIn(server, 'inzage@zuidermeer.test');
    for (let i = 0; i < 5; i++) await client.request(CHANGE, { current: `fout-${i}`, next: 'Nieuw-en-sterk-2026' });
    const locked = expectOk(
      await client.request<{ changeMyPassword: { __typename: string; code: string } }>(CHANGE, { current: DEMO_PASSWORD, next: 'Nieuw-en-sterk-2026' }),
    );
    expect(locked.changeMyPassword).to.include({ __typename: 'LockedOut', code: 'ACCOUNT_LOCKED' });
  });

  it('refuses both to an API token, which has no password step behind it', async () => {
    const token = await tokenFor(server, 'beheer@zuidermeer.test');
    const change = expectOk(
      await asUser<{ changeMyPassword: { code: string } }>(server, token, CHANGE, { current: DEMO_PASSWORD, next: 'Nieuw-en-sterk-2026' }),
    );
    const reset = expectOk(await asUser<{ resetMyAuthenticator: { code: string } }>(server, token, RESET_TOTP, { current: DEMO_PASSWORD }));
    expect(change.changeMyPassword.code).to.equal('FORBIDDEN');
    expect(reset.resetMyAuthenticator.code).to.equal('FORBIDDEN');
  });

  it('resets the authenticator after the password: every session ends and the next login sets up a new one', async () => {
    const em = server.datahub.orm.em.fork();
    await em.nativeUpdate(
      User,
      { email: 'beheer@maasdal.test' },
      { totpEnabled: true, totpSecretSealed: server.datahub.services.keys.seal('JBSWY3DPEHPK3PXP') },
    );
    const other = await signIn(server, 'beheer@maasdal.test');
    const here = await signIn(server, 'beheer@maasdal.test');
    const wrong = expectOk(await here.request<{ resetMyAuthenticator: { code: string } }>(RESET_TOTP, { current: 'niet-het-goede' }));
    const done = expectOk(await here.request<{ resetMyAuthenticator: { __typename: string } }>(RESET_TOTP, { current: DEMO_PASSWORD }));
    expect(wrong.resetMyAuthenticator.code).to.equal('INVALID_CREDENTIALS');
    expect(done.resetMyAuthenticator.__typename).to.equal('Done');
    expect((await other.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    expect((await here.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    const user = await server.datahub.orm.em.fork().findOneOrFail(User, { email: 'beheer@maasdal.test' });
    expect([user.totpEnabled, user.totpSecretSealed ?? null]).to.deep.equal([false, null]);
    const again = expectOk(
      await new CookieClient(server.url).request<{ login: { stage?: string } }>(LOGIN, { email: 'beheer@maasdal.test', password: DEMO_PASSWORD }),
    );
    expect(again.login.stage).to.equal('TOTP_SETUP');
    const audited = await server.datahub.orm.em
      .fork()
      .find(AuditEvent, { action: 'resetMyAuthenticator', actorEmail: 'beheer@maasdal.test' }, { orderBy: { id: 'asc' } });
    expect(audited.map((row) => row.event)).to.deep.equal(['LOGIN_FAILURE', 'UPDATE']);
  });

  it('resends an open invitation with a new link: the old link stops working, the new one works, and it is audited', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const sent = expectOk(
      await asUser<{ inviteUser: { id: string; expiresAt: string } }>(server, admin, INVITE, {
        input: { email: 'opnieuw@zuidermeer.test', name: 'Opnieuw', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const oldToken = mailedLinkToken(server, 'opnieuw@zuidermeer.test', 'invitation');
    server.clock.advance(60_000);
    const resent = expectOk(await asUser<{ resendInvitation: { id: string; expiresAt: string } }>(server, admin, RESEND, { id: sent.inviteUser.id }));
    const newToken = mailedLinkToken(server, 'opnieuw@zuidermeer.test', 'invitation');
    expect(resent.resendInvitation.id).to.equal(sent.inviteUser.id);
    expect(new Date(resent.resendInvitation.expiresAt).getTime()).to.be.greaterThan(new Date(sent.inviteUser.expiresAt).getTime());
    expect(newToken).not.to.equal(oldToken);
    const old = expectOk(await asUser<{ acceptInvitation: { code: string } }>(server, '', ACCEPT, { token: oldToken, password: 'Een-sterk-wachtwoord-42' }));
    const fresh = expectOk(
      await asUser<{ acceptInvitation: { __typename: string } }>(server, '', ACCEPT, { token: newToken, password: 'Een-sterk-wachtwoord-42' }),
    );
    expect(old.acceptInvitation.code).to.equal('INVALID_LINK');
    expect(fresh.acceptInvitation.__typename).to.equal('User');
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const foreign = expectOk(await asUser<{ resendInvitation: { code: string } }>(server, maasdal, RESEND, { id: sent.inviteUser.id }));
    expect(foreign.resendInvitation.code).to.equal('NOT_FOUND');
    const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'resendInvitation' }, { orderBy: { id: 'asc' } });
    expect(rows.map((row) => `${row.event} ${row.actorEmail}`)).to.deep.equal(['UPDATE beheer@zuidermeer.test', 'AUTHORISATION_FAILURE beheer@maasdal.test']);
  });
});
