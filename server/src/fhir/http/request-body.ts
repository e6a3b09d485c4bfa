import { Readable, Transform } from 'node:stream';
import { FileTooLargeError, UploadAbortedError } from '../../kernel/upload';

/** The body formats `$deliver` reads, by media type (parameters such as charset are ignored). */
const FORMATS: Record<string, 'bundle' | 'ndjson'> = {
  'application/fhir+json': 'bundle',
  'application/json': 'bundle',
  'application/fhir+ndjson': 'ndjson',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
};

export function bodyFormat(contentType: string | undefined): 'bundle' | 'ndjson' | null {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return FORMATS[mediaType] ?? null;
}

/** Passes at most `maxBytes` bytes; one more fails the stream with FileTooLargeError (the limit of an upload). */
export class ByteLimit extends Transform {
  bytes = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.exceeded = true;
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    callback(null, chunk);
  }
}

/** The request body, limited; a client that stops sending before the end fails it with UploadAbortedError. */
export function limitedBody(request: Readable & { complete?: boolean }, limit: ByteLimit): Readable {
  request.on('aborted', () => limit.destroy(new UploadAbortedError()));
  request.on('close', () => {
    if (request.complete === false) limit.destroy(new UploadAbortedError());
  });
  request.on('error', (error) => limit.destroy(error));
  return request.pipe(limit);
}

/**
 * A stream that starts `start` only when it is first read: the store reads the CSV only after the
 * target was checked, so a refused submission leaves the request body unread (as an upload does).
 */
export function lazyStream(start: () => Readable): Readable {
  let inner: Readable | null = null;
  const outer = new Readable({
    read() {
      if (inner) {
        inner.resume();
        return;
      }
      const started = start();
      inner = started;
      started.on('data', (chunk: Buffer) => {
        if (!outer.push(chunk)) started.pause();
      });
      started.once('end', () => outer.push(null));
      started.once('error', (error) => outer.destroy(error));
    },
    destroy(error, callback) {
      inner?.destroy();
      callback(error);
    },
  });
  return outer;
}
