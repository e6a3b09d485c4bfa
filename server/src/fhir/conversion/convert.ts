/**
 * FHIR R4 resources (a Bundle of type collection, or NDJSON as FHIR Bulk Data writes it) in; the
 * equivalent delivery CSV out, in the dictionary's column order, so the engine checks it like any
 * upload. Each resource the mapping reads is validated against R4, then pruned to the elements its
 * mapping reads before any FHIRPath runs (docs/fhir.md).
 *
 * NDJSON is grouped by patient and streamed: a Patient line, then that patient's resources, then
 * the next Patient. Only one patient's resources are held at a time.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { getDataType } from '@medplum/core';
import { compileMapping, type CompiledMapping, dictionaryOf, type FhirDictionary } from './compiled-mapping';
import { defaultWorkerCount } from './conversion-workers';
import { CsvOutput, type RecordLocator } from './csv-output';
import { type FhirIssue, FhirStructureError, structureIssue } from './issues';
import { ndjsonBlocks } from './ndjson-blocks';
import { isObject, splitResource } from './prune';
import { type BuiltRecord, ResourcePool } from './resource-pool';
import { jsonProblem, resourceIssues } from './structure';

export type { FhirDictionary } from './compiled-mapping';

/** alias → where that resource is: 'Bundle.entry[3].resource' / 'line 17'; the focus resource under `focus`. */
export type { RecordLocator };

export interface ConversionResult {
  records: number;
  /** Element paths discarded (`Patient.name`), or whole resource types the mapping does not read (`Encounter`); sorted, no values. */
  discardedPaths: string[];
}

export interface ConversionOptions {
  /** Called for each record as its CSV line is written; recordNumber counts data records from 1. */
  onRecord?: (recordNumber: number, locator: RecordLocator) => void;
  /** A Bundle larger than this is refused (default 256 MiB); NDJSON has no limit. */
  maxBundleBytes?: number;
  /** NDJSON: conversion workers beside this thread (default: one fewer than the cores, at most two; 0: none). */
  workers?: number;
  /** NDJSON: the size of the blocks converted apart (default 1 MiB; ndjson-blocks.ts). */
  blockBytes?: number;
}

/** At most this many issues are collected from a Bundle before it is refused. */
const MAX_ISSUES = 100;

export function hasFhirMapping(dictionary: FhirDictionary): boolean {
  return dictionaryOf(dictionary).fhir !== undefined;
}

/**
 * Converts `input` to the dictionary's CSV (header, then one line per focus resource; RFC 4180, UTF-8).
 * The work happens as `csv` is read: `done` settles once it has been read to the end (or fails). A
 * structural problem destroys `csv` with a FhirStructureError and rejects `done` with it; an error
 * of `input` itself passes unchanged; `csv` destroyed by its reader rejects `done`.
 */
export function convertFhir(
  input: AsyncIterable<Buffer | string>,
  format: 'bundle' | 'ndjson',
  dictionary: FhirDictionary,
  options: ConversionOptions = {},
): { csv: Readable; done: Promise<ConversionResult> } {
  let settle!: { resolve: (r: ConversionResult) => void; reject: (e: unknown) => void };
  const done = new Promise<ConversionResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  done.catch(() => undefined); // the csv stream carries the same error; a caller may await either
  const discarded = new Set<string>();
  let settled = false;
  async function* lines(): AsyncGenerator<string> {
    try {
      const compiled = compileMapping(dictionary);
      const output = new CsvOutput(compiled, options.onRecord);
      yield `${compiled.header}\n`;
      if (format === 'bundle') {
        const pool = await bundlePool(input, compiled, discarded, options.maxBundleBytes ?? 256 * 1024 * 1024);
        for (const record of pool.records(compiled)) {
          output.record(record);
          if (output.full) yield output.take();
        }
      } else {
        yield* ndjsonBlocks(input, dictionary, compiled, discarded, output, {
          workers: options.workers ?? defaultWorkerCount(),
          blockBytes: options.blockBytes ?? 1024 * 1024,
          locators: options.onRecord !== undefined,
        });
      }
      const last = output.take();
      if (last) yield last;
      settled = true;
      settle.resolve({ records: output.records, discardedPaths: [...discarded].sort() });
    } catch (error) {
      settled = true;
      settle.reject(error);
      throw error;
    } finally {
      if (!settled) settle.reject(new Error('the CSV stream was closed before the conversion ended'));
    }
  }
  return { csv: Readable.from(lines(), { objectMode: false, encoding: 'utf8' }), done };
}

async function readAll(input: AsyncIterable<Buffer | string>, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) throw new FhirStructureError([structureIssue('Bundle', `the Bundle is larger than ${limit} bytes; send NDJSON`, 'too-costly')]);
    parts.push(buffer);
  }
  const all = Buffer.concat(parts);
  if (!isUtf8(all)) throw new FhirStructureError([structureIssue('Bundle', 'the Bundle is not valid UTF-8')]);
  return all.toString('utf8').replace(/^\uFEFF/, '');
}

async function bundlePool(input: AsyncIterable<Buffer | string>, compiled: CompiledMapping, discarded: Set<string>, limit: number): Promise<ResourcePool> {
  const json = await readAll(input, limit); // an error of the input itself passes as it is
  let bundle: unknown;
  try {
    bundle = JSON.parse(json);
  } catch (error) {
    throw new FhirStructureError([structureIssue('Bundle', `the Bundle is ${jsonProblem(error)}`)]);
  }
  if (!isObject(bundle) || bundle['resourceType'] !== 'Bundle') throw new FhirStructureError([structureIssue('Bundle', 'expected a Bundle resource')]);
  if (bundle['type'] !== 'collection')
    throw new FhirStructureError([structureIssue('Bundle.type', 'only a Bundle of type collection is accepted', 'not-supported')]);
  const entries = bundle['entry'] ?? [];
  if (!Array.isArray(entries)) throw new FhirStructureError([structureIssue('Bundle.entry', 'expected an array of entries')]);
  const issues: FhirIssue[] = [];
  const pool = new ResourcePool();
  entries.forEach((entry: unknown, i) => {
    if (issues.length >= MAX_ISSUES) return;
    const at = `Bundle.entry[${i}].resource`;
    const resource = isObject(entry) ? entry['resource'] : undefined;
    if (!isObject(resource) || typeof resource['resourceType'] !== 'string') {
      issues.push(structureIssue(at, 'an entry needs a resource with a resourceType', 'required'));
      return;
    }
    const type = resource['resourceType'];
    const split = splitResource(resource, type, compiled, discarded);
    if (!split) return;
    const problems = resourceIssues(compiled.validators.get(type)!, split.validated, split.unknown, at);
    if (problems.length > 0) {
      issues.push(...problems);
      return;
    }
    const fullUrl = isObject(entry) && typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : undefined;
    pool.add({ type, resource: split.kept, locator: at }, fullUrl);
  });
  if (issues.length > 0) throw new FhirStructureError(issues.slice(0, MAX_ISSUES));
  return pool;
}

/**
 * Where a finding on `fieldName` of the record at `locator` points, for an OperationOutcome:
 * 'Bundle.entry[1].resource.performed[x]' or 'Procedure (line 17).performed[x]'. A field read from a
 * resource the record does not have points at the focus resource.
 */
export function fieldExpression(dictionary: FhirDictionary, fieldName: string, locator: RecordLocator): string {
  const compiled = compileMapping(dictionary);
  const field = compiled.fields.find((f) => f.field.name === fieldName);
  const alias = field?.alias && field.alias in locator ? field.alias : 'focus';
  const type = alias === 'focus' ? compiled.mapping.focus : compiled.links.find((l) => l.alias === alias)!.type;
  const at = locator[alias] ?? '';
  const base = at.startsWith('line ') ? `${type} (${at})` : at;
  if (alias !== field?.alias || !field.element) return base;
  const elements = getDataType(type).elements;
  const element = elements[`${field.element}[x]`] ? `${field.element}[x]` : field.element;
  return `${base}.${element}`;
}

export type { BuiltRecord };
