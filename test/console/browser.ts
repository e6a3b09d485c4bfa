import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { DEMO_PASSWORD, mailedCode } from '../support/actors';
import type { TestServer } from '../support/server';

/** Debian's chromium, never a downloaded browser (README, "Tests"); flags for this closed network. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The answer to the console's GraphQL operation `name` (urql posts its operation name). */
function graphqlAnswer(page: Page, name: string): Promise<Response> {
  return page.waitForResponse((response) => {
    if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return false;
    try {
      const body = response.request().postDataJSON() as { operationName?: string } | null;
      return body?.operationName === name;
    } catch {
      // Not JSON (an upload's multipart body): not a login step.
      return false;
    }
  });
}

/** Clicks what sends operation `name` and returns its answer's `data[field]`; a refusal or error throws at once with its message. */
async function clickAndAnswer(page: Page, testId: string, name: string, field: string): Promise<Record<string, unknown>> {
  const [response] = await Promise.all([graphqlAnswer(page, name), page.getByTestId(testId).click()]);
  const body = (await response.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: { message: string }[] };
  const answer = body.data?.[field];
  if (!answer || body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors ?? body)}`);
  if ('code' in answer && 'message' in answer) throw new Error(`${name} refused: ${String(answer['code'])} ${String(answer['message'])}`);
  return answer;
}

/**
 * Logs in through the console as a person would: password, then "send me a code by e-mail", code
 * read from the outbox. Each step waits for the answer of its own request and for the page the
 * answer leads to, never for a time. The second-factor page must have settled before its e-mail
 * button is clicked: on a first login its authenticator setup replaces a placeholder with the QR
 * code after a request of its own (StartTotpSetup), which moves the button, and a click while it
 * moves can miss it; waiting also keeps that request from overlapping SendEmailCode. A refused or
 * failed step throws at once with the server's answer, where the page would only show an alert and
 * the next wait would run out.
 */
export async function logInWithMailedCode(page: Page, server: TestServer, email: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  const login = await clickAndAnswer(page, 'login-submit', 'Login', 'login');
  // The second-factor page: its code field, and on a first login the QR code it sets up (the last thing it draws).
  await page.getByTestId('totp-code').waitFor();
  if (login['stage'] === 'TOTP_SETUP') await page.getByTestId('totp-qr').waitFor();
  else if (login['stage'] !== 'SECOND_FACTOR') throw new Error(`login of ${email} went to ${String(login['stage'])}, not a second factor`);
  await clickAndAnswer(page, 'send-email-code', 'SendEmailCode', 'sendEmailCode');
  // The mail is written before the mutation answers; the code field appears after that answer.
  await page.getByTestId('email-code').fill(mailedCode(server, email));
  const verified = await clickAndAnswer(page, 'verify-email-code', 'VerifyEmailCode', 'verifyEmailCode');
  if (verified['stage'] !== 'SIGNED_IN') throw new Error(`e-mail code of ${email} led to ${String(verified['stage'])}`);
  await page.getByTestId('logout').waitFor();
}
