import { expect } from 'chai';
import { startTestServer, testCluster } from '../support/server';

describe('GET /healthz', () => {
  it('answers 200 while the database answers', async () => {
    const { url } = await startTestServer();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ status: 'ok', database: 'up' });
  });

  it('answers 503 once its database is gone, and the process keeps serving', async () => {
    const server = await startTestServer();
    await (await testCluster()).cutOff(server.databaseUrl);
    const first = await fetch(`${server.url}/healthz`);
    const second = await fetch(`${server.url}/healthz`);
    expect([first.status, second.status]).to.deep.equal([503, 503]);
    expect(await second.json()).to.deep.equal({ status: 'unavailable', database: 'down' });
  });
});
