/**
 * Finds the first control character (C0 other than line feed and carriage return, or DEL) in a
 * byte stream, with its line and its position in the line in characters. docs/security.md#csv-parse:
 * "Reject NUL and control characters per cell with their position (Postgres refuses 0x00 later,
 * mid-job)". Bytes of multi-byte UTF-8 characters are all ≥ 0x80, so a byte scan cannot mistake
 * part of a character for a control character.
 */

export interface ControlCharacterHit {
  line: number;
  /** 1-based position in the line, in characters. */
  column: number;
  /** `U+0000` notation: the character itself must not travel into messages. */
  char: string;
}

function isControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f;
}

export function describeCodeUnit(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters in bytes[from, to): every byte that is not a UTF-8 continuation byte starts one. */
function countCharacters(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
  return n;
}

/** True when one of the four bytes of `word` is below 0x20 or is 0x7f (exact: no false negatives, and a hit is checked byte by byte). */
function wordMayHoldControl(word: number): boolean {
  // "hasless(x, 0x20)" and "haszero(x ^ 0x7f…)" from Bit Twiddling Hacks; bytes ≥ 0x80 never match.
  const del = word ^ 0x7f7f7f7f;
  return ((((word - 0x20202020) & ~word) | ((del - 0x01010101) & ~del)) & 0x80808080) !== 0;
}

export class ControlCharacterScanner {
  private line = 1;
  /** Characters of the current line that lay in earlier chunks. */
  private carriedColumns = 0;
  private lineStart = 0;
  private hit: ControlCharacterHit | null = null;

  push(chunk: Uint8Array): ControlCharacterHit | null {
    this.lineStart = 0;
    // Four bytes at a time where the chunk is 4-aligned: most words hold no byte below 0x20, and
    // only a word that may (one per line, for its line feed) is looked at byte by byte.
    const head = Math.min(chunk.length, (4 - (chunk.byteOffset & 3)) & 3);
    const wordCount = (chunk.length - head) >>> 2;
    if (this.scan(chunk, 0, head)) return this.hit;
    if (wordCount > 0) {
      const words = new Int32Array(chunk.buffer, chunk.byteOffset + head, wordCount);
      for (let w = 0; w < wordCount; w++) {
        if (!wordMayHoldControl(words[w]!)) continue;
        const at = head + w * 4;
        if (this.scan(chunk, at, at + 4)) return this.hit;
      }
    }
    if (this.scan(chunk, head + wordCount * 4, chunk.length)) return this.hit;
    this.carriedColumns += countCharacters(chunk, this.lineStart, chunk.length);
    return null;
  }

  /** Bytes [from, to) one by one; true when a control character was found (in `hit`). */
  private scan(chunk: Uint8Array, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const byte = chunk[i]!;
      if (byte >= 0x20 && byte !== 0x7f) continue;
      if (byte === 0x0a) {
        this.line++;
        this.lineStart = i + 1;
        this.carriedColumns = 0;
      } else if (isControl(byte)) {
        const column = this.carriedColumns + countCharacters(chunk, this.lineStart, i) + 1;
        this.hit = { line: this.line, column, char: describeCodeUnit(byte) };
        return true;
      }
    }
    return false;
  }
}
