import { expect } from 'chai';
import { asUser, tokenFor } from '../../support/actors';
import { sharedServer, type TestServer } from '../../support/server';
import { demoInstitutions } from '../../../server/src/db/seeds/demo-data';

interface InstitutionRow {
  code: string;
  name: string;
  type: string;
  active: boolean;
  units: { number: number; name: string }[];
}

describe('institutions and institution(code) queries', () => {
  let server: TestServer;
  let hub: string;
  const query = <T>(q: string, token = hub) => asUser<T>(server, token, q);
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('lists every demo institution to hub staff, sorted by name, each with an 8-digit code and unit 0', async () => {
    const response = await query<{ institutions: InstitutionRow[] }>('{ institutions { code name type active units { number name } } }');
    const institutions = response.data?.institutions ?? [];
    // The server is shared: other test files add institutions of their own beside the demo's.
    expect(institutions.map((institution) => institution.code)).to.include.members(demoInstitutions.map((institution) => institution.code));
    expect(institutions.map((institution) => institution.name)).to.deep.equal(
      [...institutions.map((institution) => institution.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    for (const institution of institutions) {
      expect(institution.code).to.match(/^\d{8}$/);
      expect(institution.units[0]?.number).to.equal(0);
    }
  });

  it('filters on active: the inactive list holds only inactive institutions', async () => {
    const response = await query<{ institutions: InstitutionRow[] }>('{ institutions(active: false) { code active } }');
    expect(response.data?.institutions.length).to.be.greaterThan(0);
    expect(response.data?.institutions.every((institution) => !institution.active)).to.equal(true);
  });

  it('finds one institution by code with its units in number order', async () => {
    const response = await query<{ institution: InstitutionRow }>('{ institution(code: "15330041") { code name type units { number name } } }');
    expect(response.data?.institution.name).to.equal('Maasdal Medisch Centrum');
    expect(response.data?.institution.units.map((unit) => unit.number)).to.deep.equal([0, 1, 2]);
  });

  it('answers null for an unknown code', async () => {
    const response = await query('{ institution(code: "99999999") { code } }');
    expect(response.data).to.deep.equal({ institution: null });
  });

  it("shows a submitter only their own institution, and another institution's code answers as if unknown", async () => {
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const list = await query<{ institutions: InstitutionRow[] }>('{ institutions { code } }', submitter);
    const other = await query('{ institution(code: "15330041") { code name } }', submitter);
    expect(list.data?.institutions.map((institution) => institution.code)).to.deep.equal(['11111111']);
    expect(other).to.deep.equal({ status: 200, data: { institution: null } });
  });

  it('refuses the list to an anonymous caller with UNAUTHENTICATED', async () => {
    const anonymous = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ institutions { code } }' }),
    }).then((r) => r.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>);
    expect(anonymous.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
  });
});
