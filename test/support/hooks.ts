import { stopTestServers } from './server';

/** Root hooks: whatever servers and databases the tests started are stopped once, at the end. */
export const mochaHooks = {
  async afterAll() {
    await stopTestServers();
  },
};
