/**
 * One set of records, three deliveries: the CSV a hospital would upload, and the same records as a
 * FHIR R4 Bundle (type collection) and as NDJSON (FHIR Bulk Data, each patient's resources after
 * their Patient line), following the mappings in PMICD 2018.0.5's and CAT 1.4's dictionary.json
 * (docs/fhir.md). The FHIR side carries data the mappings do not read (names, addresses, phone
 * numbers, free-text notes, an Encounter) so tests can prove none of it comes out.
 *
 * Records are field → value maps; the CSV leaves unmapped fields (PMICD Naam) empty, as conversion does,
 * and lists records per patient (first-seen order), the order the resources are delivered in.
 */
export type FieldValues = Record<string, string>;
type Json = Record<string, unknown>;

export interface FhirFixture {
  /** The CSV the conversion must produce (header + one line per record, LF). */
  csv: string;
  bundle: Json;
  ndjson: string;
  /** Resources in delivery order, each with its Bundle fullUrl. */
  resources: Json[];
  /** Values of unmapped elements put in the resources: none may appear in the output. */
  unmappedValues: string[];
}

export const PMICD_FIELDS = [
  'ProcedureID',
  'BSN',
  'Naam',
  'Geboortedatum',
  'Geslacht',
  'ImplantatieDatum',
  'Procedure',
  'DeviceType',
  'Fabrikant',
  'Model',
  'Serienummer',
  'Indicatie',
  'Complicatie30d',
];
export const CAT_FIELDS = [
  'OperatieID',
  'OperatieDatum',
  'PatientCode',
  'Geboortejaar',
  'Geslacht',
  'ODS',
  'VaCCPre',
  'VaCCPO',
  'Anesthesie',
  'Complicatie',
  'ComplicatieType',
];
const PMICD_UNMAPPED = new Set(['Naam']);

const GENDER: Record<string, string> = { M: 'male', V: 'female', O: 'other' };
const MANUFACTURER: Record<string, string> = {
  MDT: 'Medtronic',
  BSC: 'Boston Scientific',
  ABT: 'Abbott',
  BIO: 'Biotronik',
  MIC: 'MicroPort',
  OVR: 'Heartware Components Ltd',
};
const EYE: Record<string, string> = { '01': '18944008', '02': '8966001' };
const ACUITY_LOINC: Record<string, string> = { '01': '65893-0', '02': '65897-1' };

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(fields: readonly string[], records: readonly FieldValues[], unmapped: ReadonlySet<string> = new Set()): string {
  const lines = records.map((r) => fields.map((f) => (unmapped.has(f) ? '' : csvCell(r[f] ?? ''))).join(','));
  return [fields.join(','), ...lines].map((l) => `${l}\n`).join('');
}

function when<T>(value: string | undefined, make: (v: string) => T): T | undefined {
  return value ? make(value) : undefined;
}

/** Drops undefined properties so the JSON is what a hospital would send. */
function clean(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Extra identifying data on every Patient and free text on every focus Procedure. */
function unmappedPatientData(n: number, name: string | undefined): { data: Json; values: string[] } {
  const family = name || `Fixturenaam${n}`;
  const street = `Kerkstraat ${100 + n}`;
  const phone = `+31 6 5550 ${String(1000 + n)}`;
  return {
    data: {
      name: [{ family, given: ['Testvoornaam'] }],
      address: [{ line: [street], city: 'Utrecht', postalCode: '3511 AB' }],
      telecom: [{ system: 'phone', value: phone }],
    },
    values: [family, street, phone],
  };
}

function note(n: number): { data: Json[]; value: string } {
  const value = `Vrije notitie over de ingreep ${n}`;
  return { data: [{ text: value }], value };
}

/** Records in delivery order: grouped per patient, patients in first-seen order (as NDJSON must be). */
function byPatient(records: readonly FieldValues[], key: (r: FieldValues, i: number) => string): FieldValues[] {
  const groups = new Map<string, FieldValues[]>();
  records.forEach((r, i) => {
    const k = key(r, i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  return [...groups.values()].flat();
}

/** Resources grouped per patient (key), patient first, in first-seen order. */
function assemble(groups: Map<string, Json[]>, csv: string, unmappedValues: string[]): FhirFixture {
  const resources = [...groups.values()].flat();
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({
      fullUrl: `https://ziekenhuis.example/fhir/${String(resource['resourceType'])}/${String(resource['id'])}`,
      resource,
    })),
  };
  return { csv, bundle, ndjson: resources.map((r) => `${JSON.stringify(r)}\n`).join(''), resources, unmappedValues };
}

export function pmicdResources(record: FieldValues, n: number, patientId: string): { procedure: Json[]; unmapped: string[] } {
  const deviceId = `dev${n}`;
  const text = note(n);
  const procedure = clean({
    resourceType: 'Procedure',
    id: `proc${n}`,
    identifier: when(record['ProcedureID'], (value) => [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1', value }]),
    status: 'completed',
    code: when(record['Procedure'], (code) => ({ coding: [{ system: 'urn:datahub:codesystem:PMICD:PROC', code }] })),
    subject: { reference: `Patient/${patientId}` },
    performedDateTime: when(record['ImplantatieDatum'], (d) => `${d}T10:30:00+01:00`),
    reasonCode: when(record['Indicatie'], (code) => [{ coding: [{ system: 'urn:datahub:codesystem:PMICD:IND', code }] }]),
    focalDevice: [{ manipulated: { reference: `Device/${deviceId}` } }],
    extension: when(record['Complicatie30d'], (v) => [{ url: 'urn:datahub:extension:complication-within-30-days', valueBoolean: v === 'J' }]),
    note: text.data,
  });
  const device = clean({
    resourceType: 'Device',
    id: deviceId,
    type: when(record['DeviceType'], (code) => ({ coding: [{ system: 'urn:datahub:codesystem:PMICD:DEV', code }] })),
    manufacturer: when(record['Fabrikant'], (code) => MANUFACTURER[code] ?? code),
    deviceName: when(record['Model'], (name) => [{ name, type: 'model-name' }]),
    serialNumber: record['Serienummer'] || undefined,
    lotNumber: `LOT-${n}`,
  });
  return { procedure: [procedure, device], unmapped: [text.value] };
}

function patient(
  id: string,
  n: number,
  identifier: Json[] | undefined,
  birthDate: string | undefined,
  gender: string | undefined,
  name: string | undefined,
): { resource: Json; values: string[] } {
  const extra = unmappedPatientData(n, name);
  const resource = clean({ resourceType: 'Patient', id, identifier, birthDate, gender: when(gender, (g) => GENDER[g] ?? g), ...extra.data });
  return { resource, values: extra.values };
}

/**
 * PMICD 2018.0.5: Patient (by BSN), Procedure with its Device; one patient may have several procedures.
 * `firstNumber` numbers the resource ids from there, so batches of one large delivery do not collide.
 */
export function pmicdFhir(given: readonly FieldValues[], options: { firstNumber?: number } = {}): FhirFixture {
  const records = byPatient(given, (r, i) => r['BSN'] ?? `none${i + 1}`);
  const first = options.firstNumber ?? 1;
  const groups = new Map<string, Json[]>();
  const unmapped: string[] = [];
  records.forEach((record, i) => {
    const n = i + first;
    const key = record['BSN'] ?? `none${n}`;
    let group = groups.get(key);
    if (!group) {
      const patientId = `pat${n}`;
      const made = patient(
        patientId,
        n,
        when(record['BSN'], (value) => [
          { system: 'http://fhir.nl/fhir/NamingSystem/bsn', value },
          { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.2', value: `MRN${n}` },
        ]),
        record['Geboortedatum'] || undefined,
        record['Geslacht'],
        record['Naam'],
      );
      unmapped.push(...made.values);
      group = [
        made.resource,
        { resourceType: 'Encounter', id: `enc${n}`, status: 'finished', class: { code: 'IMP' }, subject: { reference: `Patient/${patientId}` } },
      ];
      groups.set(key, group);
    }
    const { procedure, unmapped: values } = pmicdResources(record, n, String(group[0]!['id']));
    group.push(...procedure);
    unmapped.push(...values);
  });
  return assemble(groups, csvText(PMICD_FIELDS, records, PMICD_UNMAPPED), unmapped);
}

function acuity(id: string, record: FieldValues, value: string, procedureId: string, date: string, logMar: boolean, patientId: string): Json {
  const decimal = Number(value);
  const quantity =
    logMar && decimal > 0
      ? { value: -Math.log10(decimal), unit: 'logMAR', system: 'http://unitsofmeasure.org', code: '{logMAR}' }
      : { value: decimal, unit: 'decimal', system: 'http://unitsofmeasure.org', code: '1' };
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: ACUITY_LOINC[record['ODS'] ?? '01'] ?? '65893-0' }] },
    subject: { reference: `Patient/${patientId}` },
    partOf: [{ reference: `Procedure/${procedureId}` }],
    effectiveDateTime: date,
    valueQuantity: quantity,
    note: [{ text: `Visus gemeten met bril, patiënt ${id}` }],
  };
}

/** CAT 1.4: Patient (by PatientCode), the operation, its anaesthesia (a Procedure partOf it), visual acuity before and after (Observations partOf it). */
export function catFhir(given: readonly FieldValues[]): FhirFixture {
  const records = byPatient(given, (r, i) => r['PatientCode'] ?? `none${i + 1}`);
  const groups = new Map<string, Json[]>();
  const unmapped: string[] = [];
  records.forEach((record, i) => {
    const n = i + 1;
    const key = record['PatientCode'] ?? `none${n}`;
    let group = groups.get(key);
    if (!group) {
      const made = patient(
        `pat${n}`,
        n,
        when(record['PatientCode'], (value) => [{ system: 'urn:datahub:identifier:CAT:PatientCode', value }]),
        when(record['Geboortejaar'], (y) => `${y}-03-02`),
        record['Geslacht'],
        undefined,
      );
      unmapped.push(...made.values);
      group = [made.resource];
      groups.set(key, group);
    }
    const patientId = String(group[0]!['id']);
    const id = `op${n}`;
    const text = note(n);
    const date = record['OperatieDatum'] ?? '';
    group.push(
      clean({
        resourceType: 'Procedure',
        id,
        identifier: when(record['OperatieID'], (value) => [{ value }]),
        status: 'completed',
        code: { coding: [{ system: 'http://snomed.info/sct', code: '415733009' }] },
        subject: { reference: `Patient/${patientId}` },
        performedDateTime: date || undefined,
        bodySite: when(record['ODS'], (ods) => [{ coding: [{ system: 'http://snomed.info/sct', code: EYE[ods] ?? ods }] }]),
        complication:
          record['Complicatie'] === 'J'
            ? [
                {
                  coding: [
                    record['ComplicatieType']
                      ? { system: 'urn:datahub:codesystem:CAT:COMPLICATIE', code: record['ComplicatieType'] }
                      : { system: 'http://snomed.info/sct', code: '116223007' },
                  ],
                },
              ]
            : undefined,
        note: text.data,
      }),
    );
    unmapped.push(text.value);
    if (record['Anesthesie']) {
      group.push({
        resourceType: 'Procedure',
        id: `an${n}`,
        status: 'completed',
        subject: { reference: `Patient/${patientId}` },
        partOf: [{ reference: `Procedure/${id}` }],
        code: { coding: [{ system: 'urn:datahub:codesystem:CAT:ANESTHESIE', code: record['Anesthesie'] }] },
      });
    }
    const observations = [
      record['VaCCPre'] ? acuity(`vapre${n}`, record, record['VaCCPre'], id, addDays(date, -14), n % 2 === 0, patientId) : undefined,
      record['VaCCPO'] ? acuity(`vapo${n}`, record, record['VaCCPO'], id, addDays(date, 28), n % 3 === 0, patientId) : undefined,
    ];
    for (const observation of observations) {
      if (!observation) continue;
      group.push(observation);
      unmapped.push((observation['note'] as Json[])[0]!['text'] as string);
    }
  });
  return assemble(groups, csvText(CAT_FIELDS, records), unmapped);
}

/** Parses a simple CSV text (no quoted line breaks) into records, e.g. a dictionary's examples/valid.csv. */
export function recordsFromCsv(text: string): FieldValues[] {
  const rows = text.trim().split(/\r?\n/).map(splitCsvLine);
  const [header, ...data] = rows;
  return data.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(current);
      current = '';
    } else current += c;
  }
  cells.push(current);
  return cells;
}
