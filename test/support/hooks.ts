import { prepareTemplateDatabase, stopTestServers } from './server';

/** The test files of a suite and all its nested suites. */
function filesOf(suite: Mocha.Suite | undefined): string[] {
  if (!suite) return [];
  return [...(suite.file ? [suite.file] : []), ...suite.suites.flatMap(filesOf)];
}

/** Tests that start a server (API, contract, console, command line) need the run's template database. */
const NEEDS_DATABASE = /[\\/]test[\\/](api|contract|console|cli)[\\/]/;

/** Root hooks: the template database is made once at the start; whatever servers and databases the tests started are stopped once, at the end. */
export const mochaHooks = {
  /**
   * Makes the run's template database (migrations, demo data processed from generated files) before
   * the first test, under a limit of its own: otherwise whichever file comes first pays for it
   * inside its own 60 s hook.
   */
  async beforeAll(this: Mocha.Context) {
    if (!filesOf(this.test?.parent).some((file) => NEEDS_DATABASE.test(file))) return;
    this.timeout(300000);
    await prepareTemplateDatabase();
  },
  async afterAll(this: Mocha.Context) {
    // Each server gets up to 15 s to stop; a cut-off database can make one take that long.
    this.timeout(180000);
    await stopTestServers();
  },
};
