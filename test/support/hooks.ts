import { stopTestServers } from './server';

/** Root hooks: whatever servers and databases the tests started are stopped once, at the end. */
export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    // Each server gets up to 15 s to stop; a cut-off database can make one take that long.
    this.timeout(180000);
    await stopTestServers();
  },
};
