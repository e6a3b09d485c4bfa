import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { graphql } from '../../support/client';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';
import { uploadRequest } from '../../support/upload';
import { packageFixture, PUBLISH, UPLOAD_PACKAGE, uploadPackage } from './packages';

const CREATE_REGISTRY = `mutation ($input: CreateRegistryInput!) { createRegistry(input: $input) { __typename ... on Registry { id code name holder acceptedChannels producesInformationProduct } ... on Refusal { refusal: code field } } }`;
const CREATE_SUB = `mutation ($input: CreateSubDeliveryInput!) { createSubDelivery(input: $input) { __typename ... on SubDelivery { id code frequency deadline(period: "2026K1") } ... on Refusal { refusal: code field } } }`;

describe('onboarding a registry from an uploaded dictionary package', () => {
  let server: TestServer;
  let hub: string;
  let subDeliveryId: string;
  let draftId: string;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('hub staff create a registry and a sub-delivery, audited', async () => {
    const registry = expectOk(
      await asUser<{ createRegistry: Record<string, unknown> }>(server, hub, CREATE_REGISTRY, {
        input: { code: 'OOG', name: 'Oogchirurgie', holder: 'Stichting Oog', acceptedChannels: ['PORTAL', 'PORTAL'], producesInformationProduct: true },
      }),
    ).createRegistry;
    expect(registry).to.include({ __typename: 'Registry', code: 'OOG', holder: 'Stichting Oog' });
    expect(registry['acceptedChannels']).to.deep.equal(['PORTAL']);
    const sub = expectOk(
      await asUser<{ createSubDelivery: { __typename: string; id: string; deadline: string } }>(server, hub, CREATE_SUB, {
        input: { registry: 'OOG', code: 'Cataract', name: 'Cataract', frequency: 'QUARTER', deadlineRule: { kind: 'AFTER_PERIOD_END', monthsAfterPeriodEnd: 2, day: 1 } },
      }),
    ).createSubDelivery;
    expect(sub).to.include({ __typename: 'SubDelivery', deadline: '2026-05-01' });
    subDeliveryId = sub.id;
    const audit = await ownerQuery<{ action: string }>(server,
      `select action from audit_event where action in ('createRegistry', 'createSubDelivery') and object_id in ($1, $2)`,
      [registry['id'], sub.id],
    );
    expect(audit.map((row) => row.action).sort()).to.deep.equal(['createRegistry', 'createSubDelivery']);
  });

  it('refuses a registry code taken, a bad code and a sub-delivery twice', async () => {
    const again = await asUser<{ createRegistry: { refusal: string; field: string } }>(server, hub, CREATE_REGISTRY, {
      input: { code: 'CAT', name: 'x', holder: 'y', acceptedChannels: ['PORTAL'] },
    });
    expect(expectOk(again).createRegistry).to.deep.equal({ __typename: 'Refused', refusal: 'REGISTRY_EXISTS', field: 'code' });
    const bad = await asUser<{ createRegistry: { refusal: string } }>(server, hub, CREATE_REGISTRY, { input: { code: 'cat!', name: 'x', holder: 'y', acceptedChannels: ['PORTAL'] } });
    expect(expectOk(bad).createRegistry.refusal).to.equal('CODE_FORMAT');
    const twice = await asUser<{ createSubDelivery: { refusal: string } }>(server, hub, CREATE_SUB, {
      input: { registry: 'CAT', code: 'Cataract', name: 'x', frequency: 'QUARTER', deadlineRule: { kind: 'AFTER_PERIOD_END', monthsAfterPeriodEnd: 2, day: 1 } },
    });
    expect(expectOk(twice).createSubDelivery.refusal).to.equal('SUB_DELIVERY_EXISTS');
  });

  it('refuses a broken package with the JSON path of each problem, storing nothing', async () => {
    const answer = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('broken-field-type.json'));
    expect(answer.__typename).to.equal('DictionaryPackageRefused');
    expect(answer.code).to.equal('DICTIONARY_PACKAGE_INVALID');
    expect(answer.problems!.map((p) => p.path)).to.include('$.dictionary.fields[3].type');
    const references = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('broken-references.json'));
    expect(references.problems!.map((p) => p.path)).to.include.members(['$.dictionary.fields[2].referenceTable', '$.referenceTables[0].codes[5].code']);
    const notJson = await uploadPackage(server, hub, 'OOG', 'Cataract', '{"format":');
    expect(notJson.problems![0]!.path).to.equal('$');
    const rows = await ownerQuery(server, `select 1 from dictionary_version where sub_delivery_id = $1`, [subDeliveryId]);
    expect(rows).to.have.length(0);
  });

  it('refuses a package whose example does not give its expected outcome, naming the example and the difference', async () => {
    const answer = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('broken-example.json'));
    expect(answer.__typename).to.equal('DictionaryPackageRefused');
    expect(answer.problems).to.have.length(1);
    expect(answer.problems![0]!.path).to.equal('$.examples.files[0]');
    expect(answer.problems![0]!.message).to.contain('valid.csv').and.to.contain('status PROCESSED instead of REJECTED');
  });

  it('refuses a package for another registry than the one uploaded to', async () => {
    const answer = await uploadPackage(server, hub, 'CAT', 'Cataract', packageFixture('good-oog-1.0.json'));
    expect(answer.problems!.map((p) => p.path)).to.include('$.dictionary.registry');
  });

  it('stores a good package as a draft; the same draft again is its next revision', async () => {
    const first = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('good-oog-1.0.json'));
    expect(first).to.include({ __typename: 'DictionaryVersion', version: '1.0', status: 'DRAFT', revision: 1 });
    const second = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('good-oog-1.0.json'));
    expect(second).to.include({ id: first.id, revision: 2 });
    draftId = first.id!;
    const { dictionary } = expectOk(await graphql<{ dictionary: unknown }>(server.url, '{ dictionary(id: "OOG/Cataract/1.0") { id } }'));
    expect(dictionary, 'a draft is not a published dictionary').to.equal(null);
  });

  it('publishes the draft: the catalogue, the schedules and the registry show it without a restart', async () => {
    const published = expectOk(
      await asUser<{ publishDictionaryVersion: Record<string, unknown> }>(server, hub, PUBLISH, { id: draftId, input: { acceptedFrom: '2026-01-01' } }),
    ).publishDictionaryVersion;
    expect(published).to.include({ __typename: 'DictionaryVersion', status: 'ACTIVE', acceptedFrom: '2026-01-01', requiredFrom: '2026-01-01', acceptedUntil: null });
    const { dictionary } = expectOk(await graphql<{ dictionary: { id: string; fields: unknown[] } | null }>(server.url, '{ dictionary(id: "OOG/Cataract/1.0") { id fields { name } } }'));
    expect(dictionary?.id).to.equal('OOG/Cataract/1.0');
    const schedules = await ownerQuery<{ frequency: string }>(server, `select frequency from delivery_schedule where sub_delivery_id = $1 order by 1`, [subDeliveryId]);
    expect(schedules.map((row) => row.frequency)).to.deep.equal(['QUARTER', 'TOTAL']);
    const again = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('good-oog-1.0.json'));
    expect(again).to.include({ __typename: 'Refused', code: 'VERSION_PUBLISHED' });
    const audit = await ownerQuery(server, `select 1 from audit_event where action = 'publishDictionaryVersion' and object_id = $1`, [draftId]);
    expect(audit).to.have.length(1);
  });

  it('refuses every onboarding operation to anyone but hub staff', async () => {
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const answer = await uploadRequest(
      server.url,
      UPLOAD_PACKAGE,
      { registry: 'OOG', subDelivery: 'Cataract' },
      { name: 'package.json', content: '{}' },
      { 'apollo-require-preflight': 'true', authorization: `Bearer ${submitter}` },
    );
    expect(answer.errors?.[0]?.extensions?.['code']).to.equal('FORBIDDEN');
    const publish = await asUser(server, submitter, PUBLISH, { id: draftId, input: { acceptedFrom: '2026-01-01' } });
    expect(publish.errors?.[0]?.extensions?.['code']).to.equal('FORBIDDEN');
    const adoption = await asUser(server, submitter, `query ($id: ID!) { dictionaryAdoption(subDelivery: $id) { version } }`, { id: subDeliveryId });
    expect(adoption.errors?.[0]?.extensions?.['code']).to.equal('FORBIDDEN');
  });
});
