import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A random token for a cookie, link or API token: 128 bits or more, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A 6-digit one-time code, uniformly drawn. */
export function randomDigits(length = 6): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}

/** What is stored instead of a token: its SHA-256 (tokens are random, so no salt is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Keys derived from the server secret, one per use, so no key serves two purposes. */
export class ServerKeys {
  private readonly sealKey: Buffer;
  private readonly signKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(secret: string) {
    this.sealKey = createHmac('sha256', secret).update('datahub:seal').digest();
    this.signKey = createHmac('sha256', secret).update('datahub:sign').digest();
    this.lookupKey = createHmac('sha256', secret).update('datahub:lookup').digest();
  }

  /**
   * HMAC-SHA256 (hex) of a value that must be found again but not stored in clear, such as an e-mail
   * address someone tried to log in with: without the server secret the digest cannot be reversed
   * by trying likely addresses.
   */
  lookup(value: string): string {
    return createHmac('sha256', this.lookupKey).update(value, 'utf8').digest('hex');
  }

  /** AES-256-GCM: for secrets the server must read back (TOTP secrets). */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  unseal(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !body) throw new Error('sealed value is malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  /** `payload.signature` with HMAC-SHA256, for the device cookie. */
  sign(payload: string): string {
    return `${payload}.${createHmac('sha256', this.signKey).update(payload).digest('base64url')}`;
  }

  /** The payload when the signature is right, otherwise null. */
  verify(signed: string): string | null {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = signed.slice(0, dot);
    const expected = Buffer.from(this.sign(payload).slice(dot + 1));
    const given = Buffer.from(signed.slice(dot + 1));
    return expected.length === given.length && timingSafeEqual(expected, given) ? payload : null;
  }
}

declare module '../kernel/services' {
  interface AppServices {
    /** The server's secrets (device cookie, sealed TOTP secrets, digests of login addresses). */
    keys: ServerKeys;
  }
}
