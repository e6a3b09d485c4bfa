import { validateDelivery, type CompiledDictionary, type OutcomeStatus } from '@datahub/validation';
import { nodeUtf8Validator } from '@datahub/validation/node';
import { Period } from '../../common/period';
import type { PackageProblem } from './json-path';

export interface ExampleExpectation {
  status: OutcomeStatus;
  records: number;
  accepted: number;
  /** Report lines per code; codes not listed must not occur. */
  codes: Record<string, number>;
}

export interface PackageExamples {
  /** The period every example is checked for (020_Period). */
  period: string;
  /** The delivery date every example is checked with. */
  deliveryDate: string;
  files: Array<{ name: string; content: string; expected: ExampleExpectation }>;
}

/** How an outcome differs from the expected one, in words; empty when it does not. */
function differences(expected: ExampleExpectation, actual: ExampleExpectation): string[] {
  const found: string[] = [];
  for (const key of ['status', 'records', 'accepted'] as const) {
    if (expected[key] !== actual[key]) found.push(`${key} ${String(actual[key])} instead of ${String(expected[key])}`);
  }
  const codes = [...new Set([...Object.keys(expected.codes), ...Object.keys(actual.codes)])].sort();
  for (const code of codes) {
    const want = expected.codes[code] ?? 0;
    const got = actual.codes[code] ?? 0;
    if (want !== got) found.push(`${code} ${got}× instead of ${want}×`);
  }
  return found;
}

/** Runs every example through the engine (as processing would) and names each that gives another outcome than expected. */
export async function exampleProblems(compiled: CompiledDictionary, examples: PackageExamples): Promise<PackageProblem[]> {
  let period: Period;
  try {
    period = Period.parse(examples.period);
  } catch {
    return [{ path: '$.examples.period', message: `${examples.period} is not a period` }];
  }
  const problems: PackageProblem[] = [];
  for (const [i, example] of examples.files.entries()) {
    const bytes = Buffer.from(example.content, 'utf8');
    const result = await validateDelivery(
      async function* () {
        yield bytes;
      },
      compiled,
      { fileName: example.name, period: { code: period.code, start: period.startDate, end: period.endDate }, deliveryDate: examples.deliveryDate, utf8Validator: nodeUtf8Validator },
    );
    const actual = { status: result.status, records: result.totals.records, accepted: result.totals.accepted, codes: result.totals.byCode };
    const found = differences(example.expected, actual);
    if (found.length > 0) problems.push({ path: `$.examples.files[${i}]`, message: `example ${example.name} gives ${found.join(', ')}` });
  }
  return problems;
}
