import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { FileTooLargeError, type FileUpload } from '../kernel/upload';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import type { StoredFile } from '../storage/file-store';
import { Agreement } from './agreement.entity';
import { readableAgreement } from './agreement.service';
import { NotPdfError, pdfGuard } from './pdf-guard';

/**
 * Hub staff or the institution's local administrator upload the signed PDF: refused before a byte
 * is read when the agreement is not theirs (or unknown); otherwise streamed through the PDF and size
 * guard straight into the encrypted file store, as delivery files are (no clear copy on disk). A
 * replaced document is removed after the new one is committed. Audited.
 */
export async function uploadAgreementDocument(ctx: RequestContext, agreementId: string, upload: FileUpload): Promise<Agreement | Refused> {
  const language = ctx.actor.language;
  const agreement = await readableAgreement(ctx.em, ctx.actor, agreementId);
  if (!agreement) {
    upload.createReadStream().destroy();
    await recordRefusal(ctx, { action: 'uploadAgreementDocument', objectType: 'Agreement', objectId: agreementId });
    return notFound(language, 'agreement');
  }
  const maxBytes = ctx.services.config.agreementMaxBytes;
  const source = upload.createReadStream();
  const guard = pdfGuard(maxBytes);
  source.on('error', (error) => guard.destroy(error));
  // The guard may fail before the store attaches its pipeline (it waits for a folder first); the
  // pipeline still sees the error, this listener only keeps it from being "unhandled" meanwhile.
  guard.on('error', () => undefined);
  let stored: StoredFile;
  try {
    stored = await ctx.services.fileStore.put(source.pipe(guard));
  } catch (error) {
    source.destroy();
    if (error instanceof NotPdfError) return refuse(language, RefusalCode.NOT_PDF, { field: 'file' });
    if (error instanceof FileTooLargeError) return refuse(language, RefusalCode.FILE_TOO_LARGE, { params: { max: maxBytes }, field: 'file' });
    return refuse(language, RefusalCode.UPLOAD_ABORTED, { field: 'file' });
  }
  const previousKey = agreement.documentKey ?? null;
  let saved: Agreement;
  try {
    saved = await ctx.em.transactional(async (tx) => {
      const now = ctx.services.clock.now();
      const row = await tx.findOneOrFail(Agreement, { id: agreement.id });
      Object.assign(row, {
        documentKey: stored.key,
        documentSize: String(stored.size),
        documentSha256: stored.sha256,
        documentUploadedAt: now,
        updatedAt: now,
      });
      await tx.flush();
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.UPDATE,
        action: 'uploadAgreementDocument',
        objectType: 'Agreement',
        objectId: agreement.id,
        institutionId: agreement.institution.id,
        detail: `${agreement.kind} ${stored.size} bytes sha256:${stored.sha256}`,
      });
      return row;
    });
  } catch (error) {
    await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
    throw error;
  }
  // The replaced document goes once the new one is committed (a failed commit keeps the old one in use).
  if (previousKey) await ctx.services.fileStore.remove(previousKey).catch(() => undefined);
  return saved;
}
