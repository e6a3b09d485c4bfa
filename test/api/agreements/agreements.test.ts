import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { agreementsSigned } from '../../../server/src/agreements/module';
import { Institution } from '../../../server/src/institutions/institution.entity';
import { Registry } from '../../../server/src/registries/registry.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { multipartHead, uploadUntilAnswered } from '../../support/multipart';
import { startTestServer, type TestServer } from '../../support/server';
import { uploadRequest } from '../../support/upload';

const FIELDS = 'id kind status sentOn signedOn expiresOn documentSha256 documentSize documentUrl registry { code }';
const RECORD = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { __typename ... on Agreement { ${FIELDS} } ... on Refusal { code message field } } }`;
const SET_STATUS = `mutation ($input: SetAgreementStatusInput!) { setAgreementStatus(input: $input) { __typename ... on Agreement { ${FIELDS} } ... on Refusal { code } } }`;
const LIST = `query ($code: String!) { agreements(institutionCode: $code) { ${FIELDS} } }`;
const UPLOAD = `mutation ($id: ID!, $file: Upload!) { uploadAgreementDocument(agreementId: $id, file: $file) { __typename ... on Agreement { ${FIELDS} } ... on Refusal { code message field } } }`;

interface AgreementView {
  __typename: string;
  id: string;
  kind: string;
  status: string;
  sentOn: string | null;
  signedOn: string | null;
  expiresOn: string | null;
  documentSha256: string | null;
  documentSize: number | null;
  documentUrl: string | null;
  code?: string;
  message?: string;
}

/** A small, valid-looking PDF with a marker that must never appear in clear on disk. */
const MARKER = 'GETEKENDE-OVEREENKOMST-ZUIDERMEER-7731';
const PDF = `%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${MARKER}\n%%EOF\n`;

function storedFiles(server: TestServer): string[] {
  const root = path.join(server.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function uploadDocument(server: TestServer, token: string, id: string, file: { name: string; content: string }) {
  const response = await uploadRequest<{ uploadAgreementDocument: AgreementView }>(server.url, UPLOAD, { id }, file, {
    'apollo-require-preflight': 'true',
    authorization: `Bearer ${token}`,
  });
  return expectOk(response).uploadAgreementDocument;
}

describe('agreements', function () {
  this.timeout(120000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let otherAdmin: string;
  let submitter: string;
  const record = async (input: Record<string, unknown>) =>
    expectOk(await asUser<{ recordAgreement: AgreementView }>(server, hub, RECORD, { input })).recordAgreement;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    otherAdmin = await tokenFor(server, 'beheer@maasdal.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  describe('statuses', () => {
    it('hub staff record an agreement TO_SEND, then SENT and SIGNED with their days', async () => {
      const recorded = await record({ institutionCode: '11111111', kind: 'PROCESSING' });
      expect(recorded).to.include({ __typename: 'Agreement', kind: 'PROCESSING', status: 'TO_SEND', sentOn: null });
      const sent = expectOk(
        await asUser<{ setAgreementStatus: AgreementView }>(server, hub, SET_STATUS, { input: { agreementId: recorded.id, status: 'SENT', on: '2026-02-01' } }),
      );
      expect(sent.setAgreementStatus).to.include({ status: 'SENT', sentOn: '2026-02-01' });
      const signed = expectOk(
        await asUser<{ setAgreementStatus: AgreementView }>(server, hub, SET_STATUS, {
          input: { agreementId: recorded.id, status: 'SIGNED', on: '2026-02-15', expiresOn: '2030-12-31' },
        }),
      );
      expect(signed.setAgreementStatus).to.include({ status: 'SIGNED', sentOn: '2026-02-01', signedOn: '2026-02-15', expiresOn: '2030-12-31' });
    });

    it('recording the same kind again updates the one agreement instead of adding a second', async () => {
      const first = await record({ institutionCode: '11111111', kind: 'REGISTRY_SUPPLEMENT', registry: 'MMY' });
      const again = await record({ institutionCode: '11111111', kind: 'REGISTRY_SUPPLEMENT', registry: 'MMY', status: 'SENT', sentOn: '2026-03-01' });
      expect(again.id).to.equal(first.id);
      expect(again).to.include({ status: 'SENT', sentOn: '2026-03-01' });
    });

    it('refuses a registry on a per-institution kind, and a per-registry kind without one (AGREEMENT_SCOPE)', async () => {
      expect(await record({ institutionCode: '11111111', kind: 'GENERAL_SERVICE', registry: 'CAT' })).to.include({ code: 'AGREEMENT_SCOPE' });
      expect(await record({ institutionCode: '11111111', kind: 'DATA_PROTOCOL' })).to.include({ code: 'AGREEMENT_SCOPE' });
    });

    it('agreementsSigned is true only when all four are signed and none has expired', async () => {
      const em = server.datahub.orm.em.fork();
      const institution = await em.findOneOrFail(Institution, { code: '12040017' });
      const registry = await em.findOneOrFail(Registry, { code: 'CAT' });
      const signed = { institutionCode: '12040017', status: 'SIGNED', signedOn: '2026-01-10' };
      await record({ ...signed, kind: 'GENERAL_SERVICE' });
      await record({ ...signed, kind: 'PROCESSING' });
      await record({ ...signed, kind: 'REGISTRY_SUPPLEMENT', registry: 'CAT' });
      expect(await agreementsSigned(em, institution.id, registry.id, '2026-06-01')).to.equal(false);
      await record({ ...signed, kind: 'DATA_PROTOCOL', registry: 'CAT', expiresOn: '2026-12-31' });
      expect(await agreementsSigned(em, institution.id, registry.id, '2026-06-01')).to.equal(true);
      expect(await agreementsSigned(em, institution.id, registry.id, '2027-01-01'), 'after the data protocol expired').to.equal(false);
      const pmicd = await em.findOneOrFail(Registry, { code: 'PMICD' });
      expect(await agreementsSigned(em, institution.id, pmicd.id, '2026-06-01'), "another registry's supplement is missing").to.equal(false);
    });
  });

  describe('who sees them', () => {
    it("the institution's local administrator sees its agreements; another institution's administrator sees none", async () => {
      const own = expectOk(await asUser<{ agreements: AgreementView[] }>(server, admin, LIST, { code: '11111111' }));
      expect(own.agreements.map((agreement) => agreement.kind)).to.include('PROCESSING');
      const foreign = expectOk(await asUser<{ agreements: AgreementView[] }>(server, otherAdmin, LIST, { code: '11111111' }));
      expect(foreign.agreements).to.deep.equal([]);
    });
  });

  describe('the signed PDF', () => {
    let agreementId: string;
    before(async () => {
      agreementId = (await record({ institutionCode: '11111111', kind: 'GENERAL_SERVICE' })).id;
    });

    it('accepts a PDF from the local administrator and stores it encrypted: no clear byte of it on disk', async () => {
      const stored = await uploadDocument(server, admin, agreementId, { name: 'overeenkomst.pdf', content: PDF });
      expect(stored).to.include({ __typename: 'Agreement', documentSize: Buffer.byteLength(PDF), documentUrl: `/api/agreements/${agreementId}/document.pdf` });
      expect(stored.documentSha256).to.match(/^[0-9a-f]{64}$/);
      const files = storedFiles(server);
      expect(files.length).to.be.greaterThan(0);
      for (const file of files) expect(readFileSync(file).includes(MARKER), file).to.equal(false);
    });

    it('refuses a file that is not a PDF by its content, whatever its name says (NOT_PDF), and keeps nothing', async () => {
      const before = storedFiles(server);
      const refused = await uploadDocument(server, admin, agreementId, { name: 'overeenkomst.pdf', content: 'PK\u0003\u0004 not a pdf at all' });
      expect(refused).to.include({ __typename: 'Refused', code: 'NOT_PDF' });
      expect(storedFiles(server)).to.deep.equal(before);
    });

    it("refuses another institution's administrator as NOT_FOUND and stores nothing", async () => {
      const before = storedFiles(server);
      const refused = await uploadDocument(server, otherAdmin, agreementId, { name: 'x.pdf', content: PDF });
      expect(refused).to.include({ __typename: 'Refused', code: 'NOT_FOUND' });
      expect(storedFiles(server)).to.deep.equal(before);
    });

    it('lets hub staff and the local administrator download it (the same bytes, no-store); others get 404, anonymous 401', async () => {
      const url = `${server.url}/api/agreements/${agreementId}/document.pdf`;
      for (const token of [hub, admin]) {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).to.equal(200);
        expect(response.headers.get('content-type')).to.equal('application/pdf');
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(await response.text()).to.equal(PDF);
      }
      for (const token of [otherAdmin, submitter]) expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).to.equal(404);
      expect((await fetch(url)).status).to.equal(401);
    });

    it('audits the upload, the download and the refused download', async () => {
      const rows = await server.datahub.orm.em
        .fork()
        .getConnection()
        .execute<{ action: string; event: string }[]>(`select action, event from audit_event where object_id = ? order by id`, [agreementId]);
      const seen = rows.map((row) => `${row.action}:${row.event}`);
      expect(seen).to.include.members(['uploadAgreementDocument:UPDATE', 'agreementDocument:EXPORT', 'agreementDocument:AUTHORISATION_FAILURE']);
    });
  });
});

describe('agreements: the size limit stops reading as it is reached', function () {
  this.timeout(120000);
  const MB = 1024 * 1024;
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ DATAHUB_AGREEMENT_MAX_BYTES: String(MB) });
  });

  it('refuses a PDF over DATAHUB_AGREEMENT_MAX_BYTES with FILE_TOO_LARGE long before the whole body is sent, and keeps no file', async () => {
    const hub = await tokenFor(server, 'hub@datahub.test');
    const recorded = expectOk(
      await asUser<{ recordAgreement: AgreementView }>(server, hub, RECORD, { input: { institutionCode: '11111111', kind: 'PROCESSING' } }),
    );
    const head =
      multipartHead({ query: UPLOAD, variables: { id: recorded.recordAgreement.id, file: null } }, { 0: ['variables.file'] }, 'groot.pdf') + '%PDF-1.7\n';
    const { answer, fileBytesSent } = await uploadUntilAnswered(server.url, head, 256 * MB, { authorization: `Bearer ${hub}` });
    const body = JSON.parse(answer.text) as { data?: { uploadAgreementDocument?: { __typename: string; code: string } } };
    expect(body.data?.uploadAgreementDocument).to.deep.include({ __typename: 'Refused', code: 'FILE_TOO_LARGE' });
    expect(fileBytesSent).to.be.lessThan(64 * MB);
    expect(storedFiles(server)).to.deep.equal([]);
  });
});
