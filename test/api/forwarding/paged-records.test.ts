import { expect } from 'chai';
import { Organisation } from '../../../server/src/access/organisation.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * The paged GraphQL read of an authorisation (for small sets), "what is new since the last fetch",
 * what an afname names (processor, who, authorisation) and the hub-wide authorisation list.
 */
const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { id } ... on Refusal { code message } } }`;
const GRANT = `mutation ($input: GrantAuthorisationInput!) { grantAuthorisation(input: $input) { __typename ... on Authorisation { id } ... on Refusal { code message } } }`;
const REVOKE = `mutation ($id: ID!) { revokeAuthorisation(authorisationId: $id) { __typename } }`;
const RECORDS = `query ($id: ID!, $since: String, $first: Int, $after: String) {
  forwardedRecords(authorisationId: $id, since: $since, first: $first, after: $after) {
    __typename
    ... on ForwardedRecords { changeCursor afnameId records { pageInfo { hasNextPage endCursor } nodes { recordKey version institution period status fields { name value } } } }
    ... on Refusal { code }
  }
}`;
const MINE = `{ myAuthorisations(first: 10) { nodes { id changesSinceLastFetch lastFetch { id recordCount } } } }`;
const AFNAMES = `query ($code: String!) { afnames(institutionCode: $code, first: 20) { nodes { id format recordCount fetchedBy processor { name } authorisation { id purpose } } } }`;
const ALL = `query ($filter: AuthorisationFilterInput) { allAuthorisations(filter: $filter, first: 50) { totalCount nodes { id institution { code } } } }`;

interface RecordNode {
  recordKey: string;
  version: number;
  institution: string;
  period: string;
  status: string;
  fields: { name: string; value: string | null }[] | null;
}
interface RecordsPage {
  __typename: string;
  changeCursor: string;
  afnameId: string;
  records: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RecordNode[] };
}

describe('forwarding through GraphQL: paged records, changes since the last fetch, and what afnames name', function () {
  this.timeout(90000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let processor: string;
  let submitter: string;
  let nhrId: string;
  let authorisationId: string;
  let changeCursor: string;

  const records = async (variables: Record<string, unknown>) =>
    expectOk(await asUser<{ forwardedRecords: RecordsPage }>(server, processor, RECORDS, { id: authorisationId, ...variables })).forwardedRecords;
  const mine = async () =>
    expectOk(
      await asUser<{ myAuthorisations: { nodes: { id: string; changesSinceLastFetch: number; lastFetch: { id: string; recordCount: number } | null }[] } }>(
        server,
        processor,
        MINE,
      ),
    ).myAuthorisations.nodes.find((node) => node.id === authorisationId)!;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    processor = await tokenFor(server, 'verwerker@nhr.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_821_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    expect((await settled(server, delivery.id)).status).to.equal('PROCESSED');
    nhrId = (await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' })).id;
    const link = expectOk(
      await asUser<{ linkProcessor: { id: string } }>(server, hub, LINK, {
        input: { organisationId: nhrId, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'Geslacht', 'ODS', 'VaCCPO'] },
      }),
    ).linkProcessor;
    authorisationId = expectOk(
      await asUser<{ grantAuthorisation: { id: string } }>(server, admin, GRANT, {
        // Only the quarter this test delivers: Zuidermeer's demo history holds other quarters' records.
        input: {
          linkId: link.id,
          institutionCode: '11111111',
          fields: ['VaCCPO', 'OperatieDatum'],
          purpose: 'Kwaliteitsanalyse cataract (GraphQL)',
          fromPeriod: '2026K1',
          toPeriod: '2026K1',
        },
      }),
    ).grantAuthorisation.id;
  });
  after(async () => server?.datahub.stop());

  it('counts every current record as new while the authorisation was never fetched', async () => {
    const before = await mine();
    expect(before.lastFetch).to.equal(null);
    expect(before.changesSinceLastFetch).to.equal(4);
  });

  it('pages the held records with only the granted fields, in the link order, each page recorded as an afname of its own records', async () => {
    const first = await records({ first: 3 });
    expect(first.__typename).to.equal('ForwardedRecords');
    expect(first.records.nodes).to.have.length(3);
    expect(first.records.pageInfo.hasNextPage).to.equal(true);
    for (const node of first.records.nodes) {
      expect(node.fields!.map((field) => field.name)).to.deep.equal(['OperatieDatum', 'VaCCPO']);
      expect([node.institution, node.period, node.status, node.version]).to.deep.equal(['11111111', '2026K1', 'CURRENT', 1]);
    }
    const second = await records({ first: 3, after: first.records.pageInfo.endCursor });
    expect(second.records.nodes).to.have.length(1);
    expect(second.records.pageInfo.hasNextPage).to.equal(false);
    expect(second.changeCursor).to.equal(first.changeCursor);
    const keys = [...first.records.nodes, ...second.records.nodes].map((node) => node.recordKey);
    expect(new Set(keys).size).to.equal(4);
    changeCursor = second.changeCursor;

    const afnames = expectOk(
      await asUser<{ afnames: { nodes: { id: string; format: string; recordCount: number }[] } }>(server, admin, AFNAMES, { code: '11111111' }),
    ).afnames.nodes.filter((afname) => afname.format === 'graphql');
    expect(afnames.map((afname) => [afname.id, afname.recordCount]).sort()).to.deep.equal(
      [
        [first.afnameId, 3],
        [second.afnameId, 1],
      ].sort(),
    );
  });

  it('names on each afname the processor, the user who fetched and the authorisation used', async () => {
    const afname = expectOk(
      await asUser<{
        afnames: {
          nodes: { format: string; fetchedBy: string | null; processor: { name: string } | null; authorisation: { id: string; purpose: string } | null }[];
        };
      }>(server, admin, AFNAMES, { code: '11111111' }),
    ).afnames.nodes.find((node) => node.format === 'graphql')!;
    expect(afname.processor?.name).to.equal('NHR Analysebureau');
    expect(afname.authorisation).to.deep.equal({ id: authorisationId, purpose: 'Kwaliteitsanalyse cataract (GraphQL)' });
    expect(afname.fetchedBy).to.be.a('string').and.not.equal('');
  });

  it("answers a delivery's lineage with each receiving afname's time, processor and who fetched", async () => {
    const deliveries = expectOk(
      await asUser<{ deliveries: { nodes: { id: string }[] } }>(
        server,
        admin,
        `{ deliveries(filter: { institutionCode: "11111111" }, first: 5) { nodes { id } } }`,
      ),
    ).deliveries.nodes;
    const lineage = expectOk(
      await asUser<{
        deliveryLineage: { receipts: { afname: { fetchedAt: string; fetchedBy: string | null; processor: { name: string } | null }; versions: unknown[] }[] };
      }>(
        server,
        admin,
        `query ($id: ID!) { deliveryLineage(deliveryId: $id) { receipts { afname { fetchedAt fetchedBy processor { name } } versions { recordKey version } } } }`,
        { id: deliveries[0]!.id },
      ),
    ).deliveryLineage;
    expect(lineage.receipts.map((receipt) => receipt.versions.length).sort()).to.deep.equal([1, 3]);
    for (const { afname } of lineage.receipts) {
      expect(Number.isNaN(Date.parse(afname.fetchedAt))).to.equal(false);
      expect(afname.processor?.name).to.equal('NHR Analysebureau');
      expect(afname.fetchedBy).to.be.a('string');
    }
  });

  it('exports the afnames as CSV with the processor, stream, who fetched and the purpose by name', async () => {
    const csv = expectOk(
      await asUser<{ afnamesCsv: string }>(server, admin, `query ($code: String!) { afnamesCsv(institutionCode: $code) }`, { code: '11111111' }),
    ).afnamesCsv;
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).to.equal(
      'fetchedAt,processor,registry,subDelivery,periodFrom,periodTo,fetchedBy,format,incremental,complete,records,withdrawn,authorisationId,purpose',
    );
    const graphqlRows = rows.filter((row) => row.includes(',graphql,'));
    expect(graphqlRows).to.have.length(2);
    for (const row of graphqlRows)
      expect(row).to.include(',NHR Analysebureau,CAT,Cataract,').and.include(`,${authorisationId},Kwaliteitsanalyse cataract (GraphQL)`);
    const foreign = expectOk(await asUser<{ afnamesCsv: string }>(server, admin, `{ afnamesCsv(institutionCode: "22222222") }`)).afnamesCsv;
    expect(foreign.trimEnd().split('\r\n')).to.have.length(1);
  });

  it('shows nothing new after a complete read; after a replacing delivery, exactly its changed and withdrawn records since the cursor', async () => {
    const read = await mine();
    expect(read.changesSinceLastFetch).to.equal(0);
    expect(read.lastFetch?.recordCount).to.equal(1);
    // The replacement changes one record's VaCCPO and leaves out another (withdrawn); two stay as they were.
    const lines = example('CAT/Cataract/1.4/examples/valid.csv').trimEnd().split('\n');
    const replacement = `${lines
      .slice(0, 4)
      .map((line) => (line.startsWith('11000523,') ? line.replace(',0.30,0.90,', ',0.30,1.00,') : line))
      .join('\n')}\n`;
    const again = await upload(server, submitter, '11111111_0_CAT_1.4_822_20260411_PROD.csv', replacement, { period: '2026K1' });
    // Processed with the T02 warning that held records were updated.
    expect((await settled(server, again.id)).status).to.equal('PROCESSED_WITH_ERRORS');
    expect((await mine()).changesSinceLastFetch).to.equal(2);
    const changed = await records({ since: changeCursor, first: 10 });
    const byKey = new Map(changed.records.nodes.map((node) => [node.recordKey, node]));
    expect(changed.records.nodes).to.have.length(2);
    expect(byKey.get('11000523')).to.deep.include({ version: 2, status: 'CURRENT' });
    expect(byKey.get('11000523')!.fields).to.deep.equal([
      { name: 'OperatieDatum', value: '2026-02-03' },
      { name: 'VaCCPO', value: '1.00' },
    ]);
    expect(byKey.get('11000526')).to.deep.include({ status: 'WITHDRAWN', fields: null });
    expect(changed.records.pageInfo.hasNextPage).to.equal(false);
    expect(await records({ since: changed.changeCursor, first: 10 })).to.have.nested.property('records.nodes').that.is.empty;
  });

  it('refuses an unknown authorisation as NOT_FOUND, and a since that is not a cursor as bad input', async () => {
    const unknown = expectOk(
      await asUser<{ forwardedRecords: { __typename: string; code: string } }>(server, processor, RECORDS, { id: '00000000-0000-4000-8000-000000000000' }),
    ).forwardedRecords;
    expect(unknown).to.deep.equal({ __typename: 'Refused', code: 'NOT_FOUND' });
    const bad = await asUser(server, processor, RECORDS, { id: authorisationId, since: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).to.equal('BAD_USER_INPUT');
  });

  it("lists every institution's authorisations for hub staff, filtered by processor and by whether they hold today", async () => {
    const all = async (filter: Record<string, unknown>) =>
      expectOk(await asUser<{ allAuthorisations: { totalCount: number; nodes: { id: string }[] } }>(server, hub, ALL, { filter })).allAuthorisations;
    expect((await all({ organisationId: nhrId })).nodes.map((node) => node.id)).to.include(authorisationId);
    expect((await all({ organisationId: nhrId, activeOnly: true })).nodes.map((node) => node.id)).to.include(authorisationId);
    await asUser(server, admin, REVOKE, { id: authorisationId });
    expect((await all({ organisationId: nhrId, activeOnly: true })).nodes.map((node) => node.id)).not.to.include(authorisationId);
    expect((await all({ institutionCode: '99999999' })).totalCount).to.equal(0);
    const refused = await asUser(server, admin, ALL, { filter: {} });
    expect(refused.errors?.[0]?.extensions?.code).to.be.oneOf(['FORBIDDEN', 'UNAUTHORIZED']);
  });
});
