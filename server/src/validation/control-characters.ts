/**
 * Finds the first control character (C0 other than line feed and carriage return, or DEL) in a
 * byte stream, with its line and its position in the line in characters. SECURITY.md (csv-parse):
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

export class ControlCharacterScanner {
  private line = 1;
  /** Characters of the current line that lay in earlier chunks. */
  private carriedColumns = 0;

  push(chunk: Uint8Array): ControlCharacterHit | null {
    let lineStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte >= 0x20 && byte !== 0x7f) continue;
      if (byte === 0x0a) {
        this.line++;
        lineStart = i + 1;
        this.carriedColumns = 0;
      } else if (isControl(byte)) {
        const column = this.carriedColumns + countCharacters(chunk, lineStart, i) + 1;
        return { line: this.line, column, char: describeCodeUnit(byte) };
      }
    }
    this.carriedColumns += countCharacters(chunk, lineStart, chunk.length);
    return null;
  }
}
