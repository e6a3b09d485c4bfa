/**
 * NDJSON (FHIR Bulk Data) grouped by patient: a Patient line, then that patient's resources, then the
 * next Patient. Lines are split on the bytes (no readline, no stream per line) and each line is
 * checked to be UTF-8 on its own, so a refusal names the exact line. Each patient's pool is handed
 * on as soon as the next Patient line (or the end) shows it complete, so its resources die young.
 */
import { isUtf8 } from 'node:buffer';
import type { CompiledMapping } from './compiled-mapping';
import { FhirStructureError, structureIssue } from './issues';
import { isObject, type JsonObject, splitResource } from './prune';
import { ResourcePool } from './resource-pool';
import { jsonProblem, resourceIssues } from './structure';

const LF = 0x0a;
const CR = 0x0d;

/** The Patient references of a resource (`subject`, `patient`): which patient it belongs to. */
function patientReferences(resource: JsonObject): string[] {
  const references: string[] = [];
  for (const key of ['subject', 'patient']) {
    const value = resource[key];
    if (isObject(value) && typeof value['reference'] === 'string' && /(^|\/)Patient\/[^/]+$/.test(value['reference'])) references.push(value['reference']);
  }
  return references;
}

/**
 * How a line that starts a patient begins as every FHIR serialiser writes it (resourceType first):
 * where input may be cut into blocks converted apart (ndjson-blocks.ts). A line that begins so but
 * turns out another type (resourceType given twice) is refused, so such a cut is always right.
 */
export const PATIENT_LINE_START = Buffer.from('{"resourceType":"Patient"');

/** A Patient line whose id an earlier Patient line gave. */
export function repeatedPatient(id: string, line: number, earlier: number): FhirStructureError {
  return new FhirStructureError([
    structureIssue(
      `Patient (line ${line})`,
      `Patient ${id} was already given on line ${earlier}: a patient's resources must follow their Patient line together`,
      'invalid',
    ),
  ]);
}

function startsLikePatient(content: Buffer): boolean {
  return content.length >= PATIENT_LINE_START.length && PATIENT_LINE_START.equals(content.subarray(0, PATIENT_LINE_START.length));
}

/** One patient's resources at a time, in the order of the lines. */
export class PatientGrouper {
  private pool: ResourcePool | undefined;
  private patient: { id: string; line: number } | undefined;
  private lineNumber: number;
  private readonly seenPatients: Map<string, number>;
  /** Each Patient line's id and line number, in order, when asked for (a block's, for the checks across blocks). */
  readonly patients: Array<[string, number]> | undefined;

  /**
   * `onPatient` gets each patient's pool once its lines have all come. `firstLine` is the number of
   * the first line given (a block's place in the input); `seenPatients` the Patient lines before it.
   */
  constructor(
    private readonly compiled: CompiledMapping,
    private readonly discarded: Set<string>,
    private readonly onPatient: (pool: ResourcePool) => void,
    options: { firstLine?: number; seenPatients?: Map<string, number>; listPatients?: boolean } = {},
  ) {
    this.lineNumber = (options.firstLine ?? 1) - 1;
    this.seenPatients = options.seenPatients ?? new Map();
    if (options.listPatients) this.patients = [];
  }

  /** The number of the last line given. */
  get lastLine(): number {
    return this.lineNumber;
  }

  line(bytes: Buffer): void {
    this.lineNumber++;
    const at = `line ${this.lineNumber}`;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CR) end--;
    let start = 0;
    if (this.lineNumber === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    const content = bytes.subarray(start, end);
    if (!isUtf8(content)) throw new FhirStructureError([structureIssue(at, 'the line is not valid UTF-8')]);
    const line = content.toString('utf8');
    if (line.trim() === '') return;
    let resource: unknown;
    try {
      resource = JSON.parse(line);
    } catch (error) {
      throw new FhirStructureError([structureIssue(at, `the line is ${jsonProblem(error)}`)]);
    }
    if (!isObject(resource) || typeof resource['resourceType'] !== 'string')
      throw new FhirStructureError([structureIssue(at, 'each line must be one resource with a resourceType', 'required')]);
    const type = resource['resourceType'];
    const place = `${type} (${at})`;
    if (type !== 'Patient' && startsLikePatient(content))
      throw new FhirStructureError([structureIssue(at, 'the line gives resourceType more than once', 'invalid')]);
    if (type === 'Patient') this.startPatient(resource, place);
    else this.checkPatient(resource, place);
    const split = splitResource(resource, type, this.compiled, this.discarded);
    if (!split) return;
    const problems = resourceIssues(this.compiled.validators.get(type)!, split.validated, split.unknown, place);
    if (problems.length > 0) throw new FhirStructureError(problems);
    this.pool!.add({ type, resource: split.kept, locator: at });
  }

  private startPatient(resource: JsonObject, place: string): void {
    const id = resource['id'];
    if (typeof id !== 'string')
      throw new FhirStructureError([structureIssue(`${place}.id`, "a Patient line needs the id its patient's resources refer to", 'required')]);
    const earlier = this.seenPatients.get(id);
    if (earlier !== undefined) throw repeatedPatient(id, this.lineNumber, earlier);
    this.seenPatients.set(id, this.lineNumber);
    this.patients?.push([id, this.lineNumber]);
    if (this.pool) this.onPatient(this.pool);
    this.pool = new ResourcePool();
    this.patient = { id, line: this.lineNumber };
  }

  private checkPatient(resource: JsonObject, place: string): void {
    if (!this.pool || !this.patient)
      throw new FhirStructureError([
        structureIssue(place, "a resource before any Patient line: each patient's resources follow their Patient line", 'invalid'),
      ]);
    const own = `Patient/${this.patient.id}`;
    const other = patientReferences(resource).find((r) => r !== own && !r.endsWith(`/${own}`));
    if (other !== undefined)
      throw new FhirStructureError([
        structureIssue(
          place,
          `refers to another patient than the Patient on line ${this.patient.line}: each patient's resources follow their Patient line`,
          'invalid',
        ),
      ]);
  }

  end(): void {
    if (this.pool) this.onPatient(this.pool);
    this.pool = undefined;
  }
}

/**
 * Gives the grouper the lines of `input`, split on the bytes; yields after each chunk of input (the
 * caller hands on what the completed patients made), and ends the grouper at the end.
 */
export async function* feedLines(input: AsyncIterable<Buffer | string>, grouper: PatientGrouper): AsyncGenerator<void> {
  // The start of a line whose LF has not come yet (copied: a source may reuse its buffers).
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let end = buffer.indexOf(LF); end >= 0; end = buffer.indexOf(LF, start)) {
      if (pending.length > 0) {
        pending.push(buffer.subarray(start, end));
        grouper.line(Buffer.concat(pending));
        pending = [];
      } else {
        grouper.line(buffer.subarray(start, end));
      }
      start = end + 1;
    }
    if (start < buffer.length) pending.push(Buffer.from(buffer.subarray(start)));
    yield;
  }
  if (pending.length > 0) grouper.line(Buffer.concat(pending));
  grouper.end();
}

/** The lines of one whole block of input (every line LF-terminated but perhaps the last), then the end. */
export function feedBlock(block: Buffer, grouper: PatientGrouper): void {
  let start = 0;
  for (let end = block.indexOf(LF); end >= 0; end = block.indexOf(LF, start)) {
    grouper.line(block.subarray(start, end));
    start = end + 1;
  }
  if (start < block.length) grouper.line(block.subarray(start));
  grouper.end();
}
