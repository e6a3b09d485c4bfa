/**
 * B01 by content: docs/security.md#files-and-file-names (ASVS 5.1–5.4): content must match extension — an xlsx, zip or pdf
 * renamed `.csv`, or XML delivered as `.csv`, is refused as the wrong format before it is parsed.
 */
import type { FileFormat } from './dictionary-types';

const BINARY_SIGNATURES: readonly number[][] = [
  [0x50, 0x4b, 0x03, 0x04], // zip, and so xlsx/docx
  [0x50, 0x4b, 0x05, 0x06], // empty zip
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: old xls/doc
  [0x1f, 0x8b], // gzip
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** The first byte that is not a UTF-8 BOM or white space, or -1. */
function firstSignificantByte(bytes: Uint8Array): number {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i < bytes.length ? bytes[i]! : -1;
}

/** True when a `<` comes before the first line break: XML with something in front of it, not another format. */
function tagOnFirstLine(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x3c) return true;
    if (byte === 0x0a || byte === 0x0d) return false;
  }
  return false;
}

/** True when the file's first bytes show it is not `format`. */
export function formatMismatch(firstBytes: Uint8Array, format: FileFormat): boolean {
  if (BINARY_SIGNATURES.some((signature) => startsWith(firstBytes, signature))) return true;
  const first = firstSignificantByte(firstBytes);
  // Not ASCII: the UTF-8 check decides (a UTF-16 BOM is B02, not B01).
  if (first === -1 || first >= 0x80) return false;
  if (format === 'csv') return first === 0x3c;
  // A control character or stray text before the first tag is a malformed XML document (B06), which
  // the XML reader says with line and column; a first line without any tag (a CSV header) is B01.
  return first !== 0x3c && first >= 0x20 && !tagOnFirstLine(firstBytes);
}
