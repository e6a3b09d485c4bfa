import http from 'node:http';

const BOUNDARY = 'datahubTestBoundary7MA4YWxkTrZu0gW';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export type Part = { name: string; value: string } | { name: string; filename: string; content: string };

function partHead(part: Part): string {
  return 'filename' in part
    ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: text/csv\r\n\r\n`
    : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
}

/** A whole multipart body, parts in the order given (fields as written, not JSON-encoded again). */
export function multipartBody(parts: Part[]): string {
  return parts.map((part) => `${partHead(part)}${'filename' in part ? part.content : part.value}\r\n`).join('') + `--${BOUNDARY}--\r\n`;
}

/** The parts of a GraphQL multipart request before the file's bytes (graphql-multipart-request-spec). */
export function multipartHead(operations: unknown, map: unknown, fileName: string): string {
  return [
    `${partHead({ name: 'operations', value: '' })}${JSON.stringify(operations)}\r\n`,
    `${partHead({ name: 'map', value: '' })}${JSON.stringify(map)}\r\n`,
    partHead({ name: '0', filename: fileName, content: '' }),
  ].join('');
}

export const MULTIPART_TAIL = `\r\n--${BOUNDARY}--\r\n`;
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/**
 * A multipart POST written piece by piece, as fast as the connection takes it (each write waits
 * for 'drain'), for tests that must know how much of a body was sent when the answer came.
 * `contentLength` is announced up front; the test decides how much of it to send.
 */
export class OpenUpload {
  private readonly request: http.ClientRequest;
  readonly answer: Promise<RawAnswer>;
  /** Bytes handed to the connection so far. */
  sent = 0;
  answered = false;
  failed: Error | null = null;

  constructor(url: string, contentLength: number, headers: Record<string, string>) {
    this.request = http.request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': MULTIPART_TYPE, 'content-length': String(contentLength), 'apollo-require-preflight': 'true', ...headers },
    });
    this.answer = new Promise((resolve, reject) => {
      this.request.on('response', (response) => {
        this.answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      this.request.on('error', (error) => {
        this.failed = error;
        if (!this.answered) reject(error);
      });
    });
    this.answer.catch(() => undefined);
  }

  /** Writes `bytes`; resolves when the connection can take more, is closed, or the server has answered. */
  write(bytes: string | Buffer): Promise<void> {
    if (this.failed || this.request.destroyed) return Promise.resolve();
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    this.sent += buffer.length;
    if (this.request.write(buffer)) return Promise.resolve();
    // Also on an answer: a server that refused the upload stops reading, and 'drain' never comes.
    return new Promise((resolve) => {
      const events = ['drain', 'close', 'response'] as const;
      const done = () => {
        for (const event of events) this.request.off(event, done);
        resolve();
      };
      for (const event of events) this.request.on(event, done);
    });
  }

  end(): void {
    this.request.end();
  }

  destroy(): void {
    this.request.destroy();
  }
}

/**
 * Sends `head`, then up to `fileBytes` filler bytes, then the closing boundary, stopping as soon as
 * the server answers. Returns the answer and how many of the file's bytes had been sent by then.
 */
export async function uploadUntilAnswered(
  url: string,
  head: string,
  fileBytes: number,
  headers: Record<string, string>,
): Promise<{ answer: RawAnswer; fileBytesSent: number }> {
  const upload = new OpenUpload(url, Buffer.byteLength(head) + fileBytes + MULTIPART_TAIL.length, headers);
  await upload.write(head);
  const chunk = Buffer.alloc(64 * 1024, 'R0000,2026-02-03,P1,1950,V,01,0.30,0.90,1,N,\n');
  let fileBytesSent = 0;
  while (!upload.answered && !upload.failed && fileBytesSent < fileBytes) {
    const piece = chunk.subarray(0, Math.min(chunk.length, fileBytes - fileBytesSent));
    fileBytesSent += piece.length;
    await upload.write(piece);
  }
  if (!upload.answered && !upload.failed) {
    await upload.write(MULTIPART_TAIL);
    upload.end();
  }
  try {
    return { answer: await upload.answer, fileBytesSent };
  } finally {
    upload.destroy();
  }
}
