/**
 * One measurement of the FHIR bench (test/bench/fhir.ts), in a process of its own compiled to plain
 * JavaScript, so its RSS is the conversion's and the engine's. Prints one JSON line.
 *
 * Usage: fhir-measure.js TASK FILE DICTIONARIES_DIR TEMP_DIR, TASK `csv` (the engine on a CSV file) or
 * `fhir` (NDJSON → convertFhir → CSV file → the engine: what the FHIR channel does).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { findDictionary, loadDictionaries } from '../../server/src/dictionaries/dictionary-files';
import { compileMapping } from '../../server/src/fhir/conversion/compiled-mapping';
import { conversionWorkers, defaultWorkerCount } from '../../server/src/fhir/conversion/conversion-workers';
import { convertFhir } from '../../server/src/fhir/conversion/index';
import { validateDelivery } from '../../server/validation/src/engine';
import { fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';

const MB = 1024 * 1024;
/** FHIR_BENCH_WORKERS: conversion workers beside the main thread (default: as a server chooses). */
const WORKERS = process.env['FHIR_BENCH_WORKERS'] ? Number(process.env['FHIR_BENCH_WORKERS']) : defaultWorkerCount();

async function main(task: string, file: string, dictionaries: string, temp: string): Promise<void> {
  const dictionary = findDictionary(await loadDictionaries(dictionaries), { registry: 'PMICD', subDelivery: 'PMICD', version: '2018.0.5' });
  if (!dictionary) throw new Error('no PMICD 2018.0.5');
  const loadStarted = process.hrtime.bigint();
  if (task === 'fhir') {
    compileMapping(dictionary.dictionary); // R4 definitions indexed, expressions parsed: once per process
    // The conversion workers as a server keeps them between deliveries: started, mapping compiled.
    if (WORKERS > 0) await conversionWorkers(dictionary.dictionary, WORKERS).warm();
  }
  const setupSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
  (globalThis as { gc?: () => void }).gc?.();
  const rssStartMB = Math.round(process.memoryUsage().rss / MB);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let csvFile = file;
  let conversionSeconds = 0;
  let discardedPaths: string[] = [];
  if (task === 'fhir') {
    csvFile = path.join(temp, 'converted.csv');
    const { csv, done } = convertFhir(createReadStream(file, { highWaterMark: 256 * 1024 }), 'ndjson', dictionary.dictionary, { workers: WORKERS });
    await pipeline(csv, createWriteStream(csvFile));
    discardedPaths = (await done).discardedPaths;
    conversionSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  const result = await validateDelivery(fileSource(csvFile), dictionary.compiled, {
    fileName: 'pmicd.csv',
    period: { code: '2026K1', start: '2026-01-01', end: '2026-03-31' },
    deliveryDate: '2026-04-15',
    utf8Validator: nodeUtf8Validator,
    onFinding: () => undefined,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const records = result.totals.records;
  console.log(JSON.stringify({
    task, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, records, recordsPerSecond: Math.round(records / seconds),
    rssStartMB, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    detail: { status: result.status, accepted: result.totals.accepted, conversionSeconds, setupSeconds, discardedPaths },
  }));
}

const [task, file, dictionaries, temp] = process.argv.slice(2) as [string, string, string, string];
main(task, file, dictionaries, temp).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
