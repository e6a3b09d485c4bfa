/**
 * Delivery file names (docs/domain.md#file-naming):
 * `{instellingscode}_{onderdeel}_{registratie}_{versie}_{volgnummer}_{YYYYMMDD}_{PROD|TEST}.{csv|xml}`,
 * e.g. `11111111_0_CAT_1.4_1_20201214_PROD.xml`. The parser gives the fields or every way a name
 * falls short; the checker turns that into the file-level findings B07, B08 and B09.
 */
import type { FileFormat } from './dictionary-types';
import type { Finding } from './findings';

export interface DeliveryFileName {
  institutionCode: string;
  unit: number;
  registry: string;
  version: string;
  sequenceNumber: number;
  /** The creation date as `YYYY-MM-DD`. */
  creationDate: string;
  test: boolean;
  format: FileFormat;
}

export type FileNamePart = 'name' | 'extension' | 'institutionCode' | 'unit' | 'registry' | 'version' | 'sequenceNumber' | 'creationDate' | 'environment';

export interface FileNameProblem {
  part: FileNamePart;
  /** Stable reason code, for the console's messages. */
  reason: 'forbiddenCharacters' | 'tooLong' | 'partCount' | 'invalid';
}

export type FileNameParse = { ok: true; fields: DeliveryFileName } | { ok: false; problems: FileNameProblem[] };

const MAX_NAME_LENGTH = 255;
/** Path separators, control characters and bidirectional overrides (docs/security.md#files-and-file-names). */
const FORBIDDEN = /[/\\\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const PART_PATTERNS: ReadonlyArray<[FileNamePart, RegExp]> = [
  ['institutionCode', /^[0-9]{8}$/],
  ['unit', /^(0|[1-9][0-9]{0,2})$/],
  ['registry', /^[A-Z][A-Z0-9]{1,19}$/],
  ['version', /^[0-9]+(\.[0-9]+){0,3}$/],
  ['sequenceNumber', /^[1-9][0-9]{0,8}$/],
  ['creationDate', /^[0-9]{8}$/],
  ['environment', /^(PROD|TEST)$/],
];

function isCalendarDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseDeliveryFileName(name: string): FileNameParse {
  if (FORBIDDEN.test(name)) return { ok: false, problems: [{ part: 'name', reason: 'forbiddenCharacters' }] };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, problems: [{ part: 'name', reason: 'tooLong' }] };
  const problems: FileNameProblem[] = [];
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1);
  if (extension !== 'csv' && extension !== 'xml') problems.push({ part: 'extension', reason: 'invalid' });
  const parts = (dot < 0 ? name : name.slice(0, dot)).split('_');
  if (parts.length !== PART_PATTERNS.length) return { ok: false, problems: [...problems, { part: 'name', reason: 'partCount' }] };
  PART_PATTERNS.forEach(([part, pattern], i) => {
    const text = parts[i]!;
    if (!pattern.test(text) || (part === 'creationDate' && !isCalendarDate(text))) problems.push({ part, reason: 'invalid' });
  });
  if (problems.length > 0) return { ok: false, problems };
  const [institutionCode, unit, registry, version, sequenceNumber, date, environment] = parts as [string, string, string, string, string, string, string];
  return {
    ok: true,
    fields: {
      institutionCode,
      unit: Number(unit),
      registry,
      version,
      sequenceNumber: Number(sequenceNumber),
      creationDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      test: environment === 'TEST',
      format: extension as FileFormat,
    },
  };
}

/** A file name as it may appear in a message: no control or bidi characters, no BSN-long digit runs, short. */
export function fileNameForMessage(name: string): string {
  return name
    .replace(new RegExp(FORBIDDEN.source, 'g'), '?')
    .replace(/[0-9]{9,}/g, '…')
    .slice(0, 120);
}

export interface FileNameContext {
  /** The uploader's institution (B07 when the name names another). */
  institutionCode?: string;
  /** Registry/version pairs the hub knows (B07 when the name names another). */
  knownVersions?: ReadonlyArray<{ registry: string; version: string }>;
  /** Last sequence number used for this registry by this institution (B09). */
  lastSequenceNumber?: number | null;
}

export interface FileNameCheck {
  fields: DeliveryFileName | null;
  problems: FileNameProblem[];
  /** File-level findings (recordNumber null), in the order B07, B08, B09. */
  findings: Finding[];
}

function fileFinding(code: string, klass: Finding['class'], params: Finding['params']): Finding {
  return { recordNumber: null, code, class: klass, field: null, params, keyValues: null };
}

export function checkDeliveryFileName(name: string, context: FileNameContext = {}): FileNameCheck {
  const parsed = parseDeliveryFileName(name);
  const shownName = fileNameForMessage(name);
  // B08: a non-conforming name means the uploader filled the fields in by hand.
  if (!parsed.ok) return { fields: null, problems: parsed.problems, findings: [fileFinding('B08', 'BW', { name: shownName })] };
  const { fields } = parsed;
  const findings: Finding[] = [];
  if (context.institutionCode !== undefined && fields.institutionCode !== context.institutionCode) {
    findings.push(fileFinding('B07', 'BF', { name: shownName, detail: 'otherInstitution', institution: fields.institutionCode }));
  }
  const known = context.knownVersions;
  if (known !== undefined && !known.some((k) => k.registry === fields.registry)) {
    findings.push(fileFinding('B07', 'BF', { name: shownName, detail: 'unknownRegistry', registry: fields.registry }));
  } else if (known !== undefined && !known.some((k) => k.registry === fields.registry && k.version === fields.version)) {
    findings.push(fileFinding('B07', 'BF', { name: shownName, detail: 'unknownVersion', registry: fields.registry, version: fields.version }));
  }
  const last = context.lastSequenceNumber;
  if (last !== undefined && last !== null && fields.sequenceNumber <= last) {
    findings.push(fileFinding('B09', 'BW', { n: fields.sequenceNumber, last }));
  }
  return { fields, problems: [], findings };
}
