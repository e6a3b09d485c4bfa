import { Transform, type TransformCallback } from 'node:stream';
import { FileTooLargeError } from '../kernel/upload';

const PDF_MAGIC = Buffer.from('%PDF-');

/** The file's first bytes are not `%PDF-`: whatever its name or declared type says, it is no PDF. */
export class NotPdfError extends Error {
  constructor() {
    super('the file does not start with %PDF-');
    this.name = 'NotPdfError';
  }
}

/**
 * Passes a PDF through while it streams: fails with NotPdfError as soon as the first five bytes are
 * not `%PDF-` (content-sniffed, never trusting the name or MIME type; OWASP ASVS 5.2.2), and with
 * FileTooLargeError as soon as more than `maxBytes` have come, so reading stops at the limit.
 */
export function pdfGuard(maxBytes: number): Transform {
  let seen = 0;
  let head = Buffer.alloc(0);
  let checked = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) return callback(new FileTooLargeError(maxBytes));
      if (checked) return callback(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < PDF_MAGIC.length) return callback();
      if (!head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return callback(new NotPdfError());
      checked = true;
      callback(null, head);
    },
    flush(callback: TransformCallback) {
      callback(checked ? null : new NotPdfError());
    },
  });
}
