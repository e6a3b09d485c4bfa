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

/** The bytes [start, end) of some source; fewer when the source ends before `end`. */
export type SpanReader = (start: number, end: number) => Promise<Uint8Array>;

/**
 * Byte ranges (start, end, start, end, … ascending, end exclusive) out of a source that can read a
 * span at any offset: ranges close together are read as one span (up to 256 KiB), and each range is
 * cut out of its span. Stops where the source ends.
 */
export async function* spanRanges(ranges: readonly number[], readSpan: SpanReader): AsyncIterable<Uint8Array> {
  for (let r = 0; r < ranges.length;) {
    const start = ranges[r]!;
    let last = r;
    while (last + 2 < ranges.length && ranges[last + 2]! - ranges[last + 1]! <= RANGE_GAP && ranges[last + 3]! - start <= CHUNK_SIZE) last += 2;
    const end = Math.max(start, ranges[last + 1]!);
    const bytes = await readSpan(start, end);
    for (let i = r; i <= last; i += 2) {
      const from = ranges[i]! - start;
      const to = Math.min(ranges[i + 1]! - start, bytes.length);
      if (to > from) yield bytes.subarray(from, to);
    }
    if (bytes.length < end - start) return; // the source ends early: what there is
    r = last + 2;
  }
}

/**
 * Only the given byte ranges of a file, by positioned reads: the same bytes as the whole file cut
 * to those ranges. The engine's second pass for 005's first occurrences needs a few records spread
 * through the file; streaming the whole file again for them cost more than the rest of the pass
 * (fresh 256 KiB buffers, page faults and all).
 */
export function fileRanges(path: string): (ranges: readonly number[]) => AsyncIterable<Uint8Array> {
  return async function* (ranges) {
    const handle = await open(path, 'r');
    try {
      yield* spanRanges(ranges, async (start, end) => {
        const buffer = Buffer.allocUnsafe(end - start);
        let filled = 0;
        while (filled < buffer.length) {
          const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      });
    } finally {
      await handle.close();
    }
  };
}

/** simdutf-backed validation of a whole chunk (Node ≥ 18.14). */
export const nodeUtf8Validator: Utf8Validator = (bytes) => isUtf8(bytes);
