import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

interface DemoDelivery {
  id: string;
  status: string;
  errorCount: number;
  warningCount: number;
  recordCount: number;
  reportLines: { nodes: { class: string }[] };
  reportTotals: { class: string; count: number }[];
}

const ERROR_CLASSES = ['F', 'BF', 'TF'];

/**
 * The demo's deliveries come from processing generated files, so the Voortgang (the delivery's
 * counts) and the Verslag (its report lines) can never disagree: both are what the engine said.
 */
describe('demo data: every demo delivery was made by the real processing of a generated file', () => {
  let server: TestServer;
  let hub: string;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('the demo has processed, processed-with-errors and rejected deliveries, each with a stored file and a real hash', async () => {
    const rows = await ownerQuery<{ status: string; deliveries: string; placeholders: string }>(
      server,
      `select status, count(*) as deliveries, count(*) filter (where storage_key = 'demo/no-file' or sha256 = repeat('0', 64)) as placeholders from delivery group by status order by status`,
    );
    expect(rows.map((row) => row.status)).to.deep.equal(['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED']);
    for (const row of rows) expect(row.placeholders, row.status).to.equal('0');
  });

  it("each demo delivery's counts equal its report lines, read through the API as the Voortgang and the Verslag read them", async () => {
    const ids = await ownerQuery<{ id: string }>(
      server,
      `(select id from delivery where status = 'PROCESSED_WITH_ERRORS' order by delivered_at limit 5)
       union all (select id from delivery where status = 'REJECTED' order by delivered_at limit 5)
       union all (select id from delivery where status = 'PROCESSED' order by delivered_at limit 2)`,
    );
    expect(ids).to.have.length(12);
    for (const { id } of ids) {
      const { delivery } = expectOk(
        await asUser<{ delivery: DemoDelivery }>(
          server,
          hub,
          `query ($id: ID!) { delivery(id: $id) { id status errorCount warningCount recordCount reportLines(first: 500) { nodes { class } } reportTotals { class count } } }`,
          { id },
        ),
      );
      const errors = delivery.reportTotals.filter((total) => ERROR_CLASSES.includes(total.class)).reduce((sum, total) => sum + total.count, 0);
      const warnings = delivery.reportTotals.filter((total) => !ERROR_CLASSES.includes(total.class)).reduce((sum, total) => sum + total.count, 0);
      expect(delivery.errorCount, `${delivery.status} ${id}`).to.equal(errors);
      expect(delivery.warningCount, `${delivery.status} ${id}`).to.equal(warnings);
      const lines = delivery.reportLines.nodes;
      expect(
        lines.filter((line) => ERROR_CLASSES.includes(line.class)),
        `${delivery.status} ${id}`,
      ).to.have.length(delivery.errorCount);
      expect(lines, `${delivery.status} ${id}`).to.have.length(delivery.errorCount + delivery.warningCount);
      if (delivery.status === 'PROCESSED') expect(lines).to.have.length(0);
      else expect(lines, `${delivery.status} ${id}`).to.not.be.empty;
    }
  });

  it('each current demo delivery has exactly as many held records under its id as it accepted', async () => {
    const mismatches = await ownerQuery<{ id: string; accepted: number; held: number }>(
      server,
      `select d.id, d.accepted_count as accepted, (select count(*)::int from held_record h where h.delivery_id = d.id) as held
         from delivery d where d.superseded_by_id is null and d.status <> 'REJECTED' and d.test = false
        and d.accepted_count <> (select count(*) from held_record h where h.delivery_id = d.id)`,
    );
    expect(mismatches).to.deep.equal([]);
    const [row] = await ownerQuery<{ held: string }>(server, 'select count(*) as held from held_record');
    expect(Number(row?.held)).to.be.greaterThan(1000);
  });
});
