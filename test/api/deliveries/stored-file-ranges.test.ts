import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import fc from 'fast-check';
import { EncryptedFileStore } from '../../../server/src/storage/encrypted-file-store';
import { StorageError } from '../../../server/src/storage/file-store';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** What the ranges of `bytes` are, cut at its end. */
function expectedRanges(bytes: Buffer, ranges: readonly number[]): Buffer {
  const parts: Buffer[] = [];
  for (let r = 0; r < ranges.length; r += 2) parts.push(bytes.subarray(Math.min(ranges[r]!, bytes.length), Math.min(ranges[r + 1]!, bytes.length)));
  return Buffer.concat(parts);
}

describe('deliveries: ranged reads of a stored (encrypted) file, for the second pass of 005', () => {
  let dir: string;
  let store: EncryptedFileStore;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'stored-ranges-'));
    store = new EncryptedFileStore(dir, randomBytes(32));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives exactly the plain bytes of the ranges, at any offset, near or far apart, large or past the end', async () => {
    // Not a multiple of the 16-byte block, so the last block is partial.
    const bytes = randomBytes(700_003);
    const { key } = await store.put(Readable.from([bytes]));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: 20_000 }), fc.nat({ max: 300_000 })), { maxLength: 12 }), async (steps) => {
        const ranges: number[] = [];
        let at = 0;
        for (const [gap, length] of steps) {
          ranges.push(at + gap, at + gap + (length % 3 === 0 ? length : length % 5000));
          at = ranges[ranges.length - 1]!;
        }
        expect((await collect(store.openRanges(key, ranges))).equals(expectedRanges(bytes, ranges))).to.equal(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads nothing of an empty file and stops at the end of a short one', async () => {
    const empty = await store.put(Readable.from([]));
    expect((await collect(store.openRanges(empty.key, [0, 10, 20, 30]))).length).to.equal(0);
    const short = await store.put(Readable.from([Buffer.from('0123456789abcdefXYZ')]));
    expect((await collect(store.openRanges(short.key, [0, 2, 15, 18, 18, 40]))).toString()).to.equal('01fXYZ');
  });

  it('fails as a StorageError for a missing file or one that is not an encrypted delivery file', async () => {
    const missing = '2026/01/00000000-0000-0000-0000-000000000000.bin';
    const error = await collect(store.openRanges(missing, [0, 1])).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(StorageError);
    const { key } = await store.put(Readable.from([Buffer.from('some bytes of a delivery')]));
    const file = path.join(dir, key);
    const stored = await readFile(file);
    await writeFile(file, Buffer.concat([Buffer.from('XXXX'), stored.subarray(4)]));
    expect(await collect(store.openRanges(key, [0, 4])).catch((e: unknown) => e)).to.be.instanceOf(StorageError);
  });
});
