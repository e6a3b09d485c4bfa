import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { spanRanges } from '@datahub/validation/node';
import { type FileStore, StorageError, type StoredFile } from './file-store';

const MAGIC = Buffer.from('DHF1');
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = MAGIC.length + IV_LENGTH;
const KEY_PATTERN = /^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}\.bin$/;
const BLOCK = 16;
/** GCM encrypts plaintext block i with the counter block `iv | uint32(2 + i)` (block 1 is kept for the tag). */
const FIRST_COUNTER = 2;

/** The AES-CTR counter block that GCM used for the plaintext block `block` (GCM's 32-bit counter, big-endian). */
function counterBlock(iv: Buffer, block: number): Buffer {
  const counter = Buffer.alloc(BLOCK);
  iv.copy(counter, 0);
  counter.writeUInt32BE(FIRST_COUNTER + block, IV_LENGTH);
  return counter;
}

/**
 * Files encrypted at rest with AES-256-GCM: `DHF1 | iv (12) | ciphertext | tag (16)`. The plain
 * SHA-256 and size are computed while streaming, so nothing is read twice and nothing is held in
 * memory. A partly written file never gets its final name (written as `.part`, then renamed).
 */
export class EncryptedFileStore implements FileStore {
  constructor(
    private readonly root: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new Error('the storage key must be 32 bytes');
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error('not a storage key');
    return path.join(this.root, key);
  }

  async put(source: Readable): Promise<StoredFile> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.bin`;
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    // Frames the ciphertext: header before the first byte, the authentication tag after the last.
    let headerWritten = false;
    const frame = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (!headerWritten) this.push(Buffer.concat([MAGIC, iv]));
        headerWritten = true;
        callback(null, chunk);
      },
      flush(callback) {
        if (!headerWritten) this.push(Buffer.concat([MAGIC, iv]));
        callback(null, cipher.getAuthTag());
      },
    });
    try {
      await pipeline(source, measure, cipher, frame, createWriteStream(`${file}.part`, { mode: 0o600 }));
    } catch (error) {
      await rm(`${file}.part`, { force: true });
      throw error;
    }
    await rename(`${file}.part`, file);
    return { key, size, sha256: hash.digest('hex') };
  }

  open(key: string): Readable {
    const file = this.pathOf(key);
    const output = new PassThrough();
    void (async () => {
      const { size } = await stat(file);
      const handle = await open(file, 'r');
      const header = Buffer.alloc(HEADER_LENGTH);
      const tag = Buffer.alloc(TAG_LENGTH);
      try {
        await handle.read(header, 0, HEADER_LENGTH, 0);
        await handle.read(tag, 0, TAG_LENGTH, size - TAG_LENGTH);
      } finally {
        await handle.close();
      }
      if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an encrypted delivery file');
      const decipher = createDecipheriv('aes-256-gcm', this.key, header.subarray(MAGIC.length));
      decipher.setAuthTag(tag);
      // A 0-byte delivery has no ciphertext at all; a read stream cannot start after its own end.
      const ciphertext = size > HEADER_LENGTH + TAG_LENGTH ? createReadStream(file, { start: HEADER_LENGTH, end: size - TAG_LENGTH - 1 }) : Readable.from([]);
      // Not pipeline(): it would fail `output` with the raw error first. A read or authentication
      // error reaches the reader as a StorageError; a reader that stops early closes the file.
      const fail = (error: unknown): void => void output.destroy(new StorageError(error));
      ciphertext.on('error', fail);
      decipher.on('error', fail);
      output.once('close', () => {
        ciphertext.destroy();
        decipher.destroy();
      });
      ciphertext.pipe(decipher).pipe(output);
    })().catch((error: unknown) => output.destroy(new StorageError(error)));
    return output;
  }

  /**
   * Some byte ranges of the plain file without decrypting the rest: GCM is AES in counter mode (plus
   * a tag over the whole ciphertext), so the blocks covering a range are decrypted with AES-CTR from
   * that block's counter. Not authenticated: the file's one tag covers all of it, and checking it
   * means reading all of it. Callers read the whole file first through `open`, which checks the
   * tag; the ranges are for a second look at bytes already checked (005's first occurrences).
   */
  async *openRanges(key: string, ranges: readonly number[]): AsyncIterable<Uint8Array> {
    const file = this.pathOf(key);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      throw new StorageError(error);
    }
    try {
      const size = (await handle.stat()).size;
      const header = Buffer.alloc(HEADER_LENGTH);
      await handle.read(header, 0, HEADER_LENGTH, 0);
      if (size < HEADER_LENGTH + TAG_LENGTH || !header.subarray(0, MAGIC.length).equals(MAGIC))
        throw new StorageError(new Error('not an encrypted delivery file'));
      const iv = header.subarray(MAGIC.length);
      const plainSize = size - HEADER_LENGTH - TAG_LENGTH;
      // GCM's counter is 32 bits, Node's CTR counter 128: the same blocks below 2^32 − 2 of them (64 GiB).
      if (Math.ceil(plainSize / BLOCK) + FIRST_COUNTER > 2 ** 32) throw new StorageError(new Error('file too large for ranged reads'));
      yield* spanRanges(ranges, async (start, end) => {
        const to = Math.min(end, plainSize);
        if (to <= start) return new Uint8Array(0);
        const block = Math.floor(start / BLOCK);
        const from = block * BLOCK;
        const ciphertext = Buffer.allocUnsafe(to - from);
        let filled = 0;
        while (filled < ciphertext.length) {
          const { bytesRead } = await handle.read(ciphertext, filled, ciphertext.length - filled, HEADER_LENGTH + from + filled);
          if (bytesRead === 0) throw new StorageError(new Error('the file ended early'));
          filled += bytesRead;
        }
        const decipher = createDecipheriv('aes-256-ctr', this.key, counterBlock(iv, block));
        return decipher.update(ciphertext).subarray(start - from);
      });
    } finally {
      await handle.close();
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
