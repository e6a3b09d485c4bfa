/**
 * Checks one record (a `string[]` in dictionary field order) against a compiled dictionary, in the
 * order of docs/registries/README.md#order-of-checks: per field required → type/format → limits and reference table; then
 * the cross-field checks whose fields all passed. The first failure of required or type stops that
 * field's checks (field-checks.ts).
 */
import type { CompiledDictionary } from './compile-dictionary';
import { checkField, type FieldReporter } from './field-checks';
import type { Finding, ParamValue } from './findings';
import type { PeriodOption } from './record-rules';

export interface RecordRunOptions {
  deliveryDate: string | null;
  period: PeriodOption | null;
}

const NO_PARAMS: Readonly<Record<string, ParamValue>> = Object.freeze({});

/** Report key values of a record, masked like any value in a finding. */
export function reportKeyValues(compiled: CompiledDictionary, cells: readonly string[]): Record<string, string> {
  const { fields, reportKeyFields } = compiled;
  const keyValues: Record<string, string> = {};
  for (const at of reportKeyFields) keyValues[fields[at]!.name] = fields[at]!.shown(cells[at]!);
  return keyValues;
}

export class RecordValidator {
  /** 1 when the field passed its own checks (an allowed empty value passes), 0 when it failed. */
  private readonly passed: Uint8Array;
  private readonly reportField: FieldReporter;
  private cells: readonly string[] = [];
  private recordNumber = 0;
  private currentField = 0;
  private keyValuesOfRecord: Record<string, string> | null = null;

  constructor(
    private readonly compiled: CompiledDictionary,
    private readonly run: RecordRunOptions,
    private readonly emit: (finding: Finding) => void,
  ) {
    this.passed = new Uint8Array(compiled.fields.length);
    this.reportField = (code, params) => this.report(code, this.currentField, params);
  }

  /** Checks a record; its findings go to `emit`. Returns whether every key field passed (005 takes part). */
  validate(cells: readonly string[], recordNumber: number): boolean {
    this.cells = cells;
    this.recordNumber = recordNumber;
    this.keyValuesOfRecord = null;
    const { fields, crossChecks } = this.compiled;
    for (let i = 0; i < fields.length; i++) {
      const value = cells[i]!;
      const field = fields[i]!;
      this.currentField = i;
      if (value === '') {
        if (field.required) this.report('000_Req', i, NO_PARAMS);
        this.passed[i] = field.required ? 0 : 1;
      } else {
        this.passed[i] = checkField(field.plan, value, this.reportField, this.run) ? 1 : 0;
      }
    }
    for (let c = 0; c < crossChecks.length; c++) {
      const check = crossChecks[c]!;
      if (!this.allPassed(check.reads)) continue;
      const params = check.evaluate(cells, this.run);
      if (params !== null) this.report(check.code, check.field, params);
    }
    return this.allPassed(this.compiled.keyFields);
  }

  private allPassed(indexes: readonly number[]): boolean {
    for (let r = 0; r < indexes.length; r++) if (this.passed[indexes[r]!] === 0) return false;
    return true;
  }

  /** Report key values of a record, masked like any value in a finding. */
  keyValuesOf(cells: readonly string[]): Record<string, string> {
    return reportKeyValues(this.compiled, cells);
  }

  private report(code: string, field: number, params: Readonly<Record<string, ParamValue>>): void {
    this.keyValuesOfRecord ??= this.keyValuesOf(this.cells);
    this.emit({
      recordNumber: this.recordNumber,
      code,
      class: this.compiled.classOf(code),
      field: this.compiled.fields[field]!.name,
      params,
      keyValues: this.keyValuesOfRecord,
    });
  }
}
