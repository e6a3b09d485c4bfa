/**
 * `pnpm cli validate FILE [--dictionary CAT/Cataract/1.4] [--period 2026K1] [--format table|json|csv] [--lang nl|en]`:
 * the production engine and messages without server or database, for a hospital's own pipeline.
 * Exit code 0: would be processed without errors; 1: processed with errors; 2: rejected.
 * The report is streamed to stdout as findings are made (the engine's ReportWriter), so memory does not
 * grow with their number.
 * A call that cannot be run at all (bad arguments, unreadable file) exits with 64 / 66 (sysexits).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { checkDeliveryFileName, type Finding, FindingTally, type Language, type PeriodOption, validateDelivery } from '@datahub/validation';
import { fileRanges, fileSource, nodeUtf8Validator, ReportWriter, type ReportFormat } from '@datahub/validation/node';
import { DEFAULT_DICTIONARIES_DIR, type DictionaryRef, findDictionary, listDictionaries, loadOneDictionary } from '../dictionaries/dictionary-files';
import { todayInAmsterdam } from '../common/calendar';
import { CliUsageError, parseCommandArgs } from '../common/cli-args';
import { Period } from '../common/period';

export const EXIT_USAGE = 64;
export const EXIT_NO_INPUT = 66;
const EXIT_BY_STATUS = { PROCESSED: 0, PROCESSED_WITH_ERRORS: 1, REJECTED: 2 } as const;

const USAGE = 'Usage: validate FILE [--dictionary REGISTRY/SubDelivery/version] [--period 2026K1] [--format table|json|csv] [--lang nl|en]\n';

export interface ValidateCommandOptions {
  dictionariesDir?: string;
  /** The delivery date to check against (CAT 1.4 OperatieDatum); today in Amsterdam by default. */
  today?: string;
}

interface ValidateArguments {
  file: string;
  dictionary?: string;
  period?: string;
  format: ReportFormat;
  language: Language;
}

function parseArguments(args: readonly string[]): ValidateArguments {
  const { values, positionals } = parseCommandArgs(args, {
    options: {
      dictionary: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string', default: 'table' },
      lang: { type: 'string', default: 'nl' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE');
  const { format, lang: language } = values;
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new CliUsageError('--format must be table, json or csv');
  if (language !== 'nl' && language !== 'en') throw new CliUsageError('--lang must be nl or en');
  return { file: positionals[0]!, dictionary: values.dictionary, period: values.period, format, language };
}

function periodOption(code: string | undefined): PeriodOption | null {
  if (code === undefined) return null;
  const period = Period.tryParse(code);
  if (!period) throw new CliUsageError(`--period ${code} is not a period (2026M03, 2026K1, 2026H1, 2026 or TOTAAL)`);
  return { code: period.code, start: period.startDate, end: period.endDate };
}

interface Target {
  dictionary: DictionaryRef | null;
  fileFindings: Finding[];
}

/** The dictionary from --dictionary, or from a conforming file name; plus the file name's own findings. */
function chooseDictionary(all: DictionaryRef[], fileName: string, wanted: string | undefined): Target {
  const knownVersions = all.map((d) => ({ registry: d.registry, version: d.version }));
  const check = checkDeliveryFileName(fileName, { knownVersions });
  if (wanted !== undefined) {
    const [registry, subDelivery, version] = wanted.split('/');
    const dictionary = registry && subDelivery && version ? findDictionary(all, { registry, subDelivery, version }) : undefined;
    if (!dictionary)
      throw new CliUsageError(`unknown dictionary ${wanted}; known: ${all.map((d) => `${d.registry}/${d.subDelivery}/${d.version}`).join(', ')}`);
    // B07 about the name's registry/version matters only when the name is what chose the dictionary.
    return { dictionary, fileFindings: check.findings.filter((f) => f.code !== 'B07') };
  }
  if (!check.fields) throw new CliUsageError(`${fileName} does not follow the file name convention; give --dictionary`);
  const dictionary = findDictionary(all, { registry: check.fields.registry, version: check.fields.version }) ?? null;
  return { dictionary, fileFindings: check.findings };
}

export async function runValidateCommand(args: string[], io: { stdout: Writable; stderr: Writable }, options: ValidateCommandOptions = {}): Promise<number> {
  let parsed: ValidateArguments;
  let period: PeriodOption | null;
  try {
    parsed = parseArguments(args);
    period = periodOption(parsed.period);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  let byteLength: number;
  try {
    byteLength = (await stat(parsed.file)).size;
  } catch {
    io.stderr.write(`cannot read ${parsed.file}\n`);
    return EXIT_NO_INPUT;
  }
  // Only the dictionary the file is checked against is read (and checked), not all of them.
  const dir = options.dictionariesDir ?? DEFAULT_DICTIONARIES_DIR;
  const all = await listDictionaries(dir);
  let target: Target;
  try {
    target = chooseDictionary(all, path.basename(parsed.file), parsed.dictionary);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (!target.dictionary) {
    // The name is conforming but names a registry/version the hub does not know: B07, rejected.
    // Common checks are the same in every dictionary, so any of them renders the B07 line.
    const report = new ReportWriter(io.stdout, parsed.format, (await loadOneDictionary(dir, all[0]!)).dictionary, parsed.language);
    const tally = new FindingTally();
    for (const finding of target.fileFindings) {
      tally.add(finding);
      report.finding(finding);
    }
    await report.end(tally.status(), tally.totals());
    return EXIT_BY_STATUS[tally.status()];
  }
  const chosen = await loadOneDictionary(dir, target.dictionary);
  const report = new ReportWriter(io.stdout, parsed.format, chosen.dictionary, parsed.language);
  const bytes = fileSource(parsed.file);
  const result = await validateDelivery(() => paced(bytes(), report), chosen.compiled, {
    fileName: path.basename(parsed.file),
    period,
    deliveryDate: options.today ?? todayInAmsterdam(),
    fileFindings: target.fileFindings,
    utf8Validator: nodeUtf8Validator,
    byteLength,
    // 005's first occurrences: only their records read again, not the whole file.
    openRanges: fileRanges(parsed.file),
    onFinding: (finding) => report.finding(finding),
  });
  await report.end(result.status, result.totals);
  return EXIT_BY_STATUS[result.status];
}

/** The file's chunks, each only once stdout has taken the report lines of the ones before. */
async function* paced(chunks: AsyncIterable<Uint8Array>, report: ReportWriter): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    await report.drained();
    yield chunk;
  }
}
