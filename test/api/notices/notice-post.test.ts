import http from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { NonPublicAddressError, postNotice, publicOnlyLookup } from '../../../server/src/notices/notice-post';

/** publicOnlyLookup as a promise: the addresses it hands the socket, or its error. */
function lookUp(hostname: string, all: boolean): Promise<{ addresses: string[] } | { error: Error }> {
  return new Promise((resolve) =>
    publicOnlyLookup(hostname, { all }, (error, address) =>
      resolve(error ? { error } : { addresses: Array.isArray(address) ? address.map((entry: LookupAddress) => entry.address) : [address] }),
    ),
  );
}

describe('notices: the call resolves the receiver once and refuses non-public addresses (DNS rebinding)', () => {
  it('refuses a name that resolves to a loopback address at call time, whether the socket asks for one address or all', async () => {
    const one = await lookUp('localhost', false);
    const all = await lookUp('localhost', true);
    expect('error' in one && one.error).to.be.instanceOf(NonPublicAddressError);
    expect('error' in all && all.error).to.be.instanceOf(NonPublicAddressError);
  });

  it('answers NON_PUBLIC_ADDRESS for a POST to a name that resolves privately, without connecting to the listener behind it', async () => {
    let received = 0;
    const receiver = http.createServer((_request, response) => {
      received += 1;
      response.end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      const byName = await postNotice(`http://localhost:${port}/hook`, { 'content-type': 'application/json' }, '{}', 2000);
      const byLiteral = await postNotice(`http://127.0.0.1:${port}/hook`, { 'content-type': 'application/json' }, '{}', 2000);
      expect(byName).to.deep.equal({ status: null, kind: 'NON_PUBLIC_ADDRESS' });
      // A literal address is not looked up: checkNoticeUrl judged it with the URL (and lets only this one through in tests).
      expect(byLiteral).to.deep.equal({ status: 200, kind: null });
      expect(received).to.equal(1);
    } finally {
      receiver.close();
    }
  });

  it('answers TIMEOUT when the receiver does not answer within the time allowed', async () => {
    const receiver = http.createServer(() => undefined);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      expect(await postNotice(`http://127.0.0.1:${port}/slow`, {}, '{}', 300)).to.deep.equal({ status: null, kind: 'TIMEOUT' });
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
  });
});
