import { expect } from 'chai';
import { CookieClient } from '../../support/client';
import {
  DEMO_PASSWORD,
  expectOk,
  LOGIN,
  mailedCode,
  mailedLinkToken,
  ME,
  SEND_EMAIL_CODE,
  START_TOTP,
  totpNow,
  VERIFY_EMAIL_CODE,
  VERIFY_TOTP,
} from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

type Step = { __typename: string; stage?: string; code?: string };

describe('login with a second factor', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('sets up TOTP at first login, then signs in with a code; the session id changes after the password and again after the code', async () => {
    const client = new CookieClient(server.url);
    const login = expectOk(await client.request<{ login: Step }>(LOGIN, { email: 'inzage@zuidermeer.test', password: DEMO_PASSWORD }));
    const afterPassword = client.cookies.get('datahub_session');
    const setup = expectOk(await client.request<{ startTotpSetup: { secret: string; uri: string } }>(START_TOTP));
    const verified = expectOk(await client.request<{ verifyTotp: Step }>(VERIFY_TOTP, { code: totpNow(server, setup.startTotpSetup.secret) }));
    const afterSecondFactor = client.cookies.get('datahub_session');
    const me = expectOk(await client.request<{ me: { stage: string; user: { email: string } } }>(ME));
    expect(login.login.stage).to.equal('TOTP_SETUP');
    expect(setup.startTotpSetup.uri).to.match(/^otpauth:\/\/totp\//);
    expect(verified.verifyTotp.stage).to.equal('SIGNED_IN');
    expect(afterPassword).to.be.a('string').and.not.equal(afterSecondFactor);
    expect(me.me).to.deep.include({ stage: 'SIGNED_IN' });
  });

  it('asks the TOTP code at the next login and refuses the code that was already used', async () => {
    const client = new CookieClient(server.url);
    const login = expectOk(await client.request<{ login: Step }>(LOGIN, { email: 'beheer@maasdal.test', password: DEMO_PASSWORD }));
    const { startTotpSetup } = expectOk(await client.request<{ startTotpSetup: { secret: string } }>(START_TOTP));
    const code = totpNow(server, startTotpSetup.secret);
    expectOk(await client.request(VERIFY_TOTP, { code }));
    const again = new CookieClient(server.url);
    const second = expectOk(await again.request<{ login: Step }>(LOGIN, { email: 'beheer@maasdal.test', password: DEMO_PASSWORD }));
    const replay = expectOk(await again.request<{ verifyTotp: Step }>(VERIFY_TOTP, { code }));
    expect(login.login.stage).to.equal('TOTP_SETUP');
    expect(second.login.stage).to.equal('SECOND_FACTOR');
    expect(replay.verifyTotp).to.deep.include({ __typename: 'Refused', code: 'INVALID_CODE' });
  });

  it('signs in with the mailed code, which works once only', async () => {
    const client = new CookieClient(server.url);
    expectOk(await client.request(LOGIN, { email: 'aanlever@zuidermeer.test', password: DEMO_PASSWORD }));
    expectOk(await client.request(SEND_EMAIL_CODE));
    const code = mailedCode(server, 'aanlever@zuidermeer.test');
    const first = expectOk(await client.request<{ verifyEmailCode: Step }>(VERIFY_EMAIL_CODE, { code }));
    const other = new CookieClient(server.url);
    expectOk(await other.request(LOGIN, { email: 'aanlever@zuidermeer.test', password: DEMO_PASSWORD }));
    const reuse = expectOk(await other.request<{ verifyEmailCode: Step }>(VERIFY_EMAIL_CODE, { code }));
    expect(first.verifyEmailCode.stage).to.equal('SIGNED_IN');
    expect(reuse.verifyEmailCode).to.deep.include({ __typename: 'Refused', code: 'INVALID_CODE' });
  });

  it('refuses a mailed code after its 10 minutes', async () => {
    const client = new CookieClient(server.url);
    expectOk(await client.request(LOGIN, { email: 'hub@datahub.test', password: DEMO_PASSWORD }));
    expectOk(await client.request(SEND_EMAIL_CODE));
    server.clock.advance(11 * 60_000);
    const late = expectOk(await client.request<{ verifyEmailCode: Step }>(VERIFY_EMAIL_CODE, { code: mailedCode(server, 'hub@datahub.test') }));
    expect(late.verifyEmailCode).to.deep.include({ __typename: 'Refused', code: 'INVALID_CODE' });
  });

  it('ends the pending session after five wrong codes, so guessing needs the password again', async () => {
    const client = new CookieClient(server.url);
    expectOk(await client.request(LOGIN, { email: 'beheer@zuidermeer.test', password: DEMO_PASSWORD }));
    expectOk(await client.request(SEND_EMAIL_CODE));
    const answers: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      answers.push(expectOk(await client.request<{ verifyEmailCode: Step }>(VERIFY_EMAIL_CODE, { code: '000000' })).verifyEmailCode.code);
    }
    const right = expectOk(await client.request<{ verifyEmailCode: Step }>(VERIFY_EMAIL_CODE, { code: mailedCode(server, 'beheer@zuidermeer.test') }));
    expect(answers).to.deep.equal(['INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'TOO_MANY_CODE_ATTEMPTS', 'NO_PENDING_LOGIN']);
    expect(right.verifyEmailCode.code).to.equal('NO_PENDING_LOGIN');
  });

  it('gives a pending (password-only) session no access to anything but the second factor', async () => {
    const client = new CookieClient(server.url);
    expectOk(await client.request(LOGIN, { email: 'hub@datahub.test', password: DEMO_PASSWORD }));
    const response = await client.request('{ institutions { code } }');
    expect(response.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
  });
});

describe('password lockout', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('words a refusal in the language the screen asks for', async () => {
    const english = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: LOGIN, variables: { email: 'x@y.test', password: 'wrong-wrong-wrong' } }),
    }).then((response) => response.json() as Promise<{ data: { login: { message: string } } }>);
    const dutch = expectOk(
      await new CookieClient(server.url).request<{ login: { message: string } }>(LOGIN, { email: 'x@y.test', password: 'wrong-wrong-wrong' }),
    );
    expect(english.data.login.message).to.equal('Email address or password incorrect.');
    expect(dutch.login.message).to.equal('E-mailadres of wachtwoord onjuist.');
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const client = new CookieClient(server.url);
    const unknown = expectOk(await client.request<{ login: Step & { message: string } }>(LOGIN, { email: 'niemand@nergens.test', password: DEMO_PASSWORD }));
    const wrong = expectOk(
      await client.request<{ login: Step & { message: string } }>(LOGIN, { email: 'inzage@zuidermeer.test', password: 'wrong-password-123' }),
    );
    expect(unknown.login).to.deep.equal(wrong.login);
    expect(unknown.login.code).to.equal('INVALID_CREDENTIALS');
  });

  it('locks the account after five wrong passwords: even the right password is refused until the lock ends', async () => {
    const client = new CookieClient(server.url);
    for (let attempt = 0; attempt < 5; attempt += 1) await client.request(LOGIN, { email: 'aanlever@zuidermeer.test', password: 'not-the-password-1' });
    const locked = expectOk(
      await client.request<{ login: Step & { retryAfterSeconds: number } }>(LOGIN, { email: 'aanlever@zuidermeer.test', password: DEMO_PASSWORD }),
    );
    server.clock.advance(16 * 60_000);
    const later = expectOk(await client.request<{ login: Step }>(LOGIN, { email: 'aanlever@zuidermeer.test', password: DEMO_PASSWORD }));
    expect(locked.login.code).to.equal('ACCOUNT_LOCKED');
    expect(locked.login.retryAfterSeconds).to.be.within(60, 15 * 60);
    expect(later.login.__typename).to.equal('LoginStep');
  });

  /** Six wrong passwords in a row for `email`: the answers as the client sees them. */
  async function sixFailures(client: CookieClient, email: string | ((attempt: number) => string)) {
    const answers: (Step & { message: string; retryAfterSeconds: number | null })[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const address = typeof email === 'string' ? email : email(attempt);
      answers.push(
        expectOk(
          await client.request<{ login: Step & { message: string; retryAfterSeconds: number | null } }>(LOGIN, {
            email: address,
            password: 'not-the-password-1',
          }),
        ).login,
      );
    }
    return answers;
  }

  it('locks an unknown address after five failures exactly like an existing account: the same answers, attempt by attempt', async () => {
    // Earlier tests' failures from this address fall out of the per-address window first.
    server.clock.advance(16 * 60_000);
    // An account that reads English, asked in Dutch: not even the lock's wording may tell it exists.
    await server.datahub.orm.em.fork().getConnection().execute(`update app_user set language = 'en' where email = 'beheer@zuidermeer.test'`);
    const client = new CookieClient(server.url);
    const existing = await sixFailures(client, 'beheer@zuidermeer.test');
    const unknown = await sixFailures(client, 'niemand.anders@nergens.test');
    expect(existing.map((answer) => answer.code)).to.deep.equal([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    expect(unknown).to.deep.equal(existing);
  });

  it('keys the lock by the normalised address: an unknown address in other capitals and with spaces is locked as one', async () => {
    server.clock.advance(16 * 60_000);
    const client = new CookieClient(server.url);
    const spellings = ['Derde.Onbekende@Nergens.test', ' derde.onbekende@nergens.test', 'DERDE.ONBEKENDE@NERGENS.TEST '];
    const answers = await sixFailures(client, (attempt) => spellings[attempt % spellings.length] as string);
    expect(answers.map((answer) => answer.code)).to.deep.equal([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
  });

  it('locks again at once, for twice as long, after a failure soon after a lock; forgets the failures a day after the last lock ended', async () => {
    server.clock.advance(16 * 60_000);
    const client = new CookieClient(server.url);
    const fail = async () =>
      expectOk(
        await client.request<{ login: Step & { retryAfterSeconds: number | null } }>(LOGIN, {
          email: 'vierde.onbekende@nergens.test',
          password: 'not-the-password-1',
        }),
      ).login;
    const first = await sixFailures(client, 'vierde.onbekende@nergens.test');
    server.clock.advance(16 * 60_000);
    const soonAfter = [await fail(), await fail()];
    server.clock.advance(31 * 60_000 + 24 * 60 * 60_000);
    const dayLater = [await fail(), await fail(), await fail(), await fail(), await fail(), await fail()];
    expect(first[5]).to.include({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 15 * 60 });
    expect(soonAfter.map((answer) => [answer.code, answer.retryAfterSeconds ?? null])).to.deep.equal([
      ['INVALID_CREDENTIALS', null],
      ['ACCOUNT_LOCKED', 30 * 60],
    ]);
    expect(dayLater.map((answer) => answer.code)).to.deep.equal([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
  });

  it("lifts an account's lock when its password is reset by the mailed link", async () => {
    server.clock.advance(16 * 60_000);
    const client = new CookieClient(server.url);
    const locked = await sixFailures(client, 'inzage@zuidermeer.test');
    expectOk(await client.request('mutation ($email: String!) { requestPasswordReset(email: $email) { __typename } }', { email: 'inzage@zuidermeer.test' }));
    const token = mailedLinkToken(server, 'inzage@zuidermeer.test', 'reset-password');
    expectOk(
      await client.request('mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { __typename } }', {
        token,
        password: 'Nieuw-en-sterk-2026',
      }),
    );
    const after = expectOk(await client.request<{ login: Step }>(LOGIN, { email: 'inzage@zuidermeer.test', password: 'Nieuw-en-sterk-2026' }));
    expect(locked[5]?.code).to.equal('ACCOUNT_LOCKED');
    expect(after.login.__typename).to.equal('LoginStep');
  });

  it('blocks an address after twenty failures within 15 minutes, whatever the account', async () => {
    server.clock.advance(16 * 60_000);
    const client = new CookieClient(server.url);
    for (let attempt = 0; attempt < 20; attempt += 1) await client.request(LOGIN, { email: `probe${attempt}@nergens.test`, password: 'guess-guess-guess' });
    const blocked = expectOk(await client.request<{ login: Step }>(LOGIN, { email: 'hub@datahub.test', password: DEMO_PASSWORD }));
    expect(blocked.login.code).to.equal('ADDRESS_BLOCKED');
  });
});
