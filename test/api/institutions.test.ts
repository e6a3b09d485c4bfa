import { expect } from 'chai';
import { graphql } from '../support/client';
import { sharedServer } from '../support/server';

interface InstitutionRow {
  code: string;
  name: string;
  type: string;
  active: boolean;
  units: { number: number; name: string }[];
}

describe('institutions and institution(code) queries', () => {
  let url: string;
  before(async () => {
    url = (await sharedServer()).url;
  });

  it('lists about twenty demo institutions sorted by name, each with an 8-digit code and unit 0', async () => {
    const response = await graphql<{ institutions: InstitutionRow[] }>(url, '{ institutions { code name type active units { number name } } }');
    const institutions = response.data?.institutions ?? [];
    expect(institutions.length).to.be.within(18, 25);
    expect(institutions.map((institution) => institution.name)).to.deep.equal(
      [...institutions.map((institution) => institution.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    for (const institution of institutions) {
      expect(institution.code).to.match(/^\d{8}$/);
      expect(institution.units[0]?.number).to.equal(0);
    }
  });

  it('filters on active: the inactive list holds only inactive institutions', async () => {
    const response = await graphql<{ institutions: InstitutionRow[] }>(url, '{ institutions(active: false) { code active } }');
    expect(response.data?.institutions.length).to.be.greaterThan(0);
    expect(response.data?.institutions.every((institution) => !institution.active)).to.equal(true);
  });

  it('finds one institution by code with its units in number order', async () => {
    const response = await graphql<{ institution: InstitutionRow }>(url, '{ institution(code: "15330041") { code name type units { number name } } }');
    expect(response.data?.institution.name).to.equal('Maasdal Medisch Centrum');
    expect(response.data?.institution.units.map((unit) => unit.number)).to.deep.equal([0, 1, 2]);
  });

  it('answers null for an unknown code', async () => {
    const response = await graphql(url, '{ institution(code: "99999999") { code } }');
    expect(response.data).to.deep.equal({ institution: null });
  });
});
