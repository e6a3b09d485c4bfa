/**
 * One byte scan over a CSV stream for what the parser must never see (docs/security.md#csv-parse:
 * "Reject NUL and control characters per cell with their position (Postgres refuses 0x00 later,
 * mid-job)"): the first control character (C0 other than line feed and carriage return, or DEL),
 * with its line and its position in the line in characters, and the first line whose ending
 * differs from the file's. csv-parse takes the first line ending it meets as the record delimiter
 * and keeps any other CR or LF as data: a CRLF file whose last line ends with a bare LF would hand
 * "P2\n" to the checks, and a CRLF header over LF rows reads as one long record. Line breaks
 * inside a quoted value are left to the reader, which refuses them as a line break in that value.
 * Bytes of multi-byte UTF-8 characters are all ≥ 0x80, so a byte scan cannot mistake part of a
 * character for a control character, a quote or a line break.
 */

export type LineEnding = 'CRLF' | 'LF' | 'CR';

export type ScanHit =
  | {
      kind: 'control';
      line: number;
      /** 1-based position in the line, in characters. */
      column: number;
      /** `U+0000` notation: the character itself must not travel into messages. */
      char: string;
      /** Index in the chunk of the byte: the bytes before it may still be parsed. */
      at: number;
    }
  | {
      kind: 'lineEnding';
      /** The line this ending ends. */
      line: number;
      found: LineEnding;
      /** The ending of the file's first line. */
      expected: LineEnding;
      /** Index in the chunk where the ending starts (0 when it started in an earlier chunk). */
      at: number;
    };

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

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** True when one of the four bytes of `word` is below 0x20, 0x7f or a double quote (exact: no false negatives, and a hit is checked byte by byte). */
function wordMayHoldSpecial(word: number): boolean {
  // "hasless(x, 0x20)" and "haszero(x ^ 0x7f…)" from Bit Twiddling Hacks; bytes ≥ 0x80 never match.
  const del = word ^ 0x7f7f7f7f;
  const quote = word ^ 0x22222222;
  return ((((word - 0x20202020) & ~word) | ((del - 0x01010101) & ~del) | ((quote - 0x01010101) & ~quote)) & 0x80808080) !== 0;
}

export class CsvLineScanner {
  private line = 1;
  /** Characters of the current line that lay in earlier chunks. */
  private carriedColumns = 0;
  private lineStart = 0;
  private quoted = false;
  /** A CR outside quotes whose next byte is not seen yet (CRLF or a bare CR). */
  private crPending = false;
  private crAt = 0;
  private ending: LineEnding | null = null;
  private hit: ScanHit | null = null;

  push(chunk: Uint8Array): ScanHit | null {
    this.lineStart = 0;
    this.crAt = -1;
    // Four bytes at a time where the chunk is 4-aligned: most words hold no byte below 0x20 and no
    // quote, and only a word that may (one per line, for its line break) is looked at byte by byte.
    const head = Math.min(chunk.length, (4 - (chunk.byteOffset & 3)) & 3);
    const wordCount = (chunk.length - head) >>> 2;
    if (this.scan(chunk, 0, head)) return this.hit;
    if (wordCount > 0) {
      const words = new Int32Array(chunk.buffer, chunk.byteOffset + head, wordCount);
      for (let w = 0; w < wordCount; w++) {
        if (!wordMayHoldSpecial(words[w]!)) continue;
        const at = head + w * 4;
        if (this.scan(chunk, at, at + 4)) return this.hit;
      }
    }
    if (this.scan(chunk, head + wordCount * 4, chunk.length)) return this.hit;
    this.carriedColumns += countCharacters(chunk, this.lineStart, chunk.length);
    return null;
  }

  /** The end of the stream: a CR as the very last byte is a bare CR. */
  end(): ScanHit | null {
    if (this.crPending && this.endLine('CR', 0, 0)) return this.hit;
    return null;
  }

  /** Bytes [from, to) one by one; true when a problem was found (in `hit`). */
  private scan(chunk: Uint8Array, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const byte = chunk[i]!;
      if (this.crPending) {
        this.crPending = false;
        if (byte === LF) {
          if (this.endLine('CRLF', Math.max(this.crAt, 0), i + 1)) return true;
          continue;
        }
        if (this.endLine('CR', Math.max(this.crAt, 0), i)) return true;
      }
      if (byte >= 0x20 && byte !== 0x7f && byte !== QUOTE) continue;
      if (byte === QUOTE) {
        // `""` inside a quoted value toggles twice; a stray quote is the parser's error, on this line or before.
        this.quoted = !this.quoted;
      } else if (byte === LF || byte === CR) {
        if (this.quoted) {
          // csv-parse counts every CR and LF inside quotes as a line; the reader refuses the value.
          this.newLine(i + 1);
        } else if (byte === LF) {
          if (this.endLine('LF', i, i + 1)) return true;
        } else {
          this.crPending = true;
          this.crAt = i;
        }
      } else if (isControl(byte)) {
        const column = this.carriedColumns + countCharacters(chunk, this.lineStart, i) + 1;
        this.hit = { kind: 'control', line: this.line, column, char: describeCodeUnit(byte), at: i };
        return true;
      }
    }
    // A pending CR whose next byte lies in a word the fast path skips is a bare CR.
    if (this.crPending && to < chunk.length && chunk[to] !== LF) {
      this.crPending = false;
      if (this.endLine('CR', Math.max(this.crAt, 0), to)) return true;
    }
    return false;
  }

  /** A line ending outside quotes, starting at `at`, the next line at `next`; true when it is not the file's. */
  private endLine(found: LineEnding, at: number, next: number): boolean {
    if (this.ending === null) this.ending = found;
    else if (found !== this.ending) {
      this.hit = { kind: 'lineEnding', line: this.line, found, expected: this.ending, at };
      return true;
    }
    this.newLine(next);
    return false;
  }

  private newLine(next: number): void {
    this.line++;
    this.lineStart = next;
    this.carriedColumns = 0;
  }
}
