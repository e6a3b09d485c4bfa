import { Transform, type TransformCallback } from 'node:stream';
import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { FileTooLargeError, type FileUpload } from '../kernel/upload';
import type { StoredFile } from '../storage/file-store';

/** The kinds of file accepted as evidence or a signed copy, told by their first bytes. */
export type EvidenceType = 'PDF' | 'PNG' | 'JPEG';

const MAGIC: [EvidenceType, Buffer][] = [
  ['PDF', Buffer.from('%PDF-')],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
];
const HEAD = Math.max(...MAGIC.map(([, magic]) => magic.length));

/** The file's first bytes are none of the accepted kinds, whatever its name or declared type says. */
export class NotAcceptedFileError extends Error {
  constructor() {
    super('the file is none of the accepted kinds');
    this.name = 'NotAcceptedFileError';
  }
}

/**
 * Passes a file through while it streams, judging it by content only: fails as soon as its first
 * bytes are not one of `accepted` (NotAcceptedFileError) or more than `maxBytes` have come
 * (FileTooLargeError). `found()` tells the kind once the head was seen.
 */
export function contentGuard(accepted: readonly EvidenceType[], maxBytes: number): Transform & { found(): EvidenceType | null } {
  let seen = 0;
  let head = Buffer.alloc(0);
  let kind: EvidenceType | null = null;
  const judge = (final: boolean): EvidenceType | null | 'WAIT' => {
    for (const [type, magic] of MAGIC) {
      if (!accepted.includes(type)) continue;
      if (head.length >= magic.length && head.subarray(0, magic.length).equals(magic)) return type;
    }
    return head.length < HEAD && !final ? 'WAIT' : null;
  };
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) return callback(new FileTooLargeError(maxBytes));
      if (kind) return callback(null, chunk);
      head = Buffer.concat([head, chunk]);
      const verdict = judge(false);
      if (verdict === 'WAIT') return callback();
      if (!verdict) return callback(new NotAcceptedFileError());
      kind = verdict;
      callback(null, head);
    },
    flush(callback: TransformCallback) {
      if (kind) return callback();
      const verdict = judge(true);
      if (!verdict || verdict === 'WAIT') return callback(new NotAcceptedFileError());
      kind = verdict;
      callback(null, head);
    },
  });
  return Object.assign(guard, { found: () => kind });
}

export interface StoredEvidence extends StoredFile {
  type: EvidenceType;
}

/**
 * Streams an upload through the content and size guard straight into the encrypted file store (no
 * clear copy on disk); a refusal when it is of another kind, too large or broken off.
 */
export async function storeUpload(ctx: RequestContext, upload: FileUpload, accepted: readonly EvidenceType[]): Promise<StoredEvidence | Refused> {
  const language = ctx.actor.language;
  const maxBytes = ctx.services.config.agreementMaxBytes;
  const source = upload.createReadStream();
  const guard = contentGuard(accepted, maxBytes);
  source.on('error', (error) => guard.destroy(error));
  // The store may attach its pipeline after the guard failed; this listener keeps that error from being "unhandled" meanwhile.
  guard.on('error', () => undefined);
  try {
    const stored = await ctx.services.fileStore.put(source.pipe(guard));
    return { ...stored, type: guard.found() ?? 'PDF' };
  } catch (error) {
    source.destroy();
    if (error instanceof NotAcceptedFileError) {
      return accepted.length === 1
        ? refuse(language, RefusalCode.NOT_PDF, { field: 'file' })
        : refuse(language, RefusalCode.NOT_EVIDENCE_FILE, { field: 'file' });
    }
    if (error instanceof FileTooLargeError) return refuse(language, RefusalCode.FILE_TOO_LARGE, { params: { max: maxBytes }, field: 'file' });
    return refuse(language, RefusalCode.UPLOAD_ABORTED, { field: 'file' });
  }
}
