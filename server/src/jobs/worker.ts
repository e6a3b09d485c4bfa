import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { type Job, Logger as GraphileLogger, type ParsedCronItem, parseCrontab, run, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { AppServices } from '../kernel/services';
import type { Logger } from '../kernel/logger';
import { User } from '../access/user.entity';
import { DeliveryProcessingFailure, errorKind } from '../deliveries/delivery-failure';
import { DeliveryStatus } from '../deliveries/delivery-status';
import { Delivery } from '../deliveries/delivery.entity';
import { processDelivery } from '../deliveries/processing/process-delivery';
import { deliveryProcessedMail } from '../mail/delivery-mail';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { sendDueReminders } from '../overviews/module';
import { applyDueMergers } from '../mergers/module';
import { noticeTask, SEND_NOTICE } from '../notices/module';
import { runDataRequestAftercare } from '../data-requests/module';
import { Registry } from '../registries/registry.entity';
import { todayInAmsterdam } from '../common/calendar';
import { MAX_DELIVERY_ATTEMPTS, PROCESS_DELIVERY } from './queue';
import { startWorkerWatch } from './worker-watch';

export interface RunningWorker {
  stop(): Promise<void>;
}

/** What is logged of an error outside processing (mail, pool): its class only, never its text. */
function kindOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

async function notifySubmitter(services: AppServices, deliveryId: string): Promise<void> {
  const em = services.orm.em.fork();
  const delivery = await em.findOne(Delivery, { id: deliveryId });
  if (!delivery?.deliveredBy) return;
  const user = await em.findOne(User, { id: delivery.deliveredBy.id, active: true });
  const subDelivery = await em.findOne(SubDelivery, { id: delivery.subDelivery.id });
  const registry = subDelivery ? await em.findOne(Registry, { id: subDelivery.registry.id }) : null;
  if (!user || !registry) return;
  const link = `${services.config.publicUrl}/aanleveringen/${delivery.id}`;
  await services.mailer.send(deliveryProcessedMail(user, { status: delivery.status, registry: registry.code, period: delivery.period }, link));
}

/**
 * One job per delivery. A system failure is retried (graphile-worker backs off); after the last
 * attempt the delivery becomes FAILED with the reason as a code (delivery-failure.ts), and the job
 * ends instead of looping.
 */
export function deliveryTask(services: AppServices) {
  return async (payload: unknown, helpers: { job: Job; logger: { info(message: string): void } }) => {
    const deliveryId = (payload as { deliveryId?: unknown }).deliveryId;
    if (typeof deliveryId !== 'string') return;
    try {
      const status = await processDelivery(services, deliveryId);
      services.logger.info({ deliveryId, status, attempt: helpers.job.attempts }, 'delivery processed');
    } catch (error) {
      const last = helpers.job.attempts >= (helpers.job.max_attempts ?? MAX_DELIVERY_ATTEMPTS);
      // The error's kind only: its text may quote the file (a PostgreSQL error quotes values).
      const kind = errorKind(error);
      services.logger.warn({ deliveryId, attempt: helpers.job.attempts, last, ...kind }, 'delivery processing failed');
      if (!last) {
        await services.orm.em.fork().nativeUpdate(Delivery, { id: deliveryId }, { status: DeliveryStatus.RECEIVED });
        // The queue logs and stores what it is given: a code, not the original.
        throw new DeliveryProcessingFailure(kind.failure);
      }
      await services.orm.em
        .fork()
        .nativeUpdate(Delivery, { id: deliveryId }, { status: DeliveryStatus.FAILED, failureReason: kind.failure, processedAt: services.clock.now() });
    }
    await notifySubmitter(services, deliveryId).catch((error: unknown) =>
      services.logger.warn({ deliveryId, error: kindOf(error) }, 'could not send the processing mail'),
    );
  };
}

export const SEND_REMINDERS = 'send-reminders';

/**
 * graphile-worker's crontab (times in UTC): the reminders daily at 05:00 UTC, 06:00 or 07:00 in
 * Amsterdam, before the working day. With several workers it still runs once (graphile-worker
 * keeps the last run per item in the database); a run missed within a day is made up (`fill`),
 * and the reminder windows catch up on a missed day anyway.
 */
export const APPLY_MERGERS = 'apply-mergers';

export const DATA_REQUEST_AFTERCARE = 'data-request-aftercare';

/**
 * Also, every hour, the mergers whose day has come (a merger dated today is applied within the hour
 * of midnight UTC); and daily at 05:15 UTC the data requests' aftercare (usage right ended,
 * destruction reminders and escalation).
 */
export const CRONTAB = [
  `0 5 * * * ${SEND_REMINDERS} ?fill=1d&max=1`,
  `7 * * * * ${APPLY_MERGERS} ?fill=1h&max=1`,
  `15 5 * * * ${DATA_REQUEST_AFTERCARE} ?fill=1d&max=1`,
].join('\n');

/** The crontab parsed, so a mistake in it fails at start. */
export function cronItems(): ParsedCronItem[] {
  return parseCrontab(CRONTAB);
}

/** Sends the reminders due today (Europe/Amsterdam); the table of sent reminders keeps a second run silent. */
export function remindersTask(services: AppServices) {
  return async () => {
    const asOf = todayInAmsterdam(services.clock.now());
    const sent = await sendDueReminders(services, asOf);
    services.logger.info({ asOf, digests: sent.digests, reminders: sent.reminders }, 'reminders sent');
  };
}

/** Applies the mergers whose day has come (carrying participations and held records over); each once. */
export function mergersTask(services: AppServices) {
  return async () => {
    const applied = await applyDueMergers(services);
    if (applied) services.logger.info({ applied }, 'mergers applied');
  };
}

/** Ends usage rights whose day passed and sends the destruction reminders and escalations due; each once. */
export function dataRequestAftercareTask(services: AppServices) {
  return async () => {
    const outcome = await runDataRequestAftercare(services);
    if (outcome.usageEnded || outcome.reminders || outcome.escalations) services.logger.info(outcome, 'data request aftercare');
  };
}

export function workerTasks(services: AppServices): TaskList {
  return {
    [PROCESS_DELIVERY]: deliveryTask(services) as never,
    [SEND_REMINDERS]: remindersTask(services),
    [APPLY_MERGERS]: mergersTask(services),
    [SEND_NOTICE]: noticeTask(services) as never,
    [DATA_REQUEST_AFTERCARE]: dataRequestAftercareTask(services),
  };
}

function graphileLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger(() => (level, message) => {
    if (level === 'error') logger.error({ component: 'worker' }, message);
    else if (level === 'warning') logger.warn({ component: 'worker' }, message);
    else logger.debug({ component: 'worker' }, message);
  });
}

/** Runs the delivery worker (in the server by default, or on its own with `pnpm worker`); several may run at once. */
export async function startWorker(services: AppServices, databaseUrl: string): Promise<RunningWorker> {
  const pgPool = new pg.Pool({ connectionString: databaseUrl, max: services.config.workerConcurrency + 2 });
  pgPool.on('error', (error) => services.logger.warn({ error: kindOf(error) }, 'worker pool connection lost'));
  const processTag = `datahub-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const runner: Runner = await run({
    pgPool,
    concurrency: services.config.workerConcurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: graphileLogger(services.logger),
    taskList: workerTasks(services),
    parsedCronItems: cronItems(),
  });
  const watch = startWorkerWatch(pgPool, processTag, services.logger);
  runner.events.on('job:start', ({ worker }) => void watch.claim(worker.workerId));
  return {
    async stop() {
      watch.stop();
      await runner.stop();
      await pgPool.end();
    },
  };
}
