/**
 * Checking a delivery file in the browser with the server's own validation engine: the resolved
 * dictionary comes from the public `/api/dictionaries/…json`, the file is read from disk in slices.
 * Nothing of the file is sent anywhere.
 */
import {
  checkDeliveryFileName,
  compileDictionary,
  validateDelivery,
  type ByteSource,
  type CompiledDictionary,
  type Finding,
  type PeriodOption,
  type ResolvedDictionary,
  type ValidationResult,
} from '@datahub/validation';

export interface LoadedDictionary {
  resolved: ResolvedDictionary;
  compiled: CompiledDictionary;
}

/** Compiled once per dictionary id for the session; a failed load is forgotten so it can be retried. */
const dictionaries = new Map<string, Promise<LoadedDictionary>>();

export class DictionaryLoadError extends Error {}

export function loadDictionary(id: string): Promise<LoadedDictionary> {
  let loading = dictionaries.get(id);
  if (!loading) {
    loading = fetchDictionary(id);
    dictionaries.set(id, loading);
    loading.catch(() => dictionaries.delete(id));
  }
  return loading;
}

async function fetchDictionary(id: string): Promise<LoadedDictionary> {
  const path = id.split('/').map(encodeURIComponent).join('/');
  const response = await fetch(`/api/dictionaries/${path}.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new DictionaryLoadError(`${id}: HTTP ${response.status}`);
  // The server's own resolved dictionary (dictionary.route.ts): the engine's input type as JSON.
  const resolved = (await response.json()) as ResolvedDictionary;
  return { resolved, compiled: compileDictionary(resolved) };
}

/** The period codes the registries use (docs/domain.md#periods), as the server's Period.parse takes them. */
export const PERIOD_PATTERN = /^(TOTAAL|(19|2[0-9])[0-9]{2}(M(0[1-9]|1[0-2])|K[1-4]|H[12])?)$/;

const iso = (year: number, month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A period code as the engine wants it (first and last day); null for an invalid code. */
export function periodOption(code: string): PeriodOption | null {
  const match = PERIOD_PATTERN.exec(code);
  if (!match) return null;
  if (code === 'TOTAAL') return { code, start: null, end: null };
  const year = Number(code.slice(0, 4));
  const rest = code.slice(4);
  let first = 1;
  let last = 12;
  if (rest.startsWith('M')) first = last = Number(rest.slice(1));
  else if (rest.startsWith('K')) [first, last] = [Number(rest.slice(1)) * 3 - 2, Number(rest.slice(1)) * 3];
  else if (rest.startsWith('H')) [first, last] = [Number(rest.slice(1)) * 6 - 5, Number(rest.slice(1)) * 6];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { code, start: iso(year, first, 1), end: iso(year, last, lastDay) };
}

/** Today in Europe/Amsterdam: the delivery date processing would use (CAT 1.4 OperatieDatum). */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export interface CheckProgress {
  /** 1 for the reading pass, 2 when duplicate keys send the engine back for their first occurrences. */
  pass: number;
  bytesRead: number;
  size: number;
}

const SLICE_SIZE = 1024 * 1024;
/** Longest stretch the engine may hold the main thread before the page gets a turn. */
const YIELD_AFTER_MS = 40;

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The file as the engine's re-openable byte source: 1 MB slices read one at a time (a 50 MB file
 * is never one buffer), with progress, cancellation and a pause for the page every few dozen ms.
 */
export function fileSource(file: Blob, onProgress: (progress: CheckProgress) => void, signal: AbortSignal): ByteSource {
  let pass = 0;
  return () => {
    pass++;
    const thisPass = pass;
    return (async function* slices(): AsyncGenerator<Uint8Array> {
      let lastYield = performance.now();
      for (let offset = 0; offset < file.size; offset += SLICE_SIZE) {
        signal.throwIfAborted();
        const bytes = new Uint8Array(await file.slice(offset, offset + SLICE_SIZE).arrayBuffer());
        onProgress({ pass: thisPass, bytesRead: Math.min(offset + SLICE_SIZE, file.size), size: file.size });
        yield bytes;
        if (performance.now() - lastYield > YIELD_AFTER_MS) {
          await yieldToPage();
          lastYield = performance.now();
        }
      }
    })();
  };
}

export interface CheckRequest {
  file: File;
  dictionaryId: string;
  period: PeriodOption | null;
  /** Registry/version pairs the hub knows, for the file name check. */
  knownVersions: ReadonlyArray<{ registry: string; version: string }>;
  onProgress: (progress: CheckProgress) => void;
  signal: AbortSignal;
}

export interface CheckOutcome extends ValidationResult {
  dictionary: ResolvedDictionary;
  milliseconds: number;
}

/**
 * Runs the check as `pnpm cli validate FILE --dictionary … --period …` does: the file name's own
 * findings (B08 for a name off the convention; B07 dropped, as the dictionary is given), the
 * delivery date today, findings in record order.
 */
export async function checkFile(request: CheckRequest): Promise<CheckOutcome> {
  const { resolved, compiled } = await loadDictionary(request.dictionaryId);
  const started = performance.now();
  const nameCheck = checkDeliveryFileName(request.file.name, { knownVersions: request.knownVersions });
  const fileFindings: Finding[] = nameCheck.findings.filter((finding) => finding.code !== 'B07');
  const result = await validateDelivery(fileSource(request.file, request.onProgress, request.signal), compiled, {
    fileName: request.file.name,
    period: request.period,
    deliveryDate: todayInAmsterdam(),
    fileFindings,
  });
  return { ...result, dictionary: resolved, milliseconds: performance.now() - started };
}
