import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { FileTooLargeError } from '../kernel/upload';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { enqueueDeliveryProcessing } from '../jobs/queue';
import type { Channel } from '../registries/channel';
import { todayInAmsterdam } from '../common/calendar';
import type { Period } from '../common/period';
import type { StoredFile } from '../storage/file-store';
import { Delivery } from './delivery.entity';
import { resolveDeliveryTarget, type DeliveryTarget, type TargetInput } from './delivery-target';

/** What every channel gives to make a delivery: the target fields, the period, and the audit action. */
export interface ChannelDeliveryInput extends TargetInput {
  period: Period;
  /** The audited action (`uploadDelivery`, `fhirDeliver`, `submitEntryPeriod`). */
  action: string;
}

/**
 * A channel's own rows about a delivery (FHIR's submission: discarded paths, locator file), written
 * in the delivery's transaction after its row, job and audit: if the step throws, none of them is
 * committed, the stored file is removed, and the error reaches the caller.
 */
export type InTransactionStep = (tx: EntityManager, delivery: Delivery) => Promise<void>;

/** Audits a refused target (who tried to deliver where they may not) in its own transaction. */
export async function auditRefusedTarget(ctx: RequestContext, action: string, refusal: Refused): Promise<void> {
  await recordAudit(ctx.services.orm.em.fork(), ctx.actor, {
    event: AuditEventType.AUTHORISATION_FAILURE,
    action,
    objectType: 'Delivery',
    detail: refusal.code,
  });
}

/**
 * Commits the delivery row for a file already in the store, its processing job, its audit row and
 * the channel's `inTransaction` step, if any, in one transaction; removes the file when nothing was
 * committed, so no orphan stays.
 */
export async function recordDelivery(
  ctx: RequestContext,
  target: DeliveryTarget,
  input: ChannelDeliveryInput,
  channel: Channel,
  stored: StoredFile,
  inTransaction?: InTransactionStep,
): Promise<Delivery> {
  const now = ctx.services.clock.now();
  try {
    return await ctx.em.transactional(async (tx) => {
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
        channel,
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
        action: input.action,
        objectType: 'Delivery',
        objectId: delivery.id,
        institutionId: target.institution.id,
        detail: target.test ? 'TEST' : 'PROD',
      });
      if (inTransaction) await inTransaction(tx, delivery);
      return delivery;
    });
  } catch (error) {
    await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
    throw error;
  }
}

/**
 * A delivery through a channel other than the portal's upload (FHIR, the entry portal): the caller
 * turns its data into the dictionary's CSV (`source`) and names the target in `input`. The target
 * is resolved and checked exactly as for an upload, with `channel` as the channel the institution
 * must have active for the registry; then the CSV is stored encrypted as it streams (no clear copy
 * on disk), and the delivery is committed with its processing job, so the worker checks it with
 * the same engine as any file. The channel's own rows about the delivery go in `inTransaction`.
 *
 * Refused before `source` is read (it is destroyed) when the target is wrong or not the actor's;
 * `FILE_TOO_LARGE` when the store's limit stops it. Any other error of `source` (a conversion that
 * finds the data malformed) is thrown to the caller, with nothing committed or left in the store.
 */
export async function storeChannelDelivery(
  ctx: RequestContext,
  input: ChannelDeliveryInput,
  channel: Channel,
  source: Readable,
  fileName: string,
  inTransaction?: InTransactionStep,
): Promise<Delivery | Refused> {
  const today = todayInAmsterdam(ctx.services.clock.now());
  const target = await resolveDeliveryTarget(ctx.em, ctx.actor, fileName, input, today, { channel, fileNameFields: false });
  if (!('institution' in target)) {
    source.destroy();
    await auditRefusedTarget(ctx, input.action, target);
    return target;
  }
  let stored: StoredFile;
  try {
    stored = await ctx.services.fileStore.put(source);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return refuse(ctx.actor.language, RefusalCode.FILE_TOO_LARGE, { params: { max: ctx.services.config.uploadMaxBytes } });
    }
    throw error;
  }
  return recordDelivery(ctx, target, input, channel, stored, inTransaction);
}
