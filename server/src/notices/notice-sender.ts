import { createHmac } from 'node:crypto';
import type { Job } from 'graphile-worker';
import type { AppServices } from '../kernel/services';
import { todayInAmsterdam } from '../common/calendar';
import { activeAuthorisation } from '../authorisations/module';
import { Notice, NoticeStatus } from './notice.entity';
import { NoticeEndpoint } from './notice-endpoint.entity';
import { checkNoticeUrl } from './notice-url';
import { MAX_NOTICE_ATTEMPTS } from './notice-queue';
import { postNotice } from './notice-post';

const TIMEOUT_MS = 10_000;

/** The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function noticeSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Thrown so graphile-worker retries with backoff; its message is a kind, never a receiver's text. */
export class NoticeNotDelivered extends Error {
  constructor(readonly kind: string) {
    super(`notice not delivered: ${kind}`);
    this.name = 'NoticeNotDelivered';
  }
}

interface Names {
  registry: string;
  institution: string;
  sub_delivery: string | null;
}

/**
 * One attempt at a notice. Dropped (quietly, no retry) when the notice is no longer pending, the
 * authorisation no longer holds today, or the endpoint was removed or its URL is no longer
 * allowed. A 2xx answer delivers it (unless a newer change joined it meanwhile: then it stays
 * pending for the job that change added); anything else is recorded and thrown, so graphile-worker
 * retries with backoff; after the last attempt it is FAILED.
 */
export async function sendNotice(services: AppServices, noticeId: string, job: { attempts: number; maxAttempts: number }): Promise<NoticeStatus> {
  const em = services.orm.em.fork();
  const notice = await em.findOne(Notice, { id: noticeId });
  if (!notice || notice.status !== NoticeStatus.PENDING) return notice?.status ?? NoticeStatus.DROPPED;
  const drop = async () => {
    await em.nativeUpdate(Notice, { id: noticeId, status: NoticeStatus.PENDING }, { status: NoticeStatus.DROPPED });
    return NoticeStatus.DROPPED;
  };
  const endpoint = await em.findOne(NoticeEndpoint, { organisationId: notice.organisationId, active: true });
  const checked = endpoint ? checkNoticeUrl(endpoint.url, services.config.noticesAllowLocalHttp) : null;
  const on = todayInAmsterdam(services.clock.now());
  const authorisation = await activeAuthorisation(em, { organisationId: notice.organisationId, authorisationId: notice.authorisationId, on });
  if (!endpoint?.sealedSecret || !checked?.ok || !authorisation) return drop();
  const names = (
    await em.getConnection().execute<Names[]>(
      `select r.code as registry, i.code as institution, (select code from sub_delivery where id = ?) as sub_delivery
         from registry r, institution i where r.id = ? and i.id = ?`,
      [notice.subDeliveryId ?? null, authorisation.registryId, authorisation.institutionId],
    )
  )[0];
  if (!names) return drop();
  const body = JSON.stringify({
    type: 'records-available',
    noticeId: notice.id,
    authorisationId: notice.authorisationId,
    registry: names.registry,
    subDelivery: names.sub_delivery,
    institution: names.institution,
    occurredAt: notice.occurredAt.toISOString(),
  });
  const secret = services.keys.unseal(endpoint.sealedSecret);
  const headers = {
    'content-type': 'application/json',
    'datahub-notice-id': notice.id,
    'datahub-signature': noticeSignature(secret, body, Math.floor(services.clock.now().getTime() / 1000)),
  };
  const answer = await postNotice(checked.url, headers, body, TIMEOUT_MS);
  const attempted = { attempts: notice.attempts + 1, lastStatusCode: answer.status, lastErrorKind: answer.kind };
  if (answer.kind === null) {
    const now = services.clock.now();
    const delivered = await em.nativeUpdate(
      Notice,
      { id: noticeId, status: NoticeStatus.PENDING, generation: notice.generation },
      { ...attempted, status: NoticeStatus.DELIVERED, deliveredAt: now },
    );
    if (delivered === 0) await em.nativeUpdate(Notice, { id: noticeId }, attempted);
    return delivered ? NoticeStatus.DELIVERED : NoticeStatus.PENDING;
  }
  const last = job.attempts >= job.maxAttempts;
  await em.nativeUpdate(Notice, { id: noticeId }, { ...attempted, ...(last ? { status: NoticeStatus.FAILED } : {}) });
  throw new NoticeNotDelivered(answer.kind);
}

/** The `send-notice` task: one attempt per run; a throw makes graphile-worker retry with its exponential backoff. */
export function noticeTask(services: AppServices) {
  return async (payload: unknown, helpers: { job: Job }) => {
    const noticeId = (payload as { noticeId?: unknown }).noticeId;
    if (typeof noticeId !== 'string') return;
    try {
      const status = await sendNotice(services, noticeId, { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts ?? MAX_NOTICE_ATTEMPTS });
      services.logger.info({ noticeId, status, attempt: helpers.job.attempts }, 'notice attempt done');
    } catch (error) {
      // The kind only: a receiver's answer or a driver's text is never logged.
      const kind = error instanceof NoticeNotDelivered ? error.kind : error instanceof Error ? error.constructor.name : typeof error;
      services.logger.warn({ noticeId, attempt: helpers.job.attempts, kind }, 'notice not delivered');
      throw error instanceof NoticeNotDelivered ? error : new NoticeNotDelivered('INTERNAL');
    }
  };
}
