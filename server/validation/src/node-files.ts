/**
 * Node-only helpers for the engine: a file as a re-openable byte source and Node's native UTF-8
 * check. Kept apart so that the rest of validation/ stays usable in the browser.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ByteSource } from './engine';
import type { Utf8Validator } from './utf8-guard';

const CHUNK_SIZE = 256 * 1024;

export function fileSource(path: string): ByteSource {
  return () => createReadStream(path, { highWaterMark: CHUNK_SIZE });
}

/** Ranges closer than this are read together: reading the bytes between costs less than another read. */
const RANGE_GAP = 4 * 1024;

/**
 * Only the given byte ranges of a file (start, end, start, end, … ascending, end exclusive), by
 * positioned reads: the same bytes as the whole file cut to those ranges. The engine's second pass
 * for 005's first occurrences needs a few records spread through the file; streaming the whole file
 * again for them cost more than the rest of the pass (fresh 256 KiB buffers, page faults and all).
 */
export function fileRanges(path: string): (ranges: readonly number[]) => AsyncIterable<Uint8Array> {
  return async function* (ranges) {
    const handle = await open(path, 'r');
    try {
      for (let r = 0; r < ranges.length;) {
        const start = ranges[r]!;
        let last = r;
        while (last + 2 < ranges.length && ranges[last + 2]! - ranges[last + 1]! <= RANGE_GAP && ranges[last + 3]! - start <= CHUNK_SIZE) last += 2;
        const end = ranges[last + 1]!;
        const buffer = Buffer.allocUnsafe(Math.max(0, end - start));
        let filled = 0;
        while (filled < buffer.length) {
          const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
          if (bytesRead === 0) break; // the file ends early: what there is
          filled += bytesRead;
        }
        for (let i = r; i <= last; i += 2) {
          const from = ranges[i]! - start;
          const to = Math.min(ranges[i + 1]! - start, filled);
          if (to > from) yield buffer.subarray(from, to);
        }
        if (filled < buffer.length) return;
        r = last + 2;
      }
    } finally {
      await handle.close();
    }
  };
}

/** simdutf-backed validation of a whole chunk (Node ≥ 18.14). */
export const nodeUtf8Validator: Utf8Validator = (bytes) => isUtf8(bytes);
