import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { EntityData } from '@mikro-orm/core';
import type { AppServices } from '../../kernel/services';
import { Period } from '../../common/period';
import { Delivery } from '../../deliveries/delivery.entity';
import { DeliveryStatus } from '../../deliveries/delivery-status';
import { processDelivery } from '../../deliveries/processing/process-delivery';
import { type DemoDelivery, DemoStatus } from '../../overviews/module';
import { DemoOutcome, demoFile } from './demo-files';

/** Streams processed side by side; each stream's deliveries in date order, as a worker would. */
const STREAMS_AT_ONCE = 3;

const OUTCOMES: Record<DemoStatus, DemoOutcome> = {
  [DemoStatus.PROCESSED]: DemoOutcome.CLEAN,
  [DemoStatus.PROCESSED_WITH_ERRORS]: DemoOutcome.RECORD_ERRORS,
  [DemoStatus.REJECTED]: DemoOutcome.REJECTED,
};

interface Example {
  text: string;
  start: string;
}

/** The dictionary's valid CSV example and the start of the period it was written for. */
async function exampleOf(services: AppServices, planned: DemoDelivery, cache: Map<string, Promise<Example>>): Promise<Example> {
  const id = `${planned.registryCode}/${planned.subDeliveryCode}/${planned.version}`;
  let example = cache.get(id);
  if (!example) {
    const dir = path.join(services.config.dictionariesDir, planned.registryCode, planned.subDeliveryCode, planned.version, 'examples');
    example = (async () => {
      const expected = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as { period: string };
      return { text: await readFile(path.join(dir, 'valid.csv'), 'utf8'), start: Period.parse(expected.period).startDate as string };
    })();
    cache.set(id, example);
  }
  return example;
}

/** Where the file's records fall: the period's first day, or for a TOTAAL the first day of the year it covers. */
function targetStart(planned: DemoDelivery): string {
  return Period.parse(planned.period).startDate ?? `${planned.periodEnd.slice(0, 4)}-01-01`;
}

/**
 * Makes the planned demo deliveries as an upload would: a generated file in the file store and a
 * RECEIVED delivery with the next sequence number of its institution and registry, then checked
 * and ingested by the same processing the worker runs. Times are set to the planned delivery day.
 * `unexpected` counts deliveries whose processing did not give the planned status.
 */
export async function deliverDemoFiles(services: AppServices, plan: DemoDelivery[]): Promise<{ delivered: number; unexpected: number }> {
  const ordered = [...plan].sort(
    (a, b) =>
      a.institutionCode.localeCompare(b.institutionCode) ||
      a.registryCode.localeCompare(b.registryCode) ||
      a.date.localeCompare(b.date) ||
      a.subDeliveryCode.localeCompare(b.subDeliveryCode),
  );
  const examples = new Map<string, Promise<Example>>();
  const sequences = new Map<string, number>();
  const rows: EntityData<Delivery>[] = [];
  const streams = new Map<string, { id: string; status: DemoStatus }[]>();
  for (const planned of ordered) {
    const counter = `${planned.institutionId}/${planned.registryCode}`;
    const sequence = (sequences.get(counter) ?? 0) + 1;
    sequences.set(counter, sequence);
    const example = await exampleOf(services, planned, examples);
    const entry = services.dictionaries.find(planned.registryCode, planned.subDeliveryCode, planned.version);
    if (!entry) throw new Error(`no dictionary ${planned.registryCode}/${planned.subDeliveryCode}/${planned.version}`);
    const content = demoFile({
      dictionary: entry.dictionary,
      example: example.text,
      exampleStart: example.start,
      targetStart: targetStart(planned),
      copies: planned.copies,
      tag: `D${planned.institutionCode.slice(-3)}S${sequence}`,
      outcome: OUTCOMES[planned.status],
    });
    const stored = await services.fileStore.put(Readable.from([Buffer.from(content, 'utf8')]));
    const id = randomUUID();
    // One second per sequence number: the B09 check orders an institution's deliveries by this time.
    const deliveredAt = new Date(Date.parse(`${planned.date}T09:00:00Z`) + sequence * 1000);
    rows.push({
      id,
      institution: planned.institutionId,
      unit: 0,
      subDelivery: planned.subDeliveryId,
      dictionaryVersion: planned.dictionaryVersionId,
      period: planned.period,
      test: false,
      channel: planned.channel,
      status: DeliveryStatus.RECEIVED,
      fileName: `${planned.institutionCode}_0_${planned.registryCode}_${planned.version}_${sequence}_${planned.date.replace(/-/g, '')}_PROD.csv`,
      fileNameConforming: true,
      sequenceNumber: sequence,
      creationDate: planned.date,
      size: String(stored.size),
      sha256: stored.sha256,
      storageKey: stored.key,
      deliveredBy: null,
      deliveredAt,
      deliveryDate: planned.date,
    });
    const stream = `${planned.institutionId}/${planned.subDeliveryId}`;
    streams.set(stream, [...(streams.get(stream) ?? []), { id, status: planned.status }]);
  }
  if (!rows.length) return { delivered: 0, unexpected: 0 };
  await services.orm.em.fork().insertMany(Delivery, rows);

  const queue = [...streams.values()];
  let unexpected = 0;
  const runStreams = async () => {
    for (let deliveries = queue.shift(); deliveries; deliveries = queue.shift()) {
      for (const { id, status } of deliveries) {
        if ((await processDelivery(services, id)) !== (status as string)) unexpected += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: STREAMS_AT_ONCE }, runStreams));
  // Processed a few minutes after delivery, on the day it was delivered.
  await services.orm.em
    .fork()
    .getConnection()
    .execute(
      `update delivery set processing_started_at = delivered_at + interval '1 minute', processed_at = delivered_at + interval '3 minutes' where id in (${rows.map(() => '?').join(',')})`,
      rows.map((row) => row.id as string),
    );
  return { delivered: rows.length, unexpected };
}
