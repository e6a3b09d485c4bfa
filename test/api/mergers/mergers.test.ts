import { expect } from 'chai';
import { Role } from '../../../server/src/kernel/role';
import { DeliveryStatus } from '../../../server/src/deliveries/delivery-status';
import { APPLY_MERGERS, workerTasks } from '../../../server/src/jobs/worker';
import { todayInAmsterdam } from '../../../server/src/common/calendar';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, createInstitutionUser, deliver, participate } from '../../support/delivery-rows';
import { ownerQuery, sharedServer, type TestServer } from '../../support/server';
import { uploadRequest } from '../../support/upload';
import { expected } from '../overviews/helpers';

const MERGE = `mutation ($input: MergeInstitutionInput!) { mergeInstitution(input: $input) {
  __typename ... on InstitutionMerger { id effectiveDate appliedAt from { code } into { code } }
  ... on Refused { code field message parameters { name value } } } }`;

interface MergeAnswer {
  mergeInstitution: {
    __typename: string;
    id?: string;
    appliedAt?: string | null;
    from?: { code: string };
    into?: { code: string };
    code?: string;
    field?: string;
    message?: string;
    parameters?: { name: string; value: string }[];
  };
}

const PARTICIPATIONS = `query ($code: String!) { participations(institutionCode: $code) { state channel startPeriod endPeriod subDelivery { code registry { code } } } }`;
interface ParticipationRow {
  state: string;
  channel: string;
  startPeriod: string;
  endPeriod: string | null;
  subDelivery: { code: string; registry: { code: string } };
}

describe('mergers: institution A joins B from a day', () => {
  let server: TestServer;
  let hub: string;
  let a: string;
  let b: string;
  let beforeMerger: { cat: string; pmicdRejected: string };
  let afterMerger: string;
  let answer: MergeAnswer['mergeInstitution'];

  const merge = async (input: Record<string, unknown>) => expectOk(await asUser<MergeAnswer>(server, hub, MERGE, { input })).mergeInstitution;
  const participations = async (code: string) =>
    expectOk(await asUser<{ participations: ParticipationRow[] }>(server, hub, PARTICIPATIONS, { code })).participations.sort((x, y) =>
      x.subDelivery.code.localeCompare(y.subDelivery.code),
    );
  const heldRecords = async (code: string) =>
    Number(
      (
        await ownerQuery<{ count: string }>(server, 'select count(*) from held_record h join institution i on i.id = h.institution_id where i.code = $1', [
          code,
        ])
      )[0]?.count,
    );

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    a = await createInstitution(server, 'Fusieziekenhuis A');
    b = await createInstitution(server, 'Fusieziekenhuis B');
    await participate(server, { institution: a, registry: 'CAT', subDelivery: 'Cataract', start: '2025K1' });
    await participate(server, { institution: a, registry: 'PMICD', subDelivery: 'PMICD', start: '2025K1' });
    await participate(server, { institution: b, registry: 'PMICD', subDelivery: 'PMICD', start: '2024K1' });
    beforeMerger = {
      cat: await deliver(server, {
        institution: a,
        registry: 'CAT',
        subDelivery: 'Cataract',
        period: '2025K4',
        on: '2026-01-20',
        status: DeliveryStatus.PROCESSED,
      }),
      pmicdRejected: await deliver(server, {
        institution: a,
        registry: 'PMICD',
        subDelivery: 'PMICD',
        period: '2025K4',
        on: '2026-01-25',
        status: DeliveryStatus.REJECTED,
      }),
    };
    // Delivered by A after the day the merger is recorded to take effect (a merger recorded late).
    afterMerger = await deliver(server, {
      institution: a,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED,
    });
    await ownerQuery(
      server,
      `insert into held_record (sub_delivery_id, institution_id, record_key, patient_ref, payload, delivery_id, version, updated_at)
       select d.sub_delivery_id, d.institution_id, 'key-' || n, null, '{"a":"1"}'::jsonb, d.id, 1, now() from delivery d, generate_series(1, 3) n where d.id = $1`,
      [beforeMerger.cat],
    );
    answer = await merge({ from: a, into: b, effectiveDate: '2026-04-01', note: 'Bestuurlijke fusie' });
  });

  it('records the merger and, its day having come, applies it at once', () => {
    expect([answer.__typename, answer.from?.code, answer.into?.code, typeof answer.appliedAt]).to.deep.equal(['InstitutionMerger', a, b, 'string']);
  });

  it("B takes over A's participations from the period of the merger day, with A's state and channel; B's own stays as it was", async () => {
    expect((await participations(b)).map((row) => [row.subDelivery.code, row.state, row.channel, row.startPeriod, row.endPeriod])).to.deep.equal([
      ['Cataract', 'PRODUCTION', 'PORTAL', '2026K2', null],
      ['PMICD', 'PRODUCTION', 'PORTAL', '2024K1', null],
    ]);
  });

  it("A's participations end at the period before the merger day", async () => {
    expect((await participations(a)).map((row) => [row.subDelivery.code, row.state, row.endPeriod])).to.deep.equal([
      ['Cataract', 'ENDED', '2026K1'],
      ['PMICD', 'ENDED', '2026K1'],
    ]);
  });

  it('expected deliveries continue under B from the merger period, and stay under A before it', async () => {
    const periods = async (code: string) =>
      (await expected(server, hub, { institution: code, registry: 'CAT', state: ['MISSING', 'ON_TIME', 'LATE', 'OPEN'] }, '2026-12-01')).nodes
        .map((row) => row.period)
        .filter((period) => period.startsWith('2026K'));
    expect([await periods(a), await periods(b)]).to.deep.equal([['2026K1'], ['2026K2', '2026K3', '2026K4']]);
  });

  it("A's held records are copied into B's record store, and A keeps its own", async () => {
    expect([await heldRecords(a), await heldRecords(b)]).to.deep.equal([3, 3]);
  });

  it('a delivery for A is refused from the merger day with INSTITUTION_MERGED, naming B', async () => {
    const submitter = await tokenFor(server, await createInstitutionUser(server, a, Role.SUBMITTER, 'CAT'));
    const response = await uploadRequest<{ uploadDelivery: { __typename: string; code?: string; parameters?: { name: string; value: string }[] } }>(
      server.url,
      'mutation ($file: Upload!, $input: UploadDeliveryInput!) { uploadDelivery(file: $file, input: $input) { __typename ... on Refused { code parameters { name value } } } }',
      { input: { period: '2026K4' } },
      { name: `${a}_0_CAT_1.4_7_20261201_PROD.csv`, content: 'x\n' },
      { 'apollo-require-preflight': 'true', authorization: `Bearer ${submitter}` },
    );
    const refused = expectOk(response).uploadDelivery;
    expect([refused.code, refused.parameters?.find((parameter) => parameter.name === 'into')?.value]).to.deep.equal(['INSTITUTION_MERGED', b]);
  });

  describe("B's users read A's history up to the merger day", () => {
    let bAdmin: string;
    before(async () => {
      bAdmin = await tokenFor(server, await createInstitutionUser(server, b, Role.LOCAL_ADMIN));
    });

    it("B's local administrator lists A's deliveries from before the day, not those after it", async () => {
      const ids = expectOk(
        await asUser<{ deliveries: { nodes: { id: string }[] } }>(
          server,
          bAdmin,
          'query ($code: String) { deliveries(filter: { institutionCode: $code }) { nodes { id } } }',
          {
            code: a,
          },
        ),
      ).deliveries.nodes.map((node) => node.id);
      expect(ids.sort()).to.deep.equal([beforeMerger.cat, beforeMerger.pmicdRejected].sort());
    });

    it("B's local administrator opens A's delivery and its report export, but not A's delivery after the day", async () => {
      const read = async (id: string) =>
        expectOk(await asUser<{ delivery: { id: string } | null }>(server, bAdmin, 'query ($id: ID!) { delivery(id: $id) { id } }', { id })).delivery?.id ??
        null;
      const status = async (id: string) =>
        (await fetch(`${server.url}/api/deliveries/${id}/report.csv`, { headers: { authorization: `Bearer ${bAdmin}` } })).status;
      expect([await read(beforeMerger.pmicdRejected), await read(afterMerger), await status(beforeMerger.cat), await status(afterMerger)]).to.deep.equal([
        beforeMerger.pmicdRejected,
        null,
        200,
        404,
      ]);
    });

    it("B's local administrator sees A's Overzicht with its rejected delivery", async () => {
      const overview = expectOk(
        await asUser<{ deliveryOverview: { rejected: { nodes: { deliveryId: string }[] } } | null }>(
          server,
          bAdmin,
          'query ($code: String!) { deliveryOverview(institutionCode: $code, asOf: "2026-12-01") { rejected { nodes { deliveryId } } } }',
          { code: a },
        ),
      ).deliveryOverview;
      expect(overview?.rejected.nodes.map((row) => row.deliveryId)).to.deep.equal([beforeMerger.pmicdRejected]);
    });

    it("A's own local administrator still reads all of A's history", async () => {
      const aAdmin = await tokenFor(server, await createInstitutionUser(server, a, Role.LOCAL_ADMIN));
      const read = async (id: string) =>
        expectOk(await asUser<{ delivery: { id: string } | null }>(server, aAdmin, 'query ($id: ID!) { delivery(id: $id) { id } }', { id })).delivery?.id ??
        null;
      expect([await read(beforeMerger.cat), await read(afterMerger)]).to.deep.equal([beforeMerger.cat, afterMerger]);
    });

    it("a third institution's local administrator reads none of A's history", async () => {
      const other = await tokenFor(server, await createInstitutionUser(server, await createInstitution(server), Role.LOCAL_ADMIN));
      const found = expectOk(await asUser<{ delivery: unknown }>(server, other, 'query ($id: ID!) { delivery(id: $id) { id } }', { id: beforeMerger.cat }));
      expect(found.delivery).to.equal(null);
    });
  });

  it('the institutions show the merger: A mergedInto B, B mergedFrom A', async () => {
    const query = 'query ($code: String!) { institution(code: $code) { mergedInto { into { code } } mergedFrom { from { code } } } }';
    type Answer = { institution: { mergedInto: { into: { code: string } } | null; mergedFrom: { from: { code: string } }[] } };
    const [ofA, ofB] = [expectOk(await asUser<Answer>(server, hub, query, { code: a })), expectOk(await asUser<Answer>(server, hub, query, { code: b }))];
    expect([ofA.institution.mergedInto?.into.code, ofB.institution.mergedFrom.map((row) => row.from.code)]).to.deep.equal([b, [a]]);
  });

  it('refuses a second merger of A, a merger into A, a merger into itself and an unknown code', async () => {
    const c = await createInstitution(server);
    const refusals = [
      await merge({ from: a, into: c, effectiveDate: '2026-06-01', note: 'n' }),
      await merge({ from: c, into: a, effectiveDate: '2026-06-01', note: 'n' }),
      await merge({ from: c, into: c, effectiveDate: '2026-06-01', note: 'n' }),
      await merge({ from: c, into: '99999997', effectiveDate: '2026-06-01', note: 'n' }),
      await merge({ from: c, into: b, effectiveDate: '2026-06-01', note: ' ' }),
    ];
    expect(refusals.map((refusal) => [refusal.code, refusal.field])).to.deep.equal([
      ['ALREADY_MERGED', 'from'],
      ['ALREADY_MERGED', 'into'],
      ['MERGE_INTO_ITSELF', 'into'],
      ['UNKNOWN_INSTITUTION', 'into'],
      ['REASON_REQUIRED', 'note'],
    ]);
  });

  it('is audited for both institutions', async () => {
    const rows = await ownerQuery<{ action: string; code: string }>(
      server,
      `select e.action, i.code from audit_event e join institution i on i.id = e.institution_id where e.object_type = 'InstitutionMerger' and i.code in ($1, $2)`,
      [a, b],
    );
    expect(rows.map((row) => `${row.action} ${row.code}`).sort()).to.deep.equal(
      [`applyMerger ${a}`, `applyMerger ${b}`, `mergeInstitution ${a}`, `mergeInstitution ${b}`].sort(),
    );
  });

  it('a merger dated in the future is applied by the hourly task once its day has come, and only once', async () => {
    const [from, into] = [await createInstitution(server), await createInstitution(server)];
    await participate(server, { institution: from, registry: 'CAT', subDelivery: 'Cataract', start: '2025K1' });
    const day = new Date(server.clock.now().getTime() + 10 * 86_400_000);
    const pending = await merge({ from, into, effectiveDate: todayInAmsterdam(day), note: 'Later' });
    expect(pending.appliedAt).to.equal(null);
    const shift = 11 * 86_400_000;
    server.clock.advance(shift);
    try {
      await workerTasks(server.datahub.services)[APPLY_MERGERS]!({}, {} as never);
      await workerTasks(server.datahub.services)[APPLY_MERGERS]!({}, {} as never);
    } finally {
      server.clock.advance(-shift);
    }
    expect((await participations(into)).map((row) => [row.subDelivery.code, row.state])).to.deep.equal([['Cataract', 'PRODUCTION']]);
    const applied = await ownerQuery<{ count: string }>(server, `select count(*) from audit_event where action = 'applyMerger' and object_id = $1`, [
      pending.id,
    ]);
    expect(applied[0]?.count).to.equal('2');
  });
});
