import { expect } from 'chai';
import { issueToken } from '../../../server/src/access/api-token.service';
import { organisationOfInstitution } from '../../../server/src/access/organisation.service';
import { Organisation } from '../../../server/src/access/organisation.entity';
import { User } from '../../../server/src/access/user.entity';
import { Institution } from '../../../server/src/institutions/institution.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { createInstitution, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import {
  expectStablePagesAndBackwards,
  type FetchPage,
  PAGE_ARGUMENTS,
  PAGE_INFO,
  PAGE_VARIABLES,
  type PageOf,
  type PageRequest,
  readAll,
} from '../../support/paging';
import { startTestServer, type TestServer } from '../../support/server';

/** A connection's page through GraphQL: `field` is the list with its own arguments, `node` what each row selects. */
function pages<N>(
  server: TestServer,
  token: string,
  field: (args: string) => string,
  node: string,
  variables: Record<string, unknown> = {},
  declared = '',
): FetchPage<N> {
  return async (page: PageRequest) => {
    const path = field(PAGE_ARGUMENTS);
    const query = `query (${PAGE_VARIABLES}${declared}) { ${path.replace('$CONNECTION', `{ edges { cursor node { ${node} } } ${PAGE_INFO} }`)} }`;
    const data = expectOk(await asUser<Record<string, unknown>>(server, token, query, { ...variables, ...page }));
    // The connection is the innermost object holding edges.
    let found: unknown = data;
    while (found && typeof found === 'object' && !('edges' in found)) found = Object.values(found as Record<string, unknown>)[0];
    return found as PageOf<N>;
  };
}

describe('connections: keyset pages stay put when rows are added before them, and page backwards', () => {
  let server: TestServer;
  let hub: string;
  let admin: string;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
  });

  /** A user of the organisation, made directly (the lists are about order, not about inviting). */
  async function addUser(organisationId: string, name: string): Promise<void> {
    const em = server.datahub.orm.em.fork();
    const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
    em.create(User, { email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@paging.test`, name, organisation, passwordHash: null, language: 'nl' });
    await em.flush();
  }

  async function organisationOf(code: string): Promise<string> {
    const em = server.datahub.orm.em.fork();
    return (await organisationOfInstitution(em, await em.findOneOrFail(Institution, { code }))).id;
  }

  it("deliveries: a delivery uploaded between page 1 and page 2 does not repeat page 1's last row", async () => {
    const code = await createInstitution(server);
    const at = (minute: number) => new Date(Date.UTC(2026, 3, 10, 12, minute));
    for (let minute = 0; minute < 5; minute++)
      await deliver(server, {
        institution: code,
        registry: 'CAT',
        subDelivery: 'Cataract',
        period: '2026K1',
        on: '2026-04-10',
        status: DeliveryStatus.PROCESSED,
        at: at(minute),
      });
    const fetch = pages<{ id: string }>(server, hub, (args) => `deliveries(filter: { institutionCode: "${code}" }, ${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (node) => node.id,
      async () => {
        await deliver(server, {
          institution: code,
          registry: 'CAT',
          subDelivery: 'Cataract',
          period: '2026K1',
          on: '2026-04-10',
          status: DeliveryStatus.PROCESSED,
          at: at(30),
        });
      },
    );
  });

  it("deliveries: two deliveries a microsecond apart are each listed once (cursors keep PostgreSQL's precision)", async () => {
    const code = await createInstitution(server);
    const ids = [
      await deliver(server, {
        institution: code,
        registry: 'CAT',
        subDelivery: 'Cataract',
        period: '2026K1',
        on: '2026-04-10',
        status: DeliveryStatus.PROCESSED,
      }),
      await deliver(server, {
        institution: code,
        registry: 'CAT',
        subDelivery: 'Cataract',
        period: '2026K1',
        on: '2026-04-10',
        status: DeliveryStatus.PROCESSED,
      }),
    ];
    const knex = server.datahub.orm.em.getKnex();
    await knex.raw(`update delivery set delivered_at = '2026-04-10 12:00:00.000001+00' where id = ?`, [ids[0]]);
    await knex.raw(`update delivery set delivered_at = '2026-04-10 12:00:00.000002+00' where id = ?`, [ids[1]]);
    const fetch = pages<{ id: string }>(server, hub, (args) => `deliveries(filter: { institutionCode: "${code}" }, ${args}) $CONNECTION`, 'id');
    expect(await readAll(fetch, (node) => node.id, 1)).to.deep.equal([ids[1], ids[0]]);
  });

  it('expectedDeliveries: periods that become expected before page 2 do not shift it', async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2025K1' });
    type Row = { period: string; periodEnd: string; subDelivery: { code: string } };
    const fetch = pages<Row>(
      server,
      hub,
      (args) => `expectedDeliveries(filter: { institution: "${code}", state: [MISSING, OPEN] }, asOf: "2026-12-01", ${args}) $CONNECTION`,
      'period periodEnd subDelivery { code }',
    );
    await expectStablePagesAndBackwards(
      fetch,
      (row) => `${row.subDelivery.code} ${row.period} ${row.periodEnd}`,
      async () => {
        await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2025K1' });
      },
    );
  });

  it("deliveryOverview.missing: the same for the overview's missing deliveries", async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2025K1' });
    type Row = { period: string; subDelivery: { code: string } };
    const fetch = pages<Row>(
      server,
      hub,
      (args) => `deliveryOverview(institutionCode: "${code}", asOf: "2026-12-01") { missing(${args}) $CONNECTION }`,
      'period subDelivery { code }',
    );
    await expectStablePagesAndBackwards(
      fetch,
      (row) => `${row.subDelivery.code} ${row.period}`,
      async () => {
        await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2025K1' });
      },
    );
  });

  it('deliveryOverview.upcoming: a stream joined between page 1 and page 2 does not shift it', async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2025K1' });
    await participate(server, { institution: code, registry: 'MMY', subDelivery: 'IKNL', start: '2025K1' });
    type Row = { period: string; subDelivery: { code: string } };
    // Due from 6 January to 4 February 2026: CAT's TOTAAL 2025 and 2025K4, MMY IKNL's 2025H2.
    const fetch = pages<Row>(
      server,
      hub,
      (args) => `deliveryOverview(institutionCode: "${code}", asOf: "2026-01-05") { upcoming(${args}) $CONNECTION }`,
      'period subDelivery { code }',
    );
    await expectStablePagesAndBackwards(
      fetch,
      (row) => `${row.subDelivery.code} ${row.period}`,
      async () => {
        // PMICD 2025K4 is due 31 January: between CAT's two.
        await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2025K1' });
      },
    );
  });

  it("deliveryOverview.rejected: a newer rejected delivery does not repeat page 1's last row", async () => {
    const code = await createInstitution(server);
    const periods = ['2025K1', '2025K2', '2025K3', '2025K4', '2026K1'];
    for (const [index, period] of periods.entries()) {
      await deliver(server, {
        institution: code,
        registry: 'CAT',
        subDelivery: 'Cataract',
        period,
        on: `2026-04-0${index + 1}`,
        status: DeliveryStatus.REJECTED,
      });
    }
    const fetch = pages<{ deliveryId: string }>(
      server,
      hub,
      (args) => `deliveryOverview(institutionCode: "${code}", asOf: "2026-06-01") { rejected(${args}) $CONNECTION }`,
      'deliveryId',
    );
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.deliveryId,
      async () => {
        await deliver(server, {
          institution: code,
          registry: 'CAT',
          subDelivery: 'Cataract',
          period: '2024K4',
          on: '2026-05-01',
          status: DeliveryStatus.REJECTED,
        });
      },
    );
  });

  it('volumeChanges: a comparison for a newer period does not shift page 2', async () => {
    const codes = [await createInstitution(server), await createInstitution(server), await createInstitution(server)];
    const cat = (institution: string, period: string, on: string, recordCount: number) =>
      deliver(server, { institution, registry: 'CAT', subDelivery: 'Cataract', period, on, status: DeliveryStatus.PROCESSED, recordCount });
    for (const code of codes) {
      await cat(code, '2025K1', '2025-04-20', 100);
      await cat(code, '2026K1', '2026-04-20', 300);
    }
    type Row = { period: string; institution: { code: string } };
    const fetch = pages<Row>(
      server,
      hub,
      (args) => `volumeChanges(filter: { registry: "CAT" }, onlyFlagged: false, ${args}) $CONNECTION`,
      'period institution { code }',
    );
    await expectStablePagesAndBackwards(
      fetch,
      (row) => `${row.institution.code} ${row.period}`,
      async () => {
        await cat(codes[0] as string, '2027K1', '2027-04-20', 10);
      },
    );
  });

  it("auditEvents: entries written while paging do not repeat page 1's last entry", async () => {
    for (let round = 0; round < 3; round++) await asUser(server, admin, '{ institutionUsers(institutionCode: "11111111") { totalCount } }');
    const fetch = pages<{ id: string }>(server, hub, (args) => `auditEvents(filter: { institutionCode: "11111111" }, ${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.id,
      async () => {
        await asUser(server, admin, '{ institutionUsers(institutionCode: "11111111") { totalCount } }');
      },
    );
  });

  it('Delivery.reportLines: a line added at the head of the report does not shift page 2; NULL record numbers page in report order', async () => {
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_801_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/invalid-records.csv'), {
      period: '2026K1',
    });
    await settled(server, delivery.id);
    const knex = server.datahub.orm.em.getKnex();
    const fetch = pages<{ ordinal: number }>(
      server,
      submitter,
      (args) => `delivery(id: $id) { reportLines(${args}) $CONNECTION }`,
      'ordinal',
      { id: delivery.id },
      ', $id: ID!',
    );
    await expectStablePagesAndBackwards(
      fetch,
      (line) => String(line.ordinal),
      async () => {
        // A file-level line (no record number) comes before every record's lines.
        await knex.raw(
          `insert into report_line (delivery_id, ordinal, record_number, code, class, field, params, key_values)
        select delivery_id, 9999, null, code, class, field, params, key_values from report_line where delivery_id = ? order by ordinal limit 1`,
          [delivery.id],
        );
      },
    );
    const order = (await knex.raw(`select ordinal from report_line where delivery_id = ? order by record_number nulls first, ordinal`, [delivery.id])) as {
      rows: { ordinal: number }[];
    };
    expect(await readAll(fetch, (line) => String(line.ordinal), 1)).to.deep.equal(order.rows.map((row) => String(row.ordinal)));
  });

  it('institutionUsers: a colleague whose name sorts first does not shift page 2', async () => {
    const organisation = await organisationOf('11111111');
    for (const name of ['Piet Paging', 'Zora Zijlstra']) await addUser(organisation, name);
    const fetch = pages<{ id: string }>(server, admin, (args) => `institutionUsers(institutionCode: "11111111", ${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.id,
      () => addUser(organisation, '0 Eerste Collega'),
    );
  });

  it("organisationUsers: the same for any organisation's people", async () => {
    const organisation = await organisationOf('15330041');
    for (const name of ['Bea Bakker', 'Cor Claassen', 'Dirk Dekker']) await addUser(organisation, name);
    const fetch = pages<{ id: string }>(server, hub, (args) => `organisationUsers(organisationId: "${organisation}", ${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.id,
      () => addUser(organisation, '0 Eerste Collega'),
    );
  });

  it("openInvitations: an invitation sent between page 1 and page 2 does not repeat page 1's last one", async () => {
    const invite = async (name: string) => {
      const input = { email: `${name}@uitnodiging.test`, name, role: 'SUBMITTER', institutionCode: '11111111', registryCodes: ['CAT'] };
      expectOk(await asUser(server, admin, 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename } }', { input }));
      server.clock.advance(1000);
    };
    for (const name of ['een', 'twee', 'drie', 'vier']) await invite(name);
    const fetch = pages<{ id: string }>(server, admin, (args) => `openInvitations(institutionCode: "11111111", ${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.id,
      () => invite('vijf'),
    );
  });

  it("apiTokens: a token made between page 1 and page 2 does not repeat page 1's last one", async () => {
    const em = server.datahub.orm.em.fork();
    const user = await em.findOneOrFail(User, { email: 'inzage@zuidermeer.test' });
    const make = async (name: string) => {
      await issueToken(em, { user }, name, 30, server.clock.now(), null);
      server.clock.advance(1000);
    };
    for (const name of ['a', 'b', 'c', 'd']) await make(name);
    const viewer = await tokenFor(server, 'inzage@zuidermeer.test');
    server.clock.advance(1000);
    const fetch = pages<{ id: string }>(server, viewer, (args) => `apiTokens(${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.id,
      () => make('e'),
    );
  });

  it('organisations: an organisation whose name sorts first does not shift page 2', async () => {
    const create = async (name: string) =>
      expectOk(
        await asUser(server, hub, 'mutation ($name: String!) { createOrganisation(kind: REQUESTER, name: $name) { __typename ... on Organisation { id } } }', {
          name,
        }),
      );
    await create('1 Onderzoek Een');
    await create('2 Onderzoek Twee');
    const fetch = pages<{ id: string }>(server, hub, (args) => `organisations(${args}) $CONNECTION`, 'id');
    await expectStablePagesAndBackwards(
      fetch,
      (row) => row.id,
      async () => {
        await create('0 Onderzoek Nul');
      },
    );
  });
});
