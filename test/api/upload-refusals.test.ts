import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { tokenFor } from '../support/actors';
import { UPLOAD } from '../support/deliveries';
import { multipartHead, uploadUntilAnswered } from '../support/multipart';
import { sharedServer, startTestServer, type TestServer } from '../support/server';

const MB = 1024 * 1024;
/** What the body announces: far more than the connection can buffer on its way (socket buffers are a few MB). */
const ANNOUNCED = 256 * MB;
/** An answer after at most this much of the file was sent came before the server read the file. */
const UNREAD = 64 * MB;

/** Every file under the data folder's `files/` (none when it was never made). */
function storedFiles(server: TestServer): string[] {
  const root = path.join(server.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function uploadHead(fileName: string): string {
  return multipartHead({ query: UPLOAD, variables: { file: null, input: { period: '2026K1' } } }, { 0: ['variables.file'] }, fileName);
}

describe('uploads: a refused upload is answered before its file is read', function () {
  this.timeout(120000);
  let server: TestServer;
  before(async () => {
    server = await sharedServer();
  });

  it('answers a viewer (no submitter role) FORBIDDEN before reading the file, and writes nothing', async () => {
    const viewer = await tokenFor(server, 'inzage@zuidermeer.test');
    const before = storedFiles(server);
    const { answer, fileBytesSent } = await uploadUntilAnswered(server.url, uploadHead('11111111_0_PMICD_2018.0.5_1_20260410_PROD.csv'), ANNOUNCED, {
      authorization: `Bearer ${viewer}`,
    });
    const body = JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
    expect(fileBytesSent).to.be.lessThan(UNREAD);
    expect(storedFiles(server)).to.deep.equal(before);
  });

  it('answers a submitter delivering for a registry that is not theirs FORBIDDEN before reading the file, and writes nothing', async () => {
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const before = storedFiles(server);
    const { answer, fileBytesSent } = await uploadUntilAnswered(server.url, uploadHead('11111111_0_PMICD_2018.0.5_2_20260410_PROD.csv'), ANNOUNCED, {
      authorization: `Bearer ${submitter}`,
    });
    const body = JSON.parse(answer.text) as { data?: { uploadDelivery?: { __typename: string; code: string } } };
    expect(body.data?.uploadDelivery).to.deep.include({ __typename: 'Refused', code: 'FORBIDDEN' });
    expect(fileBytesSent).to.be.lessThan(UNREAD);
    expect(storedFiles(server)).to.deep.equal(before);
  });
});

describe('uploads: the size limit stops reading as the bytes arrive', function () {
  this.timeout(120000);
  let server: TestServer;
  let submitter: string;
  before(async () => {
    server = await startTestServer({ DATAHUB_UPLOAD_MAX_BYTES: String(MB) });
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it('answers FILE_TOO_LARGE soon after the limit (1 MB) is passed, not after the whole body, and keeps no partial file', async () => {
    const { answer, fileBytesSent } = await uploadUntilAnswered(server.url, uploadHead('11111111_0_CAT_1.4_1_20260410_PROD.csv'), ANNOUNCED, {
      authorization: `Bearer ${submitter}`,
    });
    const body = JSON.parse(answer.text) as { data?: { uploadDelivery?: { __typename: string; code: string } } };
    expect(body.data?.uploadDelivery).to.deep.include({ __typename: 'Refused', code: 'FILE_TOO_LARGE' });
    expect(fileBytesSent).to.be.lessThan(UNREAD);
    expect(storedFiles(server)).to.deep.equal([]);
  });

  it('answers a file check over the limit with FILE_TOO_LARGE on the file, before the whole body, and keeps no scratch copy', async () => {
    const head = multipartHead(
      {
        query: 'query ($file: Upload!) { validateFile(file: $file) { __typename ... on FileCheckReport { status } ... on Refusal { code field } } }',
        variables: { file: null },
      },
      { 0: ['variables.file'] },
      '11111111_0_CAT_1.4_1_20260410_PROD.csv',
    );
    const { answer, fileBytesSent } = await uploadUntilAnswered(server.url, head, ANNOUNCED, { authorization: `Bearer ${submitter}` });
    const body = JSON.parse(answer.text) as { data?: { validateFile?: { __typename: string; code?: string; field?: string } } };
    const spool = path.join(server.dataDir, 'spool');
    expect(body.data?.validateFile).to.deep.include({ __typename: 'Refused', code: 'FILE_TOO_LARGE', field: 'file' });
    expect(fileBytesSent).to.be.lessThan(UNREAD);
    expect(existsSync(spool) ? readdirSync(spool, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : []).to.deep.equal([]);
  });
});
