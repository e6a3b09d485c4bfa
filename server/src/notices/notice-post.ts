import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress } from './notice-url';

/** A notice host's name resolved to an address outside the public internet. */
export class NonPublicAddressError extends Error {
  readonly code = 'ENONPUBLIC';
  constructor() {
    super('the notice host resolves to a non-public address');
    this.name = 'NonPublicAddressError';
  }
}

/**
 * `dns.lookup` for the notice calls: refuses a name when any address it resolves to is loopback,
 * private, link-local or otherwise not public, and hands the socket exactly the addresses it
 * checked. So a receiver's name cannot answer publicly when its URL is registered and privately
 * when the hub calls it (DNS rebinding): the check and the connection use one resolution.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    if (addresses.length === 0 || addresses.some((entry) => isNonPublicAddress(entry.address))) return callback(new NonPublicAddressError(), '');
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return first ? callback(null, first.address, first.family) : callback(new NonPublicAddressError(), '');
  });
};

export interface NoticeAnswer {
  status: number | null;
  /** TIMEOUT, NETWORK, NON_PUBLIC_ADDRESS, REDIRECT or STATUS; null for a 2xx answer. */
  kind: string | null;
}

/**
 * One POST of a notice: no redirects followed, the receiver's body never read, `timeoutMs` for the
 * whole exchange, names resolved through `publicOnlyLookup` (a literal address was checked with the URL).
 */
export function postNotice(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<NoticeAnswer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: publicOnlyLookup, timeout: timeoutMs },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve({ status, kind: status >= 200 && status < 300 ? null : status >= 300 && status < 400 ? 'REDIRECT' : 'STATUS' });
      },
    );
    const deadline = setTimeout(() => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    request.on('error', (error) => {
      resolve({
        status: null,
        kind: error instanceof NonPublicAddressError ? 'NON_PUBLIC_ADDRESS' : error.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK',
      });
    });
    request.end(body);
  });
}
