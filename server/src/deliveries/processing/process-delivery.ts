import { pipeline, Transform } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import type { AppServices } from '../../kernel/services';
import { Institution } from '../../institutions/institution.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { DictionaryVersion } from '../../dictionaries/dictionary-version.entity';
import { Registry } from '../../registries/registry.entity';
import type { ValidationResult } from '@datahub/validation';
import { validateDelivery } from '@datahub/validation';
import { nodeUtf8Validator } from '@datahub/validation/node';
import { Period } from '../../common/period';
import { DeliveryStatus, FINAL_STATUSES } from '../delivery-status';
import { Delivery } from '../delivery.entity';
import { DeliveryWriters } from './delivery-writers';
import { recordShaper } from './record-payload';
import { applySupersession, type MergeTarget, mergeIntoRecordStore, rejectPatientConflicts } from './record-merge';
import { analyzeStaging, keepRejected, markRejected } from './record-staging';
import { serverFileFindings } from './server-findings';
import { finalStatus, type Outcome } from './outcome';
import { afterTestDelivery } from '../../participations/module';
import { enqueueNotices } from '../../notices/module';
import { todayInAmsterdam } from '../../common/calendar';

const PROGRESS_INTERVAL_MS = 1000;
const ERROR_CLASSES = new Set(['F', 'BF', 'TF']);

interface Loaded {
  delivery: Delivery;
  institution: Institution;
  subDelivery: SubDelivery;
  registry: Registry;
  version: DictionaryVersion;
}

async function load(services: AppServices, deliveryId: string): Promise<Loaded | null> {
  const em = services.orm.em.fork();
  const delivery = await em.findOne(Delivery, { id: deliveryId });
  if (!delivery) return null;
  const institution = await em.findOneOrFail(Institution, { id: delivery.institution.id });
  const subDelivery = await em.findOneOrFail(SubDelivery, { id: delivery.subDelivery.id });
  const registry = await em.findOneOrFail(Registry, { id: subDelivery.registry.id });
  const version = await em.findOneOrFail(DictionaryVersion, { id: delivery.dictionaryVersion.id });
  return { delivery, institution, subDelivery, registry, version };
}

/** The counts so far, shown on the Voortgang tab while the file is read (the final ones replace them). */
interface RunningCounts {
  records: number;
  rejected: number;
  errors: number;
  warnings: number;
}

/**
 * Reports bytes read (first pass) and the counts so far at most once a second, on its own
 * connection, outside the transaction (whose writes nobody sees before it commits).
 */
function progressMeter(services: AppServices, deliveryId: string, counts: RunningCounts) {
  let bytes = 0;
  let written = 0;
  let last = 0;
  const write = () => {
    if (bytes === written) return;
    written = bytes;
    const progress = {
      progressDone: String(bytes),
      recordCount: counts.records,
      acceptedCount: counts.records - counts.rejected,
      rejectedCount: counts.rejected,
      errorCount: counts.errors,
      warningCount: counts.warnings,
    };
    // Only while PROCESSING: a write that arrives after the final status must not replace the final counts.
    void services.orm.em
      .fork()
      .nativeUpdate(Delivery, { id: deliveryId, status: DeliveryStatus.PROCESSING }, progress)
      .catch(() => undefined);
  };
  return {
    counter(): Transform {
      return new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          const now = Date.now();
          if (now - last >= PROGRESS_INTERVAL_MS) {
            last = now;
            write();
          }
          callback(null, chunk);
        },
      });
    },
    finish: write,
  };
}

/**
 * Checks a delivery's file and stores everything that follows from it (report lines, the records,
 * the record store, supersession, the final status and counts) in ONE transaction. A worker killed
 * half-way leaves nothing of that attempt, so a retry gives exactly what one clean run gives; a
 * delivery already final is left alone (the job ran twice).
 */
export async function processDelivery(services: AppServices, deliveryId: string): Promise<DeliveryStatus | null> {
  const loaded = await load(services, deliveryId);
  if (!loaded || FINAL_STATUSES.includes(loaded.delivery.status)) return loaded?.delivery.status ?? null;
  const { delivery, institution, subDelivery, registry, version } = loaded;
  const catalogue = await services.dictionaries.current({ em: services.orm.em.fork(), request: {} });
  const dictionary = catalogue.find(registry.code, subDelivery.code, version.version);
  if (!dictionary) throw new Error(`no dictionary file for ${registry.code}/${subDelivery.code}/${version.version}`);
  const startedAt = services.clock.now();
  await services.orm.em.fork().nativeUpdate(
    Delivery,
    { id: deliveryId },
    {
      status: DeliveryStatus.PROCESSING,
      processingStartedAt: startedAt,
      progressDone: '0',
      recordCount: 0,
      acceptedCount: 0,
      rejectedCount: 0,
      errorCount: 0,
      warningCount: 0,
      attempts: delivery.attempts + 1,
    },
  );

  const counts: RunningCounts = { records: 0, rejected: 0, errors: 0, warnings: 0 };
  const progress = progressMeter(services, deliveryId, counts);
  // Where the records and report lines go, once the transaction has begun: the first pass waits for it.
  let writers: DeliveryWriters | null = null;
  let firstPass = true;
  const open = () => {
    const source = services.fileStore.open(delivery.storageKey);
    if (!firstPass) return source;
    firstPass = false;
    // pipeline, not pipe: a read error (a damaged file) must reach the reader, not leave it waiting.
    if (!writers) throw new Error('the file is read before its writers are open');
    return pipeline(source, progress.counter(), writers.pacer(), () => undefined);
  };
  const period = Period.parse(delivery.period);
  const ingest = !delivery.test;
  const shape = recordShaper(dictionary.dictionary, services.pseudonymiser);

  const outcome = await services.orm.em.fork().transactional(async (em) => {
    const trx = em.getTransactionContext<Knex.Transaction>();
    if (!trx) throw new Error('no transaction');
    // Two runs of the same job (a retry beside a worker thought dead) check the file one at a time.
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`delivery/${deliveryId}`]);
    // Another run of the same job may have finished while this one waited for the lock.
    const current = await trx.raw('select status from delivery where id = ?', [deliveryId]);
    const currentStatus = (current.rows as { status: DeliveryStatus }[])[0]?.status;
    if (currentStatus && FINAL_STATUSES.includes(currentStatus)) return null;
    const fileFindings = await serverFileFindings(trx, services.dictionaries, {
      deliveryId,
      institutionId: institution.id,
      institutionCode: institution.code,
      registryId: registry.id,
      fileName: delivery.fileName,
      sequenceNumber: delivery.sequenceNumber ?? null,
      deliveredAt: delivery.deliveredAt,
      channel: delivery.channel,
    });
    // While a COPY is open no other query can run on the connection, so the writers open last,
    // just before the file is read. Test deliveries keep no records at all (docs/domain.md#test-deliveries: checked,
    // reported, never ingested).
    const output = await DeliveryWriters.open(trx, deliveryId, ingest);
    writers = output;
    let result: ValidationResult;
    try {
      result = await validateDelivery(open, dictionary.compiled, {
        fileName: delivery.fileName,
        period: { code: period.code, start: period.startDate, end: period.endDate },
        deliveryDate: delivery.deliveryDate,
        fileFindings,
        utf8Validator: nodeUtf8Validator,
        // As the validate command gives them: the size known at upload, and 005's first occurrences
        // read again as ranges of the stored file, decrypting only the blocks that cover them.
        byteLength: Number(delivery.size),
        openRanges: (ranges) => services.fileStore.openRanges(delivery.storageKey, ranges),
        onFinding: (finding) => {
          output.addFinding(finding);
          counts.rejected = output.rejectedCount;
          if (ERROR_CLASSES.has(finding.class)) counts.errors += 1;
          else counts.warnings += 1;
        },
        onRecord: (recordNumber, cells) => {
          counts.records = recordNumber;
          if (ingest) output.addRecord(recordNumber, shape(cells));
        },
      });
    } catch (error) {
      await output.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    await output.finish();
    progress.finish();
    const checkedAt = Date.now();
    if (ingest) {
      await markRejected(trx, output.lateRejections);
      await analyzeStaging(trx);
    }
    const target: MergeTarget = {
      deliveryId,
      subDeliveryId: subDelivery.id,
      institutionId: institution.id,
      deliveredAt: delivery.deliveredAt,
      reportKey: dictionary.dictionary.reportKey,
      now: services.clock.now(),
    };
    const engineOutcome: Outcome = { status: result.status, totals: result.totals, conflictRejected: 0, conflictWarnings: 0 };
    if (ingest) {
      // Deliveries of one stream share its record store: they merge one at a time (see record-merge.ts for their order).
      await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`stream/${institution.id}/${subDelivery.id}`]);
      if (result.status !== 'REJECTED') engineOutcome.conflictRejected = await rejectPatientConflicts(trx, target, output.lineCount);
      await keepRejected(trx, deliveryId);
    }
    const status = finalStatus(engineOutcome);
    if (ingest && (status === DeliveryStatus.PROCESSED || status === DeliveryStatus.PROCESSED_WITH_ERRORS)) {
      const changesBefore = await latestStreamChange(trx, institution.id, subDelivery.id);
      engineOutcome.conflictWarnings = await mergeIntoRecordStore(trx, target, output.lineCount + engineOutcome.conflictRejected);
      await applySupersession(trx, { ...target, period: delivery.period });
      // When held records changed, processors authorised for them are told so (no data), with this commit or not at all.
      if ((await latestStreamChange(trx, institution.id, subDelivery.id)) !== changesBefore)
        await enqueueNotices(trx, {
          institutionId: institution.id,
          registryId: registry.id,
          subDeliveryId: subDelivery.id,
          period: delivery.period,
          on: todayInAmsterdam(target.now),
          now: target.now,
        });
    }
    const settled = { ...engineOutcome, status: finalStatus(engineOutcome) };
    services.logger.info(
      { deliveryId, records: result.totals.records, checkSeconds: (checkedAt - startedAt.getTime()) / 1000, mergeSeconds: (Date.now() - checkedAt) / 1000 },
      'delivery checked and merged',
    );
    await trx.raw(
      `update delivery set status = ?, processed_at = ?, record_count = ?, accepted_count = ?, rejected_count = ?, error_count = ?, warning_count = ?, progress_done = size, failure_reason = null where id = ?`,
      [settled.status, services.clock.now(), ...countsOf(settled), deliveryId],
    );
    return settled;
  });
  // After the commit: a clean test delivery may take a participation live (automatic go-live). Its
  // failure leaves the delivery's outcome as it is; the next test delivery tries again.
  if (outcome && delivery.test)
    await afterTestDelivery(services, deliveryId).catch((error: unknown) =>
      services.logger.warn({ deliveryId, error: error instanceof Error ? error.name : 'unknown' }, 'automatic go-live check failed'),
    );
  return outcome ? (outcome.status as DeliveryStatus) : null;
}

/**
 * The stream's highest change sequence value: every change of a held record (new version, new
 * record, withdrawal, return) draws a new one, and the caller holds the stream's lock, so a higher
 * value after the merge means this delivery changed held records. One index probe.
 */
async function latestStreamChange(trx: Knex.Transaction, institutionId: string, subDeliveryId: string): Promise<string | null> {
  const result = await trx.raw('select max(change_seq)::text as seq from held_record where sub_delivery_id = ? and institution_id = ?', [
    subDeliveryId,
    institutionId,
  ]);
  return (result.rows as { seq: string | null }[])[0]?.seq ?? null;
}

/** record, accepted, rejected, error and warning counts as stored on the delivery. */
function countsOf(outcome: Outcome): [number, number, number, number, number] {
  const { totals } = outcome;
  const rejectedWhole = outcome.status === DeliveryStatus.REJECTED;
  const rejected = rejectedWhole ? totals.records : totals.rejected + outcome.conflictRejected;
  const accepted = rejectedWhole ? 0 : totals.records - rejected;
  const errors = totals.byClass.F + totals.byClass.BF + totals.byClass.TF + outcome.conflictRejected;
  const warnings = totals.byClass.W + totals.byClass.BW + totals.byClass.TW + outcome.conflictWarnings;
  return [totals.records, accepted, rejected, errors, warnings];
}
