import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import { issueToken } from '../../server/src/access/api-token.service';
import { User } from '../../server/src/access/user.entity';
import { DEMO_PASSWORD } from '../../server/src/db/seeds/demo-accounts';
import { CookieClient, graphql, type GraphQLResponse } from './client';
import type { TestServer } from './server';

export { DEMO_PASSWORD };

export const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename ... on LoginStep { stage } ... on Refusal { code message } ... on LockedOut { retryAfterSeconds } } }';
export const SEND_EMAIL_CODE = 'mutation { sendEmailCode { __typename ... on Refusal { code } } }';
export const VERIFY_EMAIL_CODE =
  'mutation ($code: String!) { verifyEmailCode(code: $code) { __typename ... on LoginStep { stage } ... on Refusal { code message } } }';
export const VERIFY_TOTP = 'mutation ($code: String!) { verifyTotp(code: $code) { __typename ... on LoginStep { stage } ... on Refusal { code message } } }';
export const START_TOTP = 'mutation { startTotpSetup { __typename ... on TotpSetup { secret uri } ... on Refusal { code } } }';
export const ME = '{ me { stage user { email roles { role institution { code } registry { code } } } } }';

/** The newest mail in the server's outbox addressed to `to`, as text. */
export function latestMail(server: TestServer, to: string): string {
  const outbox = path.join(server.dataDir, 'outbox');
  const files = readdirSync(outbox).sort().reverse();
  for (const file of files) {
    const text = readFileSync(path.join(outbox, file), 'utf8');
    if (text.includes(`To: ${to}`)) return text;
  }
  throw new Error(`no mail to ${to} in ${outbox}`);
}

/**
 * The newest mail to `to` that matches, waiting for it (at most `timeoutMs`): the processing mail
 * is sent after the delivery's final status is committed (jobs/worker.ts), so a test that saw the
 * status can be there before the mail.
 */
export async function awaitMail(server: TestServer, to: string, matching: RegExp, timeoutMs = 15000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const mail = (() => {
      try {
        return latestMail(server, to);
      } catch {
        return null;
      }
    })();
    if (mail && matching.test(mail)) return mail;
    if (Date.now() > end) throw new Error(`no mail to ${to} matching ${matching} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function mailedCode(server: TestServer, to: string): string {
  const match = /inlogcode is: (\d{6})|login code is: (\d{6})/.exec(latestMail(server, to));
  if (!match) throw new Error('no code in the mail');
  return (match[1] ?? match[2]) as string;
}

/** The token of the newest link of this kind (`invitation`, `reset-password`) mailed to `to`. */
export function mailedLinkToken(server: TestServer, to: string, kind: string): string {
  const match = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(latestMail(server, to).replace(/=\r?\n/g, ''));
  if (!match?.[1]) throw new Error(`no ${kind} link in the mail`);
  return match[1];
}

/** The TOTP code a phone would show now, by the server's (test) clock. */
export function totpNow(server: TestServer, secret: string, offsetSteps = 0): string {
  return generateSync({ secret, epoch: Math.floor(server.clock.now().getTime() / 1000) + offsetSteps * 30 });
}

export function expectOk<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

/** Logs in through the API with password and the mailed code, like a person would. */
export async function signIn(server: TestServer, email: string, password = DEMO_PASSWORD): Promise<CookieClient> {
  const client = new CookieClient(server.url);
  const step = expectOk(await client.request<{ login: { __typename: string; stage?: string } }>(LOGIN, { email, password }));
  if (step.login.__typename !== 'LoginStep') throw new Error(`login refused: ${JSON.stringify(step)}`);
  if (step.login.stage === 'SIGNED_IN') return client;
  expectOk(await client.request(SEND_EMAIL_CODE));
  const verified = expectOk(await client.request<{ verifyEmailCode: { stage?: string } }>(VERIFY_EMAIL_CODE, { code: mailedCode(server, email) }));
  if (verified.verifyEmailCode.stage !== 'SIGNED_IN') throw new Error(`second factor refused: ${JSON.stringify(verified)}`);
  return client;
}

/** A bearer token for a user, made directly (faster than logging in) for tests about other things. */
export async function tokenFor(server: TestServer, email: string): Promise<string> {
  const em = server.datahub.orm.em.fork();
  const user = await em.findOneOrFail(User, { email });
  const { token } = await issueToken(em, { user }, 'test', 365, server.clock.now(), null);
  return token;
}

/** One request with a bearer token; an empty token sends none (anonymous). */
export async function asUser<T = Record<string, unknown>>(server: TestServer, token: string, query: string, variables?: Record<string, unknown>) {
  return graphql<T>(server.url, query, variables, token ? { authorization: `Bearer ${token}` } : {});
}
