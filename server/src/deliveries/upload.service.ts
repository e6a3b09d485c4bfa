import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { FileTooLargeError, type FileUpload } from '../kernel/upload';
import { Channel } from '../registries/channel';
import { todayInAmsterdam } from '../common/calendar';
import type { Period } from '../common/period';
import type { StoredFile } from '../storage/file-store';
import type { Delivery } from './delivery.entity';
import { auditRefusedTarget, recordDelivery } from './channel-delivery';
import { resolveDeliveryTarget, type TargetInput } from './delivery-target';

function uploadRefusal(ctx: RequestContext, error: unknown): Refused {
  if (error instanceof FileTooLargeError) {
    return refuse(ctx.actor.language, RefusalCode.FILE_TOO_LARGE, { params: { max: ctx.services.config.uploadMaxBytes }, field: 'file' });
  }
  return refuse(ctx.actor.language, RefusalCode.UPLOAD_ABORTED, { field: 'file' });
}

/**
 * Stores the file (encrypted, hashed on the way, straight from the request: no clear copy on disk)
 * and commits the delivery row and its processing job in one transaction (channel-delivery.ts). Refused before the
 * stream is read when the target is wrong or not the actor's to deliver (the stream is destroyed,
 * the rest of the request left unread, and the refusal audited).
 */
export async function uploadDelivery(ctx: RequestContext, upload: FileUpload, input: TargetInput & { period: Period }): Promise<Delivery | Refused> {
  const em = ctx.em;
  const target = await resolveDeliveryTarget(em, ctx.actor, upload.filename, input, todayInAmsterdam(ctx.services.clock.now()));
  if (!('institution' in target)) {
    upload.createReadStream().destroy();
    await auditRefusedTarget(ctx, 'uploadDelivery', target);
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
  return recordDelivery(ctx, target, { ...input, action: 'uploadDelivery' }, Channel.PORTAL, stored);
}
