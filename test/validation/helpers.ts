/** Shared set-up for the validation tests: the real dictionaries, in-memory byte sources, file builders. */
import { findDictionary, loadDictionaries, type LoadedDictionary } from '../../server/src/dictionaries/dictionary-files';
import { type ByteSource, validateDelivery, type ValidationOptions, type ValidationResult } from '../../server/validation/src/engine';
import type { Finding } from '../../server/validation/src/findings';
import { nodeUtf8Validator } from '../../server/validation/src/node-files';

let loaded: Promise<LoadedDictionary[]> | null = null;

export function dictionaries(): Promise<LoadedDictionary[]> {
  loaded ??= loadDictionaries();
  return loaded;
}

export async function dictionary(id: string): Promise<LoadedDictionary> {
  const [registry, subDelivery, version] = id.split('/') as [string, string, string];
  const found = findDictionary(await dictionaries(), { registry, subDelivery, version });
  if (!found) throw new Error(`no dictionary ${id}`);
  return found;
}

/** The bytes as a re-openable source, cut into chunks of `chunkSize` (small chunks test boundaries). */
export function bytes(content: string | Uint8Array, chunkSize = 65536): ByteSource {
  const all = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return async function* () {
    for (let at = 0; at < all.length; at += chunkSize) yield all.subarray(at, Math.min(all.length, at + chunkSize));
  };
}

export const PERIODS = {
  '2026K1': { code: '2026K1', start: '2026-01-01', end: '2026-03-31' },
  '2026H1': { code: '2026H1', start: '2026-01-01', end: '2026-06-30' },
};

export async function validate(id: string, content: string | Uint8Array, options: ValidationOptions & { chunkSize?: number } = {}): Promise<ValidationResult> {
  const d = await dictionary(id);
  return validateDelivery(bytes(content, options.chunkSize), d.compiled, { format: 'csv', utf8Validator: nodeUtf8Validator, ...options });
}

export function csvOf(fieldNames: readonly string[], rows: ReadonlyArray<Record<string, string>>): string {
  const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [fieldNames.join(','), ...rows.map((r) => fieldNames.map((f) => quote(r[f] ?? '')).join(','))].join('\n') + '\n';
}

export function xmlOf(d: LoadedDictionary, rows: ReadonlyArray<Record<string, string>>): string {
  const layout = d.dictionary.xml!;
  const escape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const records = rows.map((r) => {
    const fields = d.compiled.fieldNames.filter((f) => (r[f] ?? '') !== '').map((f) => `<${f}>${escape(r[f]!)}</${f}>`);
    return `  <${layout.recordElement}>${fields.join('')}</${layout.recordElement}>`;
  });
  const attributes = Object.entries(layout.rootAttributes ?? {})
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${layout.rootElement}${attributes}>\n${records.join('\n')}\n</${layout.rootElement}>\n`;
}

/** A record per dictionary that passes every check with the periods above and delivery date 2026-04-15. */
export const VALID_RECORDS: Record<string, Record<string, string>> = {
  'CAT/Cataract/1.4': {
    OperatieID: '11000523',
    OperatieDatum: '2026-02-03',
    PatientCode: '1100055508',
    Geboortejaar: '1948',
    Geslacht: 'V',
    ODS: '01',
    VaCCPre: '0.30',
    VaCCPO: '0.90',
    Anesthesie: '1',
    Complicatie: 'J',
    ComplicatieType: '01',
  },
  'MMY/IKNL/2.1': {
    PatientCode: 'P001',
    Geboortejaar: '1950',
    Geslacht: 'M',
    DiagnoseDatum: '2026-01-10',
    ISS: 'II',
    MProteine: 'IGA',
    StartBehandeling: '2026-01-20',
    Behandellijn1: 'VRD',
    Stamceltransplantatie: 'J',
    Overleden: 'J',
    DatumOverlijden: '2026-05-01',
  },
  'MMY/PROMS/1.0': {
    PatientCode: 'P001',
    Meetmoment: 'T0',
    DatumInvulling: '2026-01-12',
    EQ5D_Mobiliteit: '1',
    EQ5D_Zelfzorg: '2',
    EQ5D_Activiteiten: '3',
    EQ5D_Pijn: '4',
    EQ5D_Angst: '5',
    EQ_VAS: '80',
    QLQ_GlobaleGezondheid: '6',
  },
  'PMICD/PMICD/2018.0.5': {
    ProcedureID: 'PR0001',
    BSN: '111222333',
    Naam: 'Jansen, Pieter',
    Geboortedatum: '1948-05-17',
    Geslacht: 'M',
    ImplantatieDatum: '2026-01-08',
    Procedure: 'N',
    DeviceType: 'PM',
    Fabrikant: 'MDT',
    Model: 'Azure XT DR',
    Serienummer: 'PJN100001',
    Indicatie: 'SND',
    Complicatie30d: 'N',
  },
};

export const PERIOD_OF: Record<string, keyof typeof PERIODS> = {
  'CAT/Cataract/1.4': '2026K1',
  'MMY/IKNL/2.1': '2026H1',
  'MMY/PROMS/1.0': '2026H1',
  'PMICD/PMICD/2018.0.5': '2026K1',
};

/** Validates one record (the valid one with `changes`) and returns its findings. */
export async function findingsOfRecord(id: string, changes: Record<string, string>): Promise<Finding[]> {
  const d = await dictionary(id);
  const record = { ...VALID_RECORDS[id]!, ...changes };
  const result = await validate(id, csvOf(d.compiled.fieldNames, [record]), { period: PERIODS[PERIOD_OF[id]!], deliveryDate: '2026-04-15' });
  return result.findings;
}

export function codesOf(findings: readonly Finding[]): string[] {
  return findings.map((f) => (f.field ? `${f.code}:${f.field}` : f.code));
}
