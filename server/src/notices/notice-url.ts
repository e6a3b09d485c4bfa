import { BlockList, isIP } from 'node:net';
import { RefusalCode } from '../common/refusal-code';

const MAX_LENGTH = 2000;

/**
 * Addresses the hub never calls (SSRF): loopback, private, link-local, shared (CGNAT), multicast,
 * reserved and unspecified ranges, IPv4 and IPv6, IPv4 mapped into IPv6 included.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address an IPv4-mapped IPv6 literal (`::ffff:a.b.c.d`, as the URL parser writes it `::ffff:xxxx:xxxx`) stands for. */
function mappedIpv4(address: string): string | null {
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address) ?? null;
  if (match) {
    const high = parseInt(match[1] as string, 16);
    const low = parseInt(match[2] as string, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return dotted ? (dotted[1] as string) : null;
}

/** Whether a literal IP address (IPv6 without brackets) lies outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return NOT_PUBLIC.check(address, 'ipv4');
  if (version === 6) {
    const mapped = mappedIpv4(address);
    return mapped ? NOT_PUBLIC.check(mapped, 'ipv4') : NOT_PUBLIC.check(address, 'ipv6');
  }
  return false;
}

export type NoticeUrlCheck = { ok: true; url: string } | { ok: false; code: RefusalCode };

/**
 * A notice URL as the hub will call it, or why not: absolute https, no credentials, and not
 * `localhost` nor a non-public literal IP address. `allowLocalHttp` (tests and local development)
 * lets `http://127.0.0.1:<port>` through, nothing else. Names are not resolved here: a public name
 * that resolves to a private address is the receiver's own network's concern (docs/forwarding.md).
 */
export function checkNoticeUrl(raw: string, allowLocalHttp: boolean): NoticeUrlCheck {
  const text = raw.trim();
  if (!text || text.length > MAX_LENGTH) return { ok: false, code: RefusalCode.NOTICE_URL_MALFORMED };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, code: RefusalCode.NOTICE_URL_MALFORMED };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: RefusalCode.NOTICE_URL_NOT_HTTPS };
  if (!url.hostname) return { ok: false, code: RefusalCode.NOTICE_URL_MALFORMED };
  if (url.username || url.password) return { ok: false, code: RefusalCode.NOTICE_URL_CREDENTIALS };
  url.hash = '';
  if (allowLocalHttp && url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.port !== '') return { ok: true, url: url.href };
  if (url.protocol !== 'https:') return { ok: false, code: RefusalCode.NOTICE_URL_NOT_HTTPS };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const literal = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (host === 'localhost' || host.endsWith('.localhost') || isNonPublicAddress(literal)) return { ok: false, code: RefusalCode.NOTICE_URL_PRIVATE_HOST };
  return { ok: true, url: url.href };
}
