import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { FileTooLargeError, type FileUpload } from '../kernel/upload';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { enqueueDeliveryProcessing } from '../jobs/queue';
import { Channel } from '../registries/channel';
import { todayInAmsterdam } from '../common/calendar';
import type { Period } from '../common/period';
import type { StoredFile } from '../storage/file-store';
import { Delivery } from './delivery.entity';
import { resolveDeliveryTarget, type TargetInput } from './delivery-target';

function uploadRefusal(ctx: RequestContext, error: unknown): Refused {
  if (error instanceof FileTooLargeError) {
    return refuse(ctx.actor.language, RefusalCode.FILE_TOO_LARGE, { params: { max: ctx.services.config.uploadMaxBytes }, field: 'file' });
  }
  return refuse(ctx.actor.language, RefusalCode.UPLOAD_ABORTED, { field: 'file' });
}

/**
 * Stores the file (encrypted, hashed on the way, straight from the request: no clear copy on disk)
 * and commits the delivery row and its processing job in one transaction. Refused before the
 * stream is read when the target is wrong or not the actor's to deliver (the stream is destroyed,
 * the rest of the request left unread, and the refusal audited).
 */
export async function uploadDelivery(ctx: RequestContext, upload: FileUpload, input: TargetInput & { period: Period }): Promise<Delivery | Refused> {
  const em = ctx.em;
  const target = await resolveDeliveryTarget(em, ctx.actor, upload.filename, input, todayInAmsterdam(ctx.services.clock.now()));
  if (!('institution' in target)) {
    upload.createReadStream().destroy();
    await recordAudit(ctx.services.orm.em.fork(), ctx.actor, {
      event: AuditEventType.AUTHORISATION_FAILURE,
      action: 'uploadDelivery',
      objectType: 'Delivery',
      detail: target.code,
    });
    return target;
  }
  if (target.creationDate && target.creationDate > todayInAmsterdam(ctx.services.clock.now())) {
    upload.createReadStream().destroy();
    return refuse(ctx.actor.language, RefusalCode.CREATION_DATE_FUTURE, { params: { date: target.creationDate }, field: 'creationDate' });
  }
  let stored: StoredFile;
  try {
    stored = await ctx.services.fileStore.put(upload.createReadStream());
  } catch (error) {
    return uploadRefusal(ctx, error);
  }
  const now = ctx.services.clock.now();
  try {
    return await em.transactional(async (tx) => {
      const sameBytes = await tx.findOne(
        Delivery,
        { institution: target.institution.id, subDelivery: target.subDelivery.id, period: input.period.code, sha256: stored.sha256 },
        { orderBy: { deliveredAt: 'asc' } },
      );
      const delivery = tx.create(Delivery, {
        institution: target.institution,
        unit: target.unit,
        subDelivery: target.subDelivery,
        dictionaryVersion: target.dictionaryVersion,
        period: input.period.code,
        test: target.test,
        channel: Channel.PORTAL,
        fileName: target.fileName,
        fileNameConforming: target.fileNameConforming,
        sequenceNumber: target.sequenceNumber,
        creationDate: target.creationDate,
        size: String(stored.size),
        sha256: stored.sha256,
        storageKey: stored.key,
        sameBytesAs: sameBytes,
        deliveredBy: ctx.actor.user?.id ?? null,
        deliveredAt: now,
        deliveryDate: todayInAmsterdam(now),
      });
      await tx.flush();
      await enqueueDeliveryProcessing(tx, delivery.id);
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.CREATE,
        action: 'uploadDelivery',
        objectType: 'Delivery',
        objectId: delivery.id,
        institutionId: target.institution.id,
        detail: target.test ? 'TEST' : 'PROD',
      });
      return delivery;
    });
  } catch (error) {
    // Nothing was committed: do not keep an orphan file.
    await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
    throw error;
  }
}
