/**
 * Large NDJSON converted in blocks beside each other: the input is cut into blocks of about
 * `blockBytes`, each cut made just before a line that starts a patient (`{"resourceType":"Patient"`,
 * as FHIR serialisers write it), so every block holds whole patients. Blocks go to conversion
 * workers while they have room and are converted in this thread otherwise; their results are taken
 * in input order, and what crosses blocks is checked here: a Patient id given twice, the first
 * refusal in line order, the record numbers. Input that cannot be cut (no such line for many
 * blocks' worth of bytes) is converted line by line here from the last cut on, in bounded memory.
 */
import type { CompiledMapping, FhirDictionary } from './compiled-mapping';
import { conversionWorkers } from './conversion-workers';
import type { CsvOutput } from './csv-output';
import { FhirStructureError } from './issues';
import { type Block, type BlockResult, convertBlock, locatorAliases } from './ndjson-block';
import { feedLines, PATIENT_LINE_START, PatientGrouper, repeatedPatient } from './ndjson';

const LF = 0x0a;
const CUT_BEFORE = Buffer.concat([Buffer.from([LF]), PATIENT_LINE_START]);

export interface BlockOptions {
  /** Conversion workers beside this thread (0: every block here). */
  workers: number;
  /** The size a block grows to before it is cut at the next patient. */
  blockBytes: number;
  /** Whether records' locators are wanted (CsvOutput's onRecord). */
  locators: boolean;
}

function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) lines++;
  return lines;
}

/**
 * Collects input and cuts it into blocks before patient lines. The collected chunks are searched
 * once each (with the few bytes a cut may straddle) and copied once, into the block they end up in.
 */
class BlockCutter {
  private parts: Buffer[] = [];
  private size = 0;
  /** Up to where the collected bytes have been searched for a cut. */
  private searched = 0;
  /** The number of the next block's first line. */
  nextLine = 1;

  constructor(
    private readonly blockBytes: number,
    private readonly locators: boolean,
  ) {}

  push(chunk: Buffer): void {
    // Copied: a source may reuse its buffers.
    this.parts.push(Buffer.from(chunk));
    this.size += chunk.length;
  }

  /** Bytes collected without a cut. */
  get uncut(): number {
    return this.size;
  }

  /** The next block, once one is cut. */
  take(): Block | undefined {
    if (this.size < this.blockBytes) return undefined;
    const at = this.find(Math.max(this.searched, this.blockBytes - 1));
    if (at < 0) {
      this.searched = Math.max(this.searched, this.size - CUT_BEFORE.length + 1);
      return undefined;
    }
    return this.cut(at + 1);
  }

  /** What is left at the end: the last block. */
  rest(): Block {
    return this.cut(this.size);
  }

  /** The bytes collected so far, taken as they are (to go on line by line). */
  takeBytes(): Buffer {
    const all = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.searched = 0;
    return all;
  }

  /** Where the first CUT_BEFORE at or after `from` begins in the collected bytes, or -1. */
  private find(from: number): number {
    const straddle = CUT_BEFORE.length - 1;
    let offset = 0;
    for (const part of this.parts) {
      const end = offset + part.length;
      if (end > from) {
        // A cut that begins in the parts before and ends in this one.
        if (offset > from) {
          const start = Math.max(from, offset - straddle);
          const across = Buffer.concat([this.copy(start, offset), part.subarray(0, straddle)]);
          const found = across.indexOf(CUT_BEFORE);
          if (found >= 0 && start + found < offset) return start + found;
        }
        const found = part.indexOf(CUT_BEFORE, Math.max(0, from - offset));
        if (found >= 0) return offset + found;
      }
      offset = end;
    }
    return -1;
  }

  /** The collected bytes from `start` to `end`, in memory of their own. */
  private copy(start: number, end: number): Uint8Array {
    const bytes = new Uint8Array(end - start);
    let offset = 0;
    for (const part of this.parts) {
      const partEnd = offset + part.length;
      if (partEnd > start && offset < end) {
        const from = Math.max(start, offset);
        bytes.set(part.subarray(from - offset, Math.min(end, partEnd) - offset), from - start);
      }
      if (partEnd >= end) break;
      offset = partEnd;
    }
    return bytes;
  }

  private cut(end: number): Block {
    // Its own memory: a worker takes it over.
    const bytes = this.copy(0, end);
    const block: Block = { bytes, firstLine: this.nextLine, locators: this.locators };
    this.nextLine += countLines(bytes);
    const rest: Buffer[] = [];
    let offset = 0;
    for (const part of this.parts) {
      const partEnd = offset + part.length;
      if (partEnd > end) rest.push(offset >= end ? part : part.subarray(end - offset));
      offset = partEnd;
    }
    this.parts = rest;
    this.size -= end;
    this.searched = 0;
    return block;
  }
}

/** A result in the making: taken when settled, or waited for. */
interface Pending {
  result: Promise<BlockResult>;
  settled: boolean;
}

function pending(result: Promise<BlockResult> | BlockResult): Pending {
  const entry: Pending = { result: Promise.resolve(result), settled: !(result instanceof Promise) };
  if (result instanceof Promise) {
    result.then(
      () => (entry.settled = true),
      () => (entry.settled = true),
    );
  }
  return entry;
}

/** The bytes collected, then the rest of the source. */
async function* restOf(head: Buffer, source: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string> {
  if (head.length > 0) yield head;
  for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
}

/** Yields CSV text from `output` as blocks complete, in pieces of CsvOutput.full (the last piece is left in it); discarded paths go into `discarded`. */
export async function* ndjsonBlocks(
  input: AsyncIterable<Buffer | string>,
  dictionary: FhirDictionary,
  compiled: CompiledMapping,
  discarded: Set<string>,
  output: CsvOutput,
  options: BlockOptions,
): AsyncGenerator<string> {
  const aliases = locatorAliases(compiled);
  const seenPatients = new Map<string, number>();
  const workers = options.workers > 0 ? conversionWorkers(dictionary, options.workers) : undefined;
  const queue: Pending[] = [];
  const cutter = new BlockCutter(options.blockBytes, options.locators);
  // Blocks' worth of bytes without a patient to cut before: the rest is converted line by line.
  const uncuttable = options.blockBytes * 64;

  const dispatch = (block: Block): void => {
    const worker = block.bytes.length >= options.blockBytes ? workers?.take() : undefined;
    queue.push(pending(worker ? worker.run(block) : convertBlock(block, compiled)));
  };
  const apply = (result: BlockResult): void => {
    for (const path of result.discarded) discarded.add(path);
    for (const [id, line] of result.patients) {
      if (result.refusal && line >= result.refusal.line) break;
      const earlier = seenPatients.get(id);
      if (earlier !== undefined) throw repeatedPatient(id, line, earlier);
      seenPatients.set(id, line);
    }
    if (result.refusal) throw new FhirStructureError(result.refusal.issues);
    output.block(result.csv, result.records, result.lines, aliases);
  };
  async function* drain(all: boolean): AsyncGenerator<string> {
    while (queue.length > 0 && (all || queue[0]!.settled)) {
      apply(await queue.shift()!.result);
      if (output.full) yield output.take();
    }
  }

  const source = input[Symbol.asyncIterator]();
  let ended = false;
  try {
    let lineByLine = false;
    for (let next = await source.next(); !(ended = next.done === true); next = await source.next()) {
      const chunk = next.value;
      cutter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      for (let block = cutter.take(); block; block = cutter.take()) dispatch(block);
      yield* drain(false);
      if (cutter.uncut > uncuttable) {
        lineByLine = true;
        break;
      }
    }
    yield* drain(true);
    if (!lineByLine) {
      dispatch(cutter.rest());
      yield* drain(true);
      return;
    }
    const grouper = new PatientGrouper(compiled, discarded, (pool) => output.pool(pool), { firstLine: cutter.nextLine, seenPatients });
    for await (const _ of feedLines(restOf(cutter.takeBytes(), source), grouper)) if (output.full) yield output.take();
    ended = true;
  } finally {
    // A refusal ends the conversion: results still coming are of no use (and must not go unhandled),
    // and the input is closed, as a for await loop left early closes it.
    for (const entry of queue) entry.result.catch(() => undefined);
    if (!ended) await source.return?.();
  }
}
