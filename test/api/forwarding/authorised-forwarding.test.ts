import { expect } from 'chai';
import { Organisation } from '../../../server/src/access/organisation.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * Forwarding behind a real authorisation, over HTTP: hub staff link NHR to CAT with a field set,
 * Zuidermeer's local administrator grants a narrower one, NHR's processor fetches exactly that,
 * and nothing once it is revoked, nor anything under another organisation's authorisation.
 */
const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { id } ... on Refusal { code message } } }`;
const GRANT = `mutation ($input: GrantAuthorisationInput!) { grantAuthorisation(input: $input) { __typename ... on Authorisation { id } ... on Refusal { code message } } }`;
const REVOKE = `mutation ($id: ID!) { revokeAuthorisation(authorisationId: $id) { __typename ... on Refusal { code } } }`;

describe('forwarding under an authorisation: exactly the granted fields, and nothing after revocation', function () {
  this.timeout(60000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let processor: string;
  let authorisationId: string;
  const fetchCsv = (token: string, id = authorisationId) =>
    fetch(`${server.url}/api/forwarding/${id}/records.csv`, { headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    processor = await tokenFor(server, 'verwerker@nhr.test');
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_801_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    expect((await settled(server, delivery.id)).status).to.equal('PROCESSED');
    const nhr = await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' });
    const link = expectOk(
      await asUser<{ linkProcessor: { id: string } }>(server, hub, LINK, {
        input: { organisationId: nhr.id, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'Geslacht', 'ODS', 'VaCCPre', 'VaCCPO'] },
      }),
    ).linkProcessor;
    const granted = expectOk(
      await asUser<{ grantAuthorisation: { __typename: string; id: string } }>(server, admin, GRANT, {
        // Only the quarter this test delivers: Zuidermeer's demo history holds other quarters' records.
        input: {
          linkId: link.id,
          institutionCode: '11111111',
          fields: ['OperatieDatum', 'VaCCPO'],
          purpose: 'Kwaliteitsanalyse cataract',
          fromPeriod: '2026K1',
          toPeriod: '2026K1',
        },
      }),
    ).grantAuthorisation;
    expect(granted.__typename).to.equal('Authorisation');
    authorisationId = granted.id;
  });

  it('hands the processor the held records with only the granted fields, checked on the bytes received', async () => {
    const response = await fetchCsv(processor);
    expect(response.status).to.equal(200);
    const [header, ...rows] = (await response.text()).trimEnd().split('\n');
    expect(header).to.equal('recordKey,version,institution,period,status,OperatieDatum,VaCCPO');
    expect(rows).to.have.length(4);
    for (const line of rows) expect(line.split(',')).to.have.length(7);
  });

  it("answers another organisation's user (and a submitter) 404, as for an unknown authorisation", async () => {
    const other = await fetchCsv(admin);
    const unknown = await fetchCsv(processor, '00000000-0000-4000-8000-000000000000');
    expect([other.status, unknown.status]).to.deep.equal([404, 404]);
    expect(await other.text()).to.equal(await unknown.text());
  });

  it('refuses the very next request after the local administrator revokes it', async () => {
    const revoked = expectOk(await asUser<{ revokeAuthorisation: { __typename: string } }>(server, admin, REVOKE, { id: authorisationId })).revokeAuthorisation;
    expect(revoked.__typename).to.equal('Authorisation');
    expect((await fetchCsv(processor)).status).to.equal(404);
  });
});
