import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** Logs in through the console as a person would: password, then "send me a code by e-mail", code read from the outbox. */
export async function logInWithMailedCode(page: Page, server: TestServer, email: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('send-email-code').click();
  await page.getByTestId('email-code').waitFor();
  // The mail is written before the mutation answers; the code field appears after that answer.
  await page.getByTestId('email-code').fill(mailedCode(server, email));
  await page.getByTestId('verify-email-code').click();
  await page.getByTestId('logout').waitFor();
}
