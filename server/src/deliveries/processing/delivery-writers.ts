import { Transform } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import type { Finding } from '@datahub/validation';
import { connectionOf, CopyWriter } from './copy-writer';
import type { StagedRecord } from './record-payload';
import { createStaging, STAGED, STAGED_COLUMNS } from './record-staging';

/** Report lines gathered while the records' COPY is open are sent once they reach this size (bounded memory). */
const LINES_PENDING_LIMIT = 4 << 20;

const LINE_COLUMNS = ['delivery_id', 'ordinal', 'record_number', 'code', 'class', 'field', 'params', 'key_values'];

/**
 * What processing a file writes, both by COPY on the transaction's one connection: the records,
 * staged for the merge (production deliveries only), and the report lines. The records' COPY
 * stays open while the file is read; the lines wait in memory and are sent between two chunks of
 * the file whenever they pass 4 MiB (the records' COPY is closed for that moment and reopened), so
 * a file full of errors does not fill the memory either.
 *
 * A record is staged with its outcome: the engine hands over a record before checking it, so each
 * record waits until the next one arrives (or the file ends), by when its own findings are known.
 * Only rejections found later (005's first occurrences, on a second pass) need an UPDATE.
 */
export class DeliveryWriters {
  /** Records with a finding of class F or TF. */
  private readonly rejected = new Set<number>();
  private waiting: { recordNumber: number; record: StagedRecord } | null = null;
  private stagedThrough = 0;
  /** Records rejected after they were staged as accepted. */
  readonly lateRejections: number[] = [];

  private constructor(
    private readonly deliveryId: string,
    private readonly records: CopyWriter | null,
    private readonly lines: CopyWriter,
    private readonly linesPendingLimit: number,
  ) {}

  static async open(trx: Knex.Transaction, deliveryId: string, stageRecords: boolean, linesPendingLimit = LINES_PENDING_LIMIT): Promise<DeliveryWriters> {
    if (stageRecords) await createStaging(trx);
    const connection = await connectionOf(trx);
    const records = stageRecords ? new CopyWriter(connection, STAGED, STAGED_COLUMNS) : null;
    records?.attach();
    return new DeliveryWriters(deliveryId, records, new CopyWriter(connection, 'report_line', LINE_COLUMNS), linesPendingLimit);
  }

  /** Records with a finding of class F or TF so far. */
  get rejectedCount(): number {
    return this.rejected.size;
  }

  /** Bytes of report lines gathered and not sent yet. */
  get pendingLineText(): number {
    return this.lines.pending;
  }

  /** Lines written so far: the next line's ordinal. */
  get lineCount(): number {
    return this.lines.count;
  }

  /** A finding becomes a report line, which stores codes and parameters, never rendered text. */
  addFinding(finding: Finding): void {
    const record = finding.recordNumber;
    if (record !== null && (finding.class === 'F' || finding.class === 'TF') && !this.rejected.has(record)) {
      this.rejected.add(record);
      if (record <= this.stagedThrough) this.lateRejections.push(record);
    }
    const keyValues = finding.keyValues ? JSON.stringify(finding.keyValues) : null;
    this.lines.add([
      this.deliveryId,
      this.lines.count,
      finding.recordNumber,
      finding.code,
      finding.class,
      finding.field,
      JSON.stringify(finding.params),
      keyValues,
    ]);
  }

  addRecord(recordNumber: number, record: StagedRecord): void {
    this.stageWaiting();
    this.waiting = { recordNumber, record };
  }

  private stageWaiting(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    this.stagedThrough = waiting.recordNumber;
    const { recordKey, patientRef, payloadJson } = waiting.record;
    this.records?.add([waiting.recordNumber, recordKey, patientRef, payloadJson, this.rejected.has(waiting.recordNumber)]);
  }

  /** Sits in the file's first pass: each chunk goes on once the database has caught up with the previous ones. */
  pacer(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.catchUp().then(
          () => callback(null, chunk),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
  }

  private async catchUp(): Promise<void> {
    await this.records?.ready();
    if (this.lines.pending < this.linesPendingLimit) return;
    await this.records?.detach();
    await this.lines.writeOut();
    this.records?.attach();
  }

  /** Sends everything left; the records and lines are in their tables when it resolves. */
  async finish(): Promise<void> {
    this.stageWaiting();
    await this.records?.detach();
    await this.lines.writeOut();
  }

  /** Ends whatever COPY is open with a failure, so the transaction can roll back. */
  async abort(reason: Error): Promise<void> {
    await this.records?.abort(reason);
    await this.lines.abort(reason);
  }
}
