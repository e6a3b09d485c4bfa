/**
 * Strict UTF-8 check over a byte stream, with the offset of the first bad byte (B02).
 * docs/security.md#csv-parse: "put a fatal UTF-8 check in front (the default decoding turns Latin-1
 * into U+FFFD silently)". Chunks may end inside a character, so up to 3 trailing bytes wait for
 * the next chunk. The fast path is a whole-chunk validator (Node's `buffer.isUtf8`, injected by
 * Node callers); the byte-by-byte scan below runs only to locate an error.
 */

/** True when the bytes are complete, valid UTF-8. */
export type Utf8Validator = (bytes: Uint8Array) => boolean;

/** Works everywhere (browser included); Node callers pass `buffer.isUtf8`, which is faster. */
export function textDecoderUtf8Validator(): Utf8Validator {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return (bytes) => {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
}

/** Length of the sequence a lead byte starts, 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Allowed range of the second byte (RFC 3629 table: no overlongs, no surrogates, ≤ U+10FFFF). */
function secondByteOk(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}

/**
 * Index of the first byte that makes `bytes` invalid UTF-8; `bytes.length` when it is valid.
 * A sequence cut off by the end counts as valid here (the caller decides whether more follows).
 */
export function firstInvalidUtf8Index(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return bytes.length;
      const next = bytes[i + k]!;
      const ok = k === 1 ? secondByteOk(lead, next) : next >= 0x80 && next <= 0xbf;
      if (!ok) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** How many bytes at the end of `bytes` start a sequence that is not complete yet. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

export class Utf8Guard {
  private carry = new Uint8Array(0);
  private consumed = 0;
  private readonly validate: Utf8Validator;

  constructor(validate: Utf8Validator = textDecoderUtf8Validator()) {
    this.validate = validate;
  }

  /** Checks the next chunk; returns the file offset of the first invalid byte, or -1. */
  push(chunk: Uint8Array): number {
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const start = this.consumed - this.carry.length;
    const tail = incompleteTail(bytes);
    const complete = tail === 0 ? bytes : bytes.subarray(0, bytes.length - tail);
    if (!this.validate(complete)) return start + firstInvalidUtf8Index(complete);
    this.carry = tail === 0 ? new Uint8Array(0) : bytes.slice(bytes.length - tail);
    this.consumed += chunk.length;
    return -1;
  }

  /** At the end of the stream: a sequence still open is invalid; returns its offset, or -1. */
  end(): number {
    return this.carry.length === 0 ? -1 : this.consumed - this.carry.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
