import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileStore, StorageError, type StoredFile } from './file-store';

const MAGIC = Buffer.from('DHF1');
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = MAGIC.length + IV_LENGTH;
const KEY_PATTERN = /^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}\.bin$/;

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

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
