import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, upload } from '../../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';
import { uploadRequest } from '../../support/upload';
import { DAY } from '../../../server/src/common/clock';
import { todayInAmsterdam } from '../../../server/src/common/calendar';
import { packageFixture, PUBLISH, uploadPackage } from './packages';

const CHECK = 'query ($name: String!) { checkDeliveryFileName(fileName: $name) { problems { code message field } } }';
const VALIDATE = `query ($file: Upload!) { validateFile(file: $file, maxFindings: 5) { __typename ... on FileCheckReport { status findings { code message } } } }`;
const DIFF = `query ($sub: ID!, $from: String!, $to: String!) { dictionaryDiff(subDelivery: $sub, from: $from, to: $to) {
  from to fieldsAdded fieldsRemoved fieldsChanged { name properties } checksAdded checksRemoved checksChanged { name properties } referenceTables { name added removed } } }`;

/** CAT 1.5: the good package made for CAT, with a VISUS code added and a field's label changed. */
function cat15(): Record<string, unknown> {
  const pkg = packageFixture('good-oog-1.0.json') as {
    dictionary: { registry: string; version: string; fields: { name: string; label: { nl: string } }[] };
    referenceTables: { name: string; codes: { code: string }[] }[];
  };
  pkg.dictionary.registry = 'CAT';
  pkg.dictionary.version = '1.5';
  pkg.dictionary.fields[1]!.label.nl = 'Datum van de operatie';
  const visus = pkg.referenceTables.find((table) => table.name === 'VISUS')!;
  visus.codes.push({ ...visus.codes[0]!, code: '9.99' });
  return pkg as unknown as Record<string, unknown>;
}

function day(server: TestServer, offsetDays = 0): string {
  return todayInAmsterdam(new Date(server.clock.now().getTime() + offsetDays * DAY));
}

describe('dictionary versions over time: the overlap window, B07, diff and adoption', () => {
  let server: TestServer;
  let hub: string;
  let submitter: string;
  let catSub: string;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const [row] = await ownerQuery<{ id: string }>(server, `select s.id from sub_delivery s join registry r on r.id = s.registry_id where r.code = 'CAT' and s.code = 'Cataract'`);
    catSub = row!.id;
    const draft = await uploadPackage(server, hub, 'CAT', 'Cataract', cat15());
    expect(draft).to.include({ __typename: 'DictionaryVersion', status: 'DRAFT' });
    const published = expectOk(
      await asUser<{ publishDictionaryVersion: Record<string, unknown> }>(server, hub, PUBLISH, {
        id: draft.id,
        input: { acceptedFrom: day(server), requiredFrom: day(server, 5), previousAcceptedUntil: day(server, 10) },
      }),
    ).publishDictionaryVersion;
    expect(published).to.include({ __typename: 'DictionaryVersion', status: 'ACTIVE', requiredFrom: day(server, 5) });
  });

  it('refuses dates that do not fit: required before accepted, a first day not after the previous version', async () => {
    const early = await uploadPackage(server, hub, 'CAT', 'Cataract', { ...cat15(), dictionary: { ...(cat15()['dictionary'] as object), version: '1.6' } });
    const refused = expectOk(
      await asUser<{ publishDictionaryVersion: { code: string } }>(server, hub, PUBLISH, { id: early.id, input: { acceptedFrom: '2020-01-01' } }),
    ).publishDictionaryVersion;
    expect(refused.code).to.equal('VERSION_DATES');
  });

  it('accepts deliveries with both versions during the overlap', async () => {
    for (const version of ['1.4', '1.5']) {
      const { checkDeliveryFileName } = expectOk(
        await asUser<{ checkDeliveryFileName: { problems: unknown[] } }>(server, submitter, CHECK, { name: `11111111_0_CAT_${version}_1_20260101_PROD.csv` }),
      );
      expect(checkDeliveryFileName.problems, version).to.deep.equal([]);
    }
    const delivered = await upload(server, submitter, '11111111_0_CAT_1.4_21_20260101_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    expect(delivered.__typename).to.equal('Delivery');
  });

  it('shows what changed between the versions', async () => {
    const { dictionaryDiff } = expectOk(await asUser<{ dictionaryDiff: Record<string, unknown> }>(server, '', DIFF, { sub: catSub, from: '1.4', to: '1.5' }));
    expect(dictionaryDiff).to.deep.include({ from: '1.4', to: '1.5', fieldsAdded: [], fieldsRemoved: [] });
    expect(dictionaryDiff['fieldsChanged']).to.deep.equal([{ name: 'OperatieDatum', properties: ['label'] }]);
    expect(dictionaryDiff['referenceTables']).to.deep.equal([{ name: 'VISUS', added: ['9.99'], removed: [] }]);
  });

  it('lists per version the institutions that delivered with it last (hub staff)', async () => {
    const { dictionaryAdoption } = expectOk(
      await asUser<{ dictionaryAdoption: { version: string; institutions: { code: string }[] }[] }>(
        server,
        hub,
        'query ($sub: ID!) { dictionaryAdoption(subDelivery: $sub) { version institutions { code } } }',
        { sub: catSub },
      ),
    );
    expect(dictionaryAdoption.map((entry) => entry.version)).to.deep.equal(['1.5', '1.4']);
    expect(dictionaryAdoption[1]!.institutions.map((institution) => institution.code)).to.include('11111111');
  });

  it('after the old version\'s accepted-until, refuses it with B07 naming the version to use, at upload, file-name check and file check', async () => {
    server.clock.advance(11 * DAY);
    const name = '11111111_0_CAT_1.4_22_20260101_PROD.csv';
    const refused = await upload(server, submitter, name, example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    expect(refused).to.include({ __typename: 'Refused', code: 'VERSION_NOT_ACCEPTED', field: 'version' });
    expect(refused.message).to.match(/^B07: .*1\.4.*1\.5/);
    const { checkDeliveryFileName } = expectOk(await asUser<{ checkDeliveryFileName: { problems: { code: string }[] } }>(server, submitter, CHECK, { name }));
    expect(checkDeliveryFileName.problems.map((problem) => problem.code)).to.deep.equal(['VERSION_NOT_ACCEPTED']);
    const report = expectOk(
      await uploadRequest<{ validateFile: { status: string; findings: { code: string; message: string }[] } }>(
        server.url,
        VALIDATE,
        {},
        { name, content: example('CAT/Cataract/1.4/examples/valid.csv') },
        { 'apollo-require-preflight': 'true', authorization: `Bearer ${submitter}` },
      ),
    ).validateFile;
    expect(report.status).to.equal('REJECTED');
    expect(report.findings.find((finding) => finding.code === 'B07')?.message).to.contain('1.5');
    const accepted = await upload(server, submitter, '11111111_0_CAT_1.5_23_20260101_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    expect(accepted.__typename).to.equal('Delivery');
  });
});
