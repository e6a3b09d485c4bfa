import { pipeline, Transform } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import type { AppServices } from '../../app/services';
import { Institution } from '../../institutions/institution.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { DictionaryVersion } from '../../dictionaries/dictionary-version.entity';
import { Registry } from '../../registries/registry.entity';
import type { Finding, ValidationResult } from '../../validation';
import { validateDelivery } from '../../validation';
import { nodeUtf8Validator } from '../../validation/node-files';
import { Period } from '../../shared/period';
import { DeliveryStatus, FINAL_STATUSES } from '../delivery-status';
import { Delivery } from '../delivery.entity';
import { BatchInserter } from './batch-inserter';
import { CopyWriter } from './copy-writer';
import { recordShaper } from './record-payload';
import { applySupersession, type MergeTarget, mergeIntoRecordStore, rejectPatientConflicts } from './record-merge';
import { serverFileFindings } from './server-findings';
import { finalStatus, type Outcome } from './outcome';

const PROGRESS_INTERVAL_MS = 1000;

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

/** Reports bytes read (first pass) at most once a second, on its own connection, outside the transaction. */
function progressMeter(services: AppServices, deliveryId: string) {
  let bytes = 0;
  let written = 0;
  let last = 0;
  const write = () => {
    if (bytes === written) return;
    written = bytes;
    void services.orm.em.fork().nativeUpdate(Delivery, { id: deliveryId }, { progressDone: String(bytes) }).catch(() => undefined);
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

/** What a line stores: codes and parameters, never rendered text. */
function reportRow(deliveryId: string, ordinal: number, finding: Finding) {
  return {
    delivery_id: deliveryId,
    ordinal,
    record_number: finding.recordNumber,
    code: finding.code,
    class: finding.class,
    field: finding.field,
    params: JSON.stringify(finding.params),
    key_values: finding.keyValues ? JSON.stringify(finding.keyValues) : null,
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
  const dictionary = services.dictionaries.find(registry.code, subDelivery.code, version.version);
  if (!dictionary) throw new Error(`no dictionary file for ${registry.code}/${subDelivery.code}/${version.version}`);
  const startedAt = services.clock.now();
  await services.orm.em.fork().nativeUpdate(Delivery, { id: deliveryId }, { status: DeliveryStatus.PROCESSING, processingStartedAt: startedAt, progressDone: '0', attempts: delivery.attempts + 1 });

  const progress = progressMeter(services, deliveryId);
  let firstPass = true;
  const open = () => {
    const source = services.fileStore.open(delivery.storageKey);
    if (!firstPass) return source;
    firstPass = false;
    // pipeline, not pipe: a read error (a damaged file) must reach the reader, not leave it waiting.
    return pipeline(source, progress.counter(), () => undefined);
  };
  const period = Period.parse(delivery.period);
  const ingest = !delivery.test;
  const shape = recordShaper(dictionary.dictionary, services.pseudonymiser);

  const outcome = await services.orm.em.fork().transactional(async (em) => {
    const trx = em.getTransactionContext<Knex.Transaction>();
    if (!trx) throw new Error('no transaction');
    // Deliveries of one stream and period are applied one at a time (see record-merge.ts for their order).
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`${institution.id}/${subDelivery.id}/${delivery.period}`]);
    // Another run of the same job may have finished while this one waited for the lock.
    const current = await trx.raw('select status from delivery where id = ?', [deliveryId]);
    const currentStatus = (current.rows as { status: DeliveryStatus }[])[0]?.status;
    if (currentStatus && FINAL_STATUSES.includes(currentStatus)) return null;
    const lines = new BatchInserter(trx, 'report_line');
    const rejected = new Set<number>();
    const fileFindings = await serverFileFindings(trx, services.dictionaries, {
      deliveryId,
      institutionId: institution.id,
      institutionCode: institution.code,
      registryId: registry.id,
      fileName: delivery.fileName,
      sequenceNumber: delivery.sequenceNumber ?? null,
      deliveredAt: delivery.deliveredAt,
    });
    // Records go by COPY on the transaction's connection. While the COPY is open no other query can
    // run there, so it opens last, just before the file is read; report lines (far fewer) are
    // batched inserts that queue behind it and run once it ends.
    const records = ingest ? await CopyWriter.open(trx, 'delivery_record', ['delivery_id', 'record_number', 'record_key', 'patient_ref', 'payload', 'rejected']) : null;
    let result: ValidationResult;
    try {
      result = await validateDelivery(open, dictionary.compiled, {
        fileName: delivery.fileName,
        period: { code: period.code, start: period.startDate, end: period.endDate },
        deliveryDate: delivery.deliveryDate,
        fileFindings,
        utf8Validator: nodeUtf8Validator,
        onFinding: (finding) => {
          lines.add(reportRow(deliveryId, lines.count, finding));
          if (finding.recordNumber !== null && (finding.class === 'F' || finding.class === 'TF')) rejected.add(finding.recordNumber);
        },
        // Test deliveries keep no records at all (DOMAIN.md: checked, reported, never ingested).
        onRecord: ingest
          ? (recordNumber, cells) => {
              const staged = shape(cells);
              records?.add([deliveryId, recordNumber, staged.recordKey, staged.patientRef, JSON.stringify(staged.payload), false]);
            }
          : undefined,
      });
    } catch (error) {
      await records?.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    await records?.end();
    await lines.flush();
    progress.finish();
    const checkedAt = Date.now();
    if (ingest && rejected.size > 0) {
      await trx.raw('update delivery_record set rejected = true where delivery_id = ? and record_number = any(?::int[])', [deliveryId, [...rejected]]);
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
    if (ingest && result.status !== 'REJECTED') {
      engineOutcome.conflictRejected = await rejectPatientConflicts(trx, target, lines.count);
    }
    const status = finalStatus(engineOutcome);
    if (ingest && (status === DeliveryStatus.PROCESSED || status === DeliveryStatus.PROCESSED_WITH_ERRORS)) {
      engineOutcome.conflictWarnings = await mergeIntoRecordStore(trx, target, lines.count + engineOutcome.conflictRejected);
      await applySupersession(trx, { ...target, period: delivery.period });
    }
    const settled = { ...engineOutcome, status: finalStatus(engineOutcome) };
    services.logger.info({ deliveryId, records: result.totals.records, checkSeconds: (checkedAt - startedAt.getTime()) / 1000, mergeSeconds: (Date.now() - checkedAt) / 1000 }, 'delivery checked and merged');
    await trx.raw(
      `update delivery set status = ?, processed_at = ?, record_count = ?, accepted_count = ?, rejected_count = ?, error_count = ?, warning_count = ?, progress_done = size, failure_reason = null where id = ?`,
      [settled.status, services.clock.now(), ...countsOf(settled), deliveryId],
    );
    return settled;
  });
  return outcome ? (outcome.status as DeliveryStatus) : null;
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
