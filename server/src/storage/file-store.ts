import type { Readable } from 'node:stream';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where delivered files live. The file name a user gave is never part of a key: keys are made here.
 * One implementation today (encrypted files under the data folder); an S3-compatible store can
 * implement the same four methods (`openRanges` as ranged GETs).
 */
export interface FileStore {
  /** Streams `source` into the store, encrypting it, and returns its key, plain size and plain SHA-256. */
  put(source: Readable): Promise<StoredFile>;
  /** The plain bytes again; fails if they were altered (authentication tag). */
  open(key: string): Readable;
  /**
   * Only some byte ranges of the plain bytes (start, end, start, end, … ascending, end exclusive),
   * without reading the rest; stops where the file ends. Not authenticated on its own: for a second
   * look at a file just read in full through `open`.
   */
  openRanges(key: string, ranges: readonly number[]): AsyncIterable<Uint8Array>;
  remove(key: string): Promise<void>;
}

/**
 * A stored file that cannot be read back (missing, damaged, altered: its authentication tag fails).
 * Its message names no path and no content; the underlying error is kept as `cause` for debugging.
 */
export class StorageError extends Error {
  constructor(cause: unknown) {
    super('the stored file cannot be read', { cause });
    this.name = 'StorageError';
  }
}

declare module '../kernel/services' {
  interface AppServices {
    /** Encrypted storage of delivered files. */
    fileStore: FileStore;
    /**
     * Encrypted scratch copies of uploads that are read more than once (a file check reads a file
     * twice when it has duplicate keys), under the data folder's `spool/`, with the storage key.
     * Removed when the request ends, and all of them at start (storage/sweep.ts).
     */
    uploadSpool: FileStore;
  }
}
