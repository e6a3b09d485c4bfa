import { createWriteStream } from 'node:fs';

/** Deterministic CAT 1.4 files for the benchmarks (pnpm bench): the same bytes on every run. */
export const FIELDS = ['OperatieID', 'OperatieDatum', 'PatientCode', 'Geboortejaar', 'Geslacht', 'ODS', 'VaCCPre', 'VaCCPO', 'Anesthesie', 'Complicatie', 'ComplicatieType'];
export const MB = 1024 * 1024;

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same file. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CAT 1.4 record; about 5% get one fault (a type, limit, reference table or cross-field error). */
export function catRecord(i: number, next: () => number, faulty: boolean): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const complication = next() < 0.1;
  const record = [
    `OP${String(i).padStart(12, '0')}`, `2026-0${1 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    `P${Math.floor(next() * 2 ** 52).toString(16).padStart(19, '0')}`, String(1925 + Math.floor(next() * 90)), pick(['M', 'V', 'O']), pick(['01', '02']),
    (Math.floor(next() * 61) * 0.05).toFixed(2), next() < 0.8 ? (Math.floor(next() * 61) * 0.05).toFixed(2) : '',
    pick(['', '1', '2', '3', '4', '5']), complication ? 'J' : 'N', complication ? pick(['01', '02', '99']) : '',
  ];
  if (faulty) {
    const [field, value] = pick([[3, '2030'], [4, 'X'], [6, '0.33'], [6, '200.00'], [1, '2026-02-30'], [10, complication ? '' : '01']] as const);
    record[field] = value;
  }
  return record;
}

export async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length > MB) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  out.end(batch);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

export function* catCsv(count: number, faultRate: number, duplicateLast = false): Iterable<string> {
  const next = random(42);
  yield `${FIELDS.join(',')}\n`;
  for (let i = 1; i <= count; i++) yield `${catRecord(duplicateLast && i === count ? 1 : i, next, next() < faultRate).join(',')}\n`;
}


/**
 * A CAT 1.4 file as a hospital's first delivery may look: `faultRate` of the records have one fault,
 * spread over the codes of the measurement (001_RefTab, 005, 002_Type, 010_Cond,
 * 015_X_Y_EQ, 003_Y_EQ, 000_Req, 030_Age, 020_Period against the period 2026K1), and one record in
 * fifty has a quoted PatientCode holding a comma (valid, but csv-parse takes its quoted path).
 */
export function* catFaultyCsv(count: number, faultRate: number): Iterable<string> {
  const next = random(7);
  yield `${FIELDS.join(',')}\n`;
  for (let i = 1; i <= count; i++) {
    const record = catRecord(i, next, false);
    if (next() < 0.02) record[2] = `"${record[2]!.slice(0, 9)},${record[2]!.slice(9, 18)}"`;
    if (next() < faultRate) {
      const fault = Math.floor(next() * 10);
      if (fault === 0) record[4] = 'X'; // 001_RefTab
      else if (fault === 1) record[6] = '0.33'; // 001_RefTab (not a VISUS value)
      else if (fault === 2 && i > 1000) record[0] = `OP${String(i - 1000).padStart(12, '0')}`; // 005 on both
      else if (fault === 3) record[1] = '2026-02-30'; // 002_Type
      else if (fault === 4) record[10] = record[9] === 'J' ? '' : '01'; // 010_Cond
      else if (fault === 5) record[6] = '200.00'; // 015_X_Y_EQ
      else if (fault === 6) record[3] = '2030'; // 003_Y_EQ
      else if (fault === 7) record[5] = ''; // 000_Req
      else if (fault === 8) record[3] = '1910'; // 030_Age
      else record[1] = `2026-0${4 + Math.floor(next() * 3)}-15`; // 020_Period
    }
    yield `${record.join(',')}\n`;
  }
}
