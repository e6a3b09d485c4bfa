import { expect } from 'chai';
import { AuditEvent, AuditEventType } from '../../../server/src/audit/audit-event.entity';
import { CookieClient } from '../../support/client';
import { asUser, DEMO_PASSWORD, expectOk, LOGIN, signIn, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const MINUTE = 60_000;
const INSTITUTIONS = '{ institutions { code } }';
const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

describe('sessions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('ends a session idle for more than 30 minutes, and audits the expiry', async () => {
    const client = await signIn(server, 'inzage@zuidermeer.test');
    server.clock.advance(29 * MINUTE);
    const stillIn = await client.request(INSTITUTIONS);
    server.clock.advance(31 * MINUTE);
    const expired = await client.request(INSTITUTIONS);
    const audited = await server.datahub.orm.em.fork().count(AuditEvent, { event: AuditEventType.SESSION_EXPIRED, actorEmail: 'inzage@zuidermeer.test' });
    expect(stillIn.errors).to.equal(undefined);
    expect(codeOf(expired)).to.equal('UNAUTHENTICATED');
    expect(audited).to.equal(1);
  });

  it('ends a busy session after 12 hours all the same (absolute limit)', async () => {
    const client = await signIn(server, 'aanlever@zuidermeer.test');
    const answers: unknown[] = [];
    for (let hour = 0; hour < 13; hour += 1) {
      for (let quarter = 0; quarter < 4; quarter += 1) {
        server.clock.advance(15 * MINUTE);
        answers.push(codeOf(await client.request(INSTITUTIONS)) ?? 'OK');
      }
    }
    expect(answers.slice(0, 47).every((answer) => answer === 'OK')).to.equal(true);
    expect(answers.at(-1)).to.equal('UNAUTHENTICATED');
  });

  it('refuses the session cookie replayed after logout', async () => {
    const client = await signIn(server, 'beheer@zuidermeer.test');
    const cookie = client.cookieHeader();
    expectOk(await client.request('mutation { logout { __typename } }'));
    const replay = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: INSTITUTIONS }),
    }).then((response) => response.json() as Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>);
    expect(codeOf(replay)).to.equal('UNAUTHENTICATED');
  });

  it('skips the second factor for 4 hours on the same browser, and asks it again after', async () => {
    const client = await signIn(server, 'beheer@maasdal.test');
    expectOk(await client.request('mutation { logout { __typename } }'));
    const soon = expectOk(await client.request<{ login: { stage: string } }>(LOGIN, { email: 'beheer@maasdal.test', password: DEMO_PASSWORD }));
    expectOk(await client.request('mutation { logout { __typename } }'));
    server.clock.advance(4 * 60 * MINUTE + MINUTE);
    const later = expectOk(await client.request<{ login: { stage: string } }>(LOGIN, { email: 'beheer@maasdal.test', password: DEMO_PASSWORD }));
    expect(soon.login.stage).to.equal('SIGNED_IN');
    expect(later.login.stage).to.equal('TOTP_SETUP');
  });

  it('lets a user list their own sessions and end one, which is then refused', async () => {
    const laptop = await signIn(server, 'hub@datahub.test');
    const phone = await signIn(server, 'hub@datahub.test');
    const { mySessions } = expectOk(await laptop.request<{ mySessions: { id: string; current: boolean }[] }>('{ mySessions { id current lastSeenAt } }'));
    const others = mySessions.filter((session) => !session.current);
    expect(mySessions.filter((session) => session.current)).to.have.length(1);
    expect(others.length).to.be.at.least(1);
    for (const { id } of others) expectOk(await laptop.request('mutation ($id: ID!) { endSession(id: $id) { ... on Session { id revokedAt } } }', { id }));
    const afterwards = await phone.request(INSTITUTIONS);
    const laptopStill = await laptop.request(INSTITUTIONS);
    expect(codeOf(afterwards)).to.equal('UNAUTHENTICATED');
    expect(laptopStill.errors).to.equal(undefined);
  });

  it("refuses to end someone else's session with NOT_FOUND, exactly as an unknown or malformed id, and the session lives on", async () => {
    const owner = await signIn(server, 'aanlever@zuidermeer.test');
    const other = await signIn(server, 'inzage@zuidermeer.test');
    const { mySessions } = expectOk(await owner.request<{ mySessions: { id: string; current: boolean }[] }>('{ mySessions { id current } }'));
    const ownerSession = mySessions.find((session) => session.current)?.id;
    const END = 'mutation ($id: ID!) { endSession(id: $id) { __typename ... on Refusal { code message } } }';
    const answers = [];
    for (const id of [ownerSession, '00000000-0000-4000-8000-000000000000', 'sessie-1'])
      answers.push(expectOk(await other.request<{ endSession: unknown }>(END, { id })).endSession);
    expect(answers[0]).to.deep.equal({ __typename: 'Refused', code: 'NOT_FOUND', message: 'Sessie niet gevonden.' });
    expect(answers.slice(1)).to.deep.equal([answers[0], answers[0]]);
    expect((await owner.request(INSTITUTIONS)).errors).to.equal(undefined);
  });

  it('answers logout with whether a session ended: true with a session, false without', async () => {
    const client = await signIn(server, 'inzage@zuidermeer.test');
    const LOGOUT = 'mutation { logout { __typename ... on LoggedOut { sessionEnded } } }';
    const first = expectOk(await client.request<{ logout: unknown }>(LOGOUT));
    const second = expectOk(await client.request<{ logout: unknown }>(LOGOUT));
    expect([first.logout, second.logout]).to.deep.equal([
      { __typename: 'LoggedOut', sessionEnded: true },
      { __typename: 'LoggedOut', sessionEnded: false },
    ]);
  });

  it("lets hub staff list and end another user's session", async () => {
    const victim = await signIn(server, 'aanlever@zuidermeer.test');
    const hub = await tokenFor(server, 'hub@datahub.test');
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const users = expectOk(
      await asUser<{ institutionUsers: { nodes: { id: string; email: string }[] } }>(
        server,
        admin,
        '{ institutionUsers(institutionCode: "11111111") { nodes { id email } } }',
      ),
    );
    const userId = users.institutionUsers.nodes.find((user) => user.email === 'aanlever@zuidermeer.test')?.id;
    const sessions = expectOk(
      await asUser<{ userSessions: { id: string }[] }>(server, hub, 'query ($id: ID!) { userSessions(userId: $id) { id } }', { id: userId }),
    );
    for (const { id } of sessions.userSessions)
      expectOk(await asUser(server, hub, 'mutation ($id: ID!) { endSession(id: $id) { ... on Session { id } } }', { id }));
    const after = await victim.request(INSTITUTIONS);
    expect(sessions.userSessions.length).to.be.greaterThan(0);
    expect(codeOf(after)).to.equal('UNAUTHENTICATED');
  });

  it('ends a live session at once when the account is deactivated', async () => {
    const viewerServer = server;
    const admin = await tokenFor(viewerServer, 'beheer@zuidermeer.test');
    const victim = await signIn(viewerServer, 'inzage@zuidermeer.test');
    const users = expectOk(
      await asUser<{ institutionUsers: { nodes: { id: string; email: string }[] } }>(
        viewerServer,
        admin,
        '{ institutionUsers(institutionCode: "11111111") { nodes { id email } } }',
      ),
    );
    const target = users.institutionUsers.nodes.find((user) => user.email === 'inzage@zuidermeer.test');
    const before = await victim.request(INSTITUTIONS);
    expectOk(await asUser(viewerServer, admin, 'mutation ($id: ID!) { deactivateUser(userId: $id) { __typename } }', { id: target?.id }));
    const after = await victim.request(INSTITUTIONS);
    const relogin = expectOk(
      await new CookieClient(server.url).request<{ login: { code?: string } }>(LOGIN, { email: 'inzage@zuidermeer.test', password: DEMO_PASSWORD }),
    );
    expect(before.errors).to.equal(undefined);
    expect(codeOf(after)).to.equal('UNAUTHENTICATED');
    expect(relogin.login.code).to.equal('INVALID_CREDENTIALS');
  });
});
