/**
 * NDJSON (FHIR Bulk Data) grouped by patient: a Patient line, then that patient's resources, then the
 * next Patient. Lines are split on the bytes (no readline, no stream per line) and each line is
 * checked to be UTF-8 on its own, so a refusal names the exact line. The pools of the patients a
 * chunk of input completes are handed on together: one await per chunk, not per resource.
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

/** One patient's resources at a time, in the order of the lines. */
class PatientGrouper {
  private readonly seenPatients = new Map<string, number>();
  private pool: ResourcePool | undefined;
  private patient: { id: string; line: number } | undefined;
  private lineNumber = 0;
  /** Pools of patients whose lines have all come. */
  finished: ResourcePool[] = [];

  constructor(
    private readonly compiled: CompiledMapping,
    private readonly discarded: Set<string>,
  ) {}

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
    if (earlier !== undefined)
      throw new FhirStructureError([
        structureIssue(place, `Patient ${id} was already given on line ${earlier}: a patient's resources must follow their Patient line together`, 'invalid'),
      ]);
    this.seenPatients.set(id, this.lineNumber);
    if (this.pool) this.finished.push(this.pool);
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
    if (this.pool) this.finished.push(this.pool);
    this.pool = undefined;
  }
}

/** Per chunk of input, the pools of the patients it completed (the last patient's at the end). */
export async function* ndjsonPools(input: AsyncIterable<Buffer | string>, compiled: CompiledMapping, discarded: Set<string>): AsyncGenerator<ResourcePool[]> {
  const grouper = new PatientGrouper(compiled, discarded);
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
    if (grouper.finished.length > 0) {
      yield grouper.finished;
      grouper.finished = [];
    }
  }
  if (pending.length > 0) grouper.line(Buffer.concat(pending));
  grouper.end();
  if (grouper.finished.length > 0) yield grouper.finished;
}
