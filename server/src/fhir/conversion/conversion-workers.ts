/**
 * Worker threads that convert NDJSON blocks beside the request's thread, per dictionary mapping:
 * started at the first large NDJSON delivery, kept while deliveries come, ended after a minute
 * without work. A worker holds its own copy of the R4 data types and the compiled mapping (tens of
 * MB), so there are few: by default one fewer than the machine's cores, at most two.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FhirMapping } from '@datahub/validation';
import { dictionaryOf, type FhirDictionary } from './compiled-mapping';
import type { Block, BlockResult } from './ndjson-block';
import type { WorkerReply, WorkerStart } from './ndjson-worker';
import { indexedR4ResourceDefinitions } from './r4-definitions';

/** How long an idle worker is kept. */
const IDLE_MS = 60_000;
/** Blocks queued per worker, so it never waits while the request's thread converts one. */
const QUEUE_PER_WORKER = 2;

export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(2, os.availableParallelism() - 1));
}

/**
 * The worker's script: the compiled one beside this file, or under the TypeScript loader the tests
 * and benches use (the same source, registered in the worker too).
 */
function workerScript(): { file: string; execArgv: string[] } {
  const conditions = process.execArgv.filter((arg) => arg.startsWith('--conditions'));
  if (__filename.endsWith('.ts')) {
    return { file: path.join(__dirname, 'ndjson-worker.ts'), execArgv: [...conditions, '--require', require.resolve('@swc-node/register')] };
  }
  return { file: path.join(__dirname, 'ndjson-worker.js'), execArgv: conditions };
}

class ConversionWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: BlockResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  ended = false;

  constructor(start: WorkerStart, onEnd: () => void) {
    const script = workerScript();
    this.worker = new Worker(script.file, { workerData: start, execArgv: script.execArgv });
    this.worker.unref();
    this.worker.on('message', (message: WorkerReply) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if ('result' in message) waiting.resolve(message.result);
      else waiting.reject(Object.assign(new Error(message.failure.message), { name: message.failure.name }));
      this.afterWork();
    });
    const fail = (error: Error): void => {
      this.ended = true;
      onEnd();
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the FHIR conversion worker stopped (exit code ${code})`)));
  }

  get queued(): number {
    return this.pending.size;
  }

  run(block: Block): Promise<BlockResult> {
    clearTimeout(this.idleTimer);
    // Held while it has work (a waiting conversion must keep the process alive), let go when idle.
    if (this.pending.size === 0) this.worker.ref();
    const id = this.nextId++;
    const done = new Promise<BlockResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // The bytes are moved, not copied: the caller made them for this block.
    this.worker.postMessage({ id, block }, [block.bytes.buffer as ArrayBuffer]);
    return done;
  }

  private afterWork(): void {
    if (this.pending.size > 0) return;
    this.worker.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.worker.terminate(), IDLE_MS);
    this.idleTimer.unref();
  }

  terminate(): Promise<number> {
    clearTimeout(this.idleTimer);
    return this.worker.terminate();
  }
}

/** The workers of one mapping. */
export class ConversionWorkers {
  private readonly workers: ConversionWorker[] = [];
  /** Blocks handed to a worker so far. */
  blocksGiven = 0;

  constructor(
    private readonly start: WorkerStart,
    private readonly size: number,
  ) {}

  /** A worker with room for another block (started if needed), or none: then the caller converts it. */
  take(): { run: (block: Block) => Promise<BlockResult> } | undefined {
    for (let i = this.workers.length - 1; i >= 0; i--) if (this.workers[i]!.ended) this.workers.splice(i, 1);
    let worker = this.workers.find((w) => w.queued < QUEUE_PER_WORKER);
    if (!worker && this.workers.length < this.size) this.workers.push((worker = new ConversionWorker(this.start, () => undefined)));
    if (!worker) return undefined;
    this.blocksGiven++;
    return worker;
  }

  /** Starts every worker and waits until each has compiled the mapping (an empty block is its answer). */
  async warm(): Promise<void> {
    while (this.workers.filter((w) => !w.ended).length < this.size) this.workers.push(new ConversionWorker(this.start, () => undefined));
    await Promise.all(this.workers.map((w) => w.run({ bytes: new Uint8Array(0), firstLine: 1, locators: false })));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}

const pools = new WeakMap<FhirMapping, ConversionWorkers>();

/** The workers for a dictionary's mapping (compileMapping must have run for it in this thread). */
export function conversionWorkers(dictionary: FhirDictionary, size: number): ConversionWorkers {
  const { fields, fhir } = dictionaryOf(dictionary);
  let pool = pools.get(fhir!);
  if (!pool) {
    pool = new ConversionWorkers({ dictionary: { fields, fhir }, definitions: [...indexedR4ResourceDefinitions()] }, size);
    pools.set(fhir!, pool);
  }
  return pool;
}

/** Ends every worker started (tests, and a server's shutdown). */
export async function endConversionWorkers(dictionary: FhirDictionary): Promise<void> {
  await pools.get(dictionaryOf(dictionary).fhir!)?.terminate();
}
