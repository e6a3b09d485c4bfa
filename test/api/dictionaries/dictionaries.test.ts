import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { expectOk, tokenFor } from '../../support/actors';
import { graphql } from '../../support/client';
import { sharedServer, startTestServer, type TestServer } from '../../support/server';
import { uploadRequest } from '../../support/upload';

const DICTIONARIES = path.resolve(__dirname, '../../../dictionaries');
const VALIDATE = `query ($file: Upload!, $dictionary: String, $period: Period) { validateFile(file: $file, dictionary: $dictionary, period: $period, maxFindings: 50) { __typename
  ... on FileCheckReport { dictionary status records accepted rejected findingCount byCode { code count } findings { __typename ordinal recordNumber code class field message keyValues { name value } } }
  ... on Refusal { code field message } } }`;

interface Report {
  dictionary: string | null;
  status: string;
  records: number;
  accepted: number;
  findingCount: number;
  byCode: { code: string; count: number }[];
  findings: {
    __typename: string;
    ordinal: number;
    recordNumber: number | null;
    code: string;
    field: string | null;
    message: string;
    keyValues: { name: string; value: string }[];
  }[];
}

describe('dictionaries over GraphQL', () => {
  let server: TestServer;
  before(async () => {
    server = await sharedServer();
  });

  it('lists the four dictionaries of the specs', async () => {
    const response = expectOk(await graphql<{ dictionaries: { id: string }[] }>(server.url, '{ dictionaries { id } }'));
    expect(response.dictionaries.map((dictionary) => dictionary.id).sort()).to.deep.equal([
      'CAT/Cataract/1.4',
      'MMY/IKNL/2.1',
      'MMY/PROMS/1.0',
      'PMICD/PMICD/2018.0.5',
    ]);
  });

  it('gives CAT 1.4 its fields in file order, the VISUS table of 61 values and its own checks beside the common ones', async () => {
    const { dictionary } = expectOk(
      await graphql<{
        dictionary: {
          fields: { name: string }[];
          referenceTables: { name: string; codes: unknown[] }[];
          checks: { code: string; common: boolean; class: string }[];
        };
      }>(server.url, '{ dictionary(id: "CAT/Cataract/1.4") { fields { name } referenceTables { name codes { code } } checks { code class common } } }'),
    );
    expect(dictionary.fields.map((field) => field.name)).to.deep.equal([
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
    ]);
    expect(dictionary.referenceTables.find((table) => table.name === 'VISUS')?.codes).to.have.length(61);
    expect(dictionary.checks.filter((check) => !check.common).map((check) => `${check.code}:${check.class}`)).to.deep.equal(['003_Y_EQ:F', '030_Age:W']);
    expect(dictionary.checks.some((check) => check.common && check.code === '015_X_Y_EQ')).to.equal(true);
  });

  it("marks PMICD's BSN and Naam as identifying", async () => {
    const { dictionary } = expectOk(
      await graphql<{ dictionary: { fields: { name: string; identifying: boolean | null }[] } }>(
        server.url,
        '{ dictionary(id: "PMICD/PMICD/2018.0.5") { fields { name identifying } } }',
      ),
    );
    expect(dictionary.fields.filter((field) => field.identifying).map((field) => field.name)).to.deep.equal(['BSN', 'Naam']);
  });

  it('registers each dictionary as an ACTIVE version with its content reachable from the sub-delivery', async () => {
    const response = expectOk(
      await graphql<{
        registry: { subDeliveries: { dictionaryVersions: { version: string; status: string; acceptedFrom: string; content: { id: string } }[] }[] };
      }>(server.url, '{ registry(code: "PMICD") { subDeliveries { dictionaryVersions { version status acceptedFrom content { id } } } } }'),
    );
    expect(response.registry.subDeliveries[0]?.dictionaryVersions).to.deep.equal([
      { version: '2018.0.5', status: 'ACTIVE', acceptedFrom: '2018-07-01', content: { id: 'PMICD/PMICD/2018.0.5' } },
    ]);
  });

  it('stops the server at start when a dictionary is broken, naming the file, the place in it and what is wrong', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'datahub-dictionaries-'));
    await cp(DICTIONARIES, copy, { recursive: true });
    const file = path.join(copy, 'CAT', 'Cataract', '1.4', 'dictionary.json');
    const broken = JSON.parse(await readFile(file, 'utf8')) as { fields: { type: string }[] };
    (broken.fields[3] as { type: string }).type = 'number';
    await writeFile(file, JSON.stringify(broken));
    const failure = await startTestServer({ DATAHUB_DICTIONARIES_DIR: copy }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).to.include('CAT/Cataract/1.4/dictionary.json').and.include('/fields/3/type');
  });
});

describe('validateFile: checking a file without storing it', () => {
  let server: TestServer;
  let token: string;
  const check = (name: string, content: string, variables: Record<string, unknown> = {}) =>
    uploadRequest<{ validateFile: Report }>(
      server.url,
      VALIDATE,
      variables,
      { name, content },
      { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    );
  before(async () => {
    server = await sharedServer();
    token = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it("reports a CAT file's lines with codes and Dutch messages, as processing would", async () => {
    const content = await readFile(path.join(DICTIONARIES, 'CAT/Cataract/1.4/examples/invalid-records.csv'), 'utf8');
    const { validateFile } = expectOk(await check('11111111_0_CAT_1.4_1_20260410_PROD.csv', content, { period: '2026K1' }));
    const period = validateFile.findings.find((finding) => finding.code === '020_Period');
    expect(validateFile).to.deep.include({ dictionary: 'CAT/Cataract/1.4', status: 'PROCESSED_WITH_ERRORS', records: 13, accepted: 2 });
    expect(validateFile.byCode.find((row) => row.code === '005')?.count).to.equal(2);
    expect(period?.message).to.equal('OperatieDatum 2025-12-31 valt buiten de periode 2026K1.');
    expect(period?.keyValues.map((pair) => pair.name)).to.deep.equal(['OperatieID', 'OperatieDatum', 'PatientCode', 'ODS']);
  });

  it("gives its lines as the same ReportLine type a stored delivery's report has, numbered in order", async () => {
    const content = await readFile(path.join(DICTIONARIES, 'CAT/Cataract/1.4/examples/invalid-records.csv'), 'utf8');
    const { validateFile } = expectOk(await check('11111111_0_CAT_1.4_1_20260410_PROD.csv', content, { period: '2026K1' }));
    expect(validateFile.findings.length).to.be.greaterThan(2);
    expect(validateFile.findings.map((finding) => finding.__typename)).to.deep.equal(validateFile.findings.map(() => 'ReportLine'));
    expect(validateFile.findings.map((finding) => finding.ordinal)).to.deep.equal(validateFile.findings.map((_, index) => index));
  });

  it('takes the dictionary from a conforming file name and rejects an unknown version with B07', async () => {
    const { validateFile } = expectOk(await check('11111111_0_CAT_9.9_1_20260410_PROD.csv', 'OperatieID\n1\n'));
    expect(validateFile).to.deep.include({ dictionary: null, status: 'REJECTED' });
    expect(validateFile.findings.map((finding) => finding.code)).to.deep.equal(['B07']);
  });

  it('refuses an unknown dictionary, and a non-conforming name without one, as refusals naming the dictionary field', async () => {
    const unknown = expectOk(await check('11111111_0_CAT_1.4_1_20260410_PROD.csv', 'OperatieID\n1\n', { dictionary: 'CAT/Cataract/9.9' }));
    const unnamed = expectOk(await check('mijn-bestand.csv', 'OperatieID\n1\n'));
    expect(unknown.validateFile).to.deep.include({ __typename: 'Refused', code: 'UNKNOWN_DICTIONARY', field: 'dictionary' });
    expect(unnamed.validateFile).to.deep.include({ __typename: 'Refused', code: 'DICTIONARY_NOT_NAMED', field: 'dictionary' });
  });

  it('never returns a BSN or a name from a PMICD file', async () => {
    const content = await readFile(path.join(DICTIONARIES, 'PMICD/PMICD/2018.0.5/examples/invalid-records.csv'), 'utf8');
    const response = await check('11111111_0_PMICD_2018.0.5_1_20260410_PROD.csv', content, { period: '2026K1' });
    const text = JSON.stringify(response);
    const identifying = content
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(',').slice(1, 3))
      .filter((value) => value.length > 3);
    expect(response.data?.validateFile.findingCount).to.be.greaterThan(0);
    for (const value of identifying) expect(text).not.to.include(value.replace(/"/g, ''));
  });

  it('refuses an upload without login before reading it (401, nothing checked)', async () => {
    const response = await uploadRequest(server.url, VALIDATE, {}, { name: 'x.csv', content: 'a\n1\n' });
    expect(response.status).to.equal(401);
    expect(response.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
  });
});

describe('GET /api/dictionaries/…json (for checking files in the browser)', () => {
  it('serves the resolved dictionary the engine uses, with its reference tables and common checks', async () => {
    const { url } = await sharedServer();
    const response = await fetch(`${url}/api/dictionaries/CAT/Cataract/1.4.json`);
    const body = (await response.json()) as { registry: string; referenceTables: { name: string }[]; common: { checks: { code: string }[] } };
    expect(response.status).to.equal(200);
    expect(body.registry).to.equal('CAT');
    expect(body.referenceTables.map((table) => table.name)).to.include.members(['VISUS', 'GESLACHT']);
    expect(body.common.checks.map((check) => check.code)).to.include('005');
  });

  it('answers 404 for an unknown version', async () => {
    const { url } = await sharedServer();
    expect((await fetch(`${url}/api/dictionaries/CAT/Cataract/9.9.json`)).status).to.equal(404);
  });
});
