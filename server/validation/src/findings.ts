/**
 * Findings (report lines before rendering), their totals and the file's outcome status.
 * docs/registries/README.md#outcome-of-a-file: "A file with any BF line is Afgekeurd … A file whose records are all rejected
 * (F/TF) is also Afgekeurd. A file with some F/TF lines or any W/BW/TW line is Verwerkt met fouten.
 * A file with no lines at all is Verwerkt."
 */
import { MESSAGE_CLASSES, type MessageClass } from './dictionary-types';

export type ParamValue = string | number;

/**
 * One report line as data. Identifying values never get here: the engine masks them before it
 * builds a finding (see record-validator.ts), so a finding can be logged, stored and rendered.
 */
export interface Finding {
  /** Data record number counted from 1 (the header is not a record); null for a file-level finding. */
  recordNumber: number | null;
  code: string;
  class: MessageClass;
  /** The field the finding is about, when there is one. */
  field: string | null;
  /** Template parameters; keys are the engine's own names, never taken from the file. */
  params: Readonly<Record<string, ParamValue>>;
  /** The dictionary's report key columns with this record's values; null for file-level findings. */
  keyValues: Readonly<Record<string, string>> | null;
}

export type OutcomeStatus = 'PROCESSED' | 'PROCESSED_WITH_ERRORS' | 'REJECTED';

export interface ValidationTotals {
  /** Data records read (up to the point a file-level error stopped reading). */
  records: number;
  /** Records that can be ingested; 0 when the file is rejected as a whole. */
  accepted: number;
  /** Records with an F or TF line, or all records when the file is rejected as a whole. */
  rejected: number;
  byCode: Record<string, number>;
  byClass: Record<MessageClass, number>;
}

export type FindingListener = (finding: Finding) => void;

const RECORD_REJECTING: ReadonlySet<MessageClass> = new Set(['F', 'TF']);

/**
 * Counts findings as they pass. Remembers which records are rejected in a bit set (one bit per
 * record) because 005 reaches the first occurrence of a key only after the whole file was read.
 */
export class FindingTally {
  private readonly codes = new Map<string, number>();
  private readonly classes = new Map<MessageClass, number>();
  private rejectedBits = new Uint8Array(1024);
  private rejectedCount = 0;
  records = 0;

  add(finding: Finding): void {
    this.codes.set(finding.code, (this.codes.get(finding.code) ?? 0) + 1);
    this.classes.set(finding.class, (this.classes.get(finding.class) ?? 0) + 1);
    if (finding.recordNumber !== null && RECORD_REJECTING.has(finding.class)) this.markRejected(finding.recordNumber);
  }

  isRejected(recordNumber: number): boolean {
    const byte = recordNumber >>> 3;
    return byte < this.rejectedBits.length && (this.rejectedBits[byte]! & (1 << (recordNumber & 7))) !== 0;
  }

  private markRejected(recordNumber: number): void {
    const byte = recordNumber >>> 3;
    if (byte >= this.rejectedBits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.rejectedBits.length * 2));
      grown.set(this.rejectedBits);
      this.rejectedBits = grown;
    }
    const bit = 1 << (recordNumber & 7);
    if ((this.rejectedBits[byte]! & bit) === 0) {
      this.rejectedBits[byte]! |= bit;
      this.rejectedCount++;
    }
  }

  count(messageClass: MessageClass): number {
    return this.classes.get(messageClass) ?? 0;
  }

  status(): OutcomeStatus {
    if (this.count('BF') > 0) return 'REJECTED';
    if (this.records > 0 && this.rejectedCount === this.records) return 'REJECTED';
    return this.codes.size > 0 ? 'PROCESSED_WITH_ERRORS' : 'PROCESSED';
  }

  totals(): ValidationTotals {
    const wholeFileRejected = this.count('BF') > 0;
    const byClass = Object.fromEntries(MESSAGE_CLASSES.map((c) => [c, this.count(c)])) as Record<MessageClass, number>;
    const byCode: Record<string, number> = {};
    for (const [code, n] of [...this.codes].sort(([a], [b]) => a.localeCompare(b))) byCode[code] = n;
    return {
      records: this.records,
      accepted: wholeFileRejected ? 0 : this.records - this.rejectedCount,
      rejected: wholeFileRejected ? this.records : this.rejectedCount,
      byCode,
      byClass,
    };
  }
}
