import { expect } from 'chai';
import type { Browser, Page, Response } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** Every demo role, as its people sign in (README, "Demo accounts"). */
const ROLES: { email: string; locale: string; uploads?: boolean }[] = [
  { email: 'hub@datahub.test', locale: 'nl-NL' },
  { email: 'hub@datahub.test', locale: 'en-GB' },
  { email: 'beheer@zuidermeer.test', locale: 'nl-NL' },
  { email: 'aanlever@zuidermeer.test', locale: 'nl-NL', uploads: true },
  { email: 'aanlever@zuidermeer.test', locale: 'en-GB', uploads: true },
  { email: 'inzage@zuidermeer.test', locale: 'nl-NL' },
  { email: 'verwerker@nhr.test', locale: 'nl-NL' },
  { email: 'verzoeker@onderzoek.test', locale: 'nl-NL' },
  { email: 'arts@duinzicht.test', locale: 'nl-NL', uploads: true },
];

/** Detail pages reached from a list: the first link of each kind found on the pages visited. */
const DETAIL_LINKS = ['a[href^="/aanleveringen/"]', 'a[href^="/instellingen/"]', 'a[href^="/datadictionaries/"]'];

/** What went wrong on one page: uncaught errors, console errors, failed requests, GraphQL errors in 200 answers. */
class ProblemLog {
  readonly problems: string[] = [];
  private pending: Promise<void>[] = [];
  private where = '';

  watch(page: Page): void {
    page.on('pageerror', (error) => this.problems.push(`${this.where}: uncaught ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`${this.where}: console ${message.text()}`);
    });
    page.on('requestfailed', (request) => {
      // A navigation away cancels what the previous page still loaded: that is not a failure.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED')
        this.problems.push(`${this.where}: failed ${request.method()} ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on('response', (response) => this.pending.push(this.check(response)));
  }

  at(where: string): void {
    this.where = where;
  }

  private async check(response: Response): Promise<void> {
    const where = this.where;
    const url = new URL(response.url());
    if (response.status() >= 400) {
      this.problems.push(`${where}: ${response.status()} ${url.pathname}`);
      return;
    }
    if (url.pathname !== '/graphql' || response.request().method() !== 'POST') return;
    const body = await response.json().catch(() => null);
    const errors = (body as { errors?: { message: string }[] } | null)?.errors;
    if (errors?.length) this.problems.push(`${where}: GraphQL error ${errors.map((error) => error.message).join('; ')}`);
  }

  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}

/** The console's own links in the menu, as the signed-in role sees them (once the menu is drawn). */
async function menuLinks(page: Page): Promise<string[]> {
  await page.locator('nav a[href^="/"]').first().waitFor();
  const hrefs = await page.locator('nav a[href^="/"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter(Boolean))];
}

async function visit(page: Page, log: ProblemLog, url: string, label: string): Promise<void> {
  log.at(label);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await log.settle();
}

describe('console: every page as every demo role, in Dutch and English, without an error', function () {
  this.timeout(600_000);
  let browser: Browser;
  let server: TestServer;

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  for (const role of ROLES) {
    it(`${role.email} (${role.locale}): every menu page, a detail page of each kind and the not-found page give no JavaScript error, no failed request and no GraphQL error${role.uploads ? '' : ', and no link to Aanleveren'}`, async () => {
      const context = await browser.newContext({ locale: role.locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const log = new ProblemLog();
      log.watch(page);
      try {
        log.at('login');
        await logInWithMailedCode(page, server, role.email);
        await log.settle();
        const pages = await menuLinks(page);
        expect(pages, 'the menu has pages').to.not.be.empty;
        const details = new Map<string, string>();
        const uploadLinks: string[] = [];
        for (const href of pages) {
          await visit(page, log, `${server.url}${href}`, href);
          if ((await page.locator('main a[href^="/aanleveren"]').count()) > 0) uploadLinks.push(href);
          for (const selector of DETAIL_LINKS) {
            if (details.has(selector)) continue;
            const link = await page
              .locator(selector)
              .first()
              .getAttribute('href', { timeout: 500 })
              .catch(() => null);
            if (link) details.set(selector, link);
          }
        }
        for (const href of details.values()) await visit(page, log, `${server.url}${href}`, href);
        await visit(page, log, `${server.url}/bestaat-niet`, '/bestaat-niet');
        expect(log.problems, log.problems.join('\n')).to.deep.equal([]);
        // Only submitters deliver: nobody else is sent to an upload page that would refuse them.
        if (!role.uploads) expect(uploadLinks, 'pages with a link to Aanleveren').to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }
});
