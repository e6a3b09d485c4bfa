import { expect } from 'chai';
import { graphql } from '../../support/client';
import { sharedServer } from '../../support/server';

interface SubDeliveryRow {
  code: string;
  frequency: string;
  deadline: string | null;
  registry: { code: string };
  dictionaryVersions: { version: string; status: string }[];
}
interface RegistryRow {
  code: string;
  holder: string;
  acceptedChannels: string[];
  producesInformationProduct: boolean;
  subDeliveries: SubDeliveryRow[];
}

const REGISTRY_FIELDS = `code holder acceptedChannels producesInformationProduct
  subDeliveries { code frequency deadline(period: "2026K1") registry { code } dictionaryVersions { version status } }`;

describe('registries and registry(code) queries', () => {
  let url: string;
  before(async () => {
    url = (await sharedServer()).url;
  });

  it('lists the seeded registries CAT, MMY and PMICD sorted by code', async () => {
    const response = await graphql<{ registries: RegistryRow[] }>(url, `{ registries { ${REGISTRY_FIELDS} } }`);
    expect(response.errors).to.equal(undefined);
    expect(response.data?.registries.map((registry) => registry.code)).to.deep.equal(['CAT', 'MMY', 'PMICD']);
  });

  it('gives MMY its two sub-deliveries IKNL and PROMS with their dictionary versions 2.1 and 1.0', async () => {
    const response = await graphql<{ registry: RegistryRow }>(url, `{ registry(code: "MMY") { ${REGISTRY_FIELDS} } }`);
    const subDeliveries = response.data?.registry.subDeliveries ?? [];
    expect(subDeliveries.map((sub) => [sub.code, sub.dictionaryVersions.map((version) => version.version)])).to.deep.equal([
      ['IKNL', ['2.1']],
      ['PROMS', ['1.0']],
    ]);
    expect(subDeliveries.every((sub) => sub.registry.code === 'MMY' && sub.frequency === 'HALF_YEAR')).to.equal(true);
  });

  it("computes each sub-delivery's deadline for a period by the spec's rule", async () => {
    const response = await graphql<{ registries: RegistryRow[] }>(url, `{ registries { ${REGISTRY_FIELDS} } }`);
    const deadlines = Object.fromEntries(
      (response.data?.registries ?? []).flatMap((registry) => registry.subDeliveries.map((sub) => [`${registry.code}/${sub.code}`, sub.deadline])),
    );
    expect(deadlines).to.deep.equal({
      'CAT/Cataract': '2026-05-01',
      'MMY/IKNL': '2027-02-01',
      'MMY/PROMS': '2027-02-01',
      'PMICD/PMICD': '2026-04-30',
    });
  });

  it('shows CAT accepting the portal, FHIR and the entry portal, and the hub producing its information product', async () => {
    const response = await graphql<{ registry: RegistryRow }>(url, `{ registry(code: "CAT") { ${REGISTRY_FIELDS} } }`);
    expect(response.data?.registry.acceptedChannels).to.deep.equal(['PORTAL', 'FHIR', 'ENTRY_PORTAL']);
    expect(response.data?.registry.producesInformationProduct).to.equal(true);
  });

  it('answers null for an unknown registry code, without an error', async () => {
    const response = await graphql(url, '{ registry(code: "NOPE") { code } }');
    expect(response.errors).to.equal(undefined);
    expect(response.data).to.deep.equal({ registry: null });
  });
});
