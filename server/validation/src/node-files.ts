/**
 * Node-only helpers for the engine: a file as a re-openable byte source and Node's native UTF-8
 * check. Kept apart so that the rest of validation/ stays usable in the browser.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { ByteSource } from './engine';
import type { Utf8Validator } from './utf8-guard';

const CHUNK_SIZE = 256 * 1024;

export function fileSource(path: string): ByteSource {
  return () => createReadStream(path, { highWaterMark: CHUNK_SIZE });
}

/** simdutf-backed validation of a whole chunk (Node ≥ 18.14). */
export const nodeUtf8Validator: Utf8Validator = (bytes) => isUtf8(bytes);
