import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

describe('report exports: read in keyset batches, written while read', () => {
  let server: TestServer;
  let submitter: string;
  let deliveryId: string;
  before(async () => {
    server = await startTestServer();
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_811_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/invalid-records.csv'), {
      period: '2026K1',
    });
    await settled(server, delivery.id);
    deliveryId = delivery.id;
  });

  /** Copies of the report's first line: `count` lines numbered from `record` (null: file-level lines). */
  async function addLines(count: number, record: number | null, fromOrdinal: number): Promise<void> {
    await server.datahub.orm.em.getKnex().raw(
      `insert into report_line (delivery_id, ordinal, record_number, code, class, field, params, key_values)
       select l.delivery_id, ? + g, case when ?::int is null then null else ?::int + g end, l.code, l.class, l.field, l.params, l.key_values
       from generate_series(0, ? - 1) g, (select * from report_line where delivery_id = ? order by ordinal limit 1) l`,
      [fromOrdinal, record, record, count, deliveryId],
    );
  }

  const fetchExport = (name: string) => fetch(`${server.url}/api/deliveries/${deliveryId}/${name}`, { headers: { authorization: `Bearer ${submitter}` } });

  it('report.csv holds every line once, in report order, across batch boundaries and NULL record numbers', async () => {
    await addLines(12_003, 100, 100_000);
    await addLines(3, null, 200_000);
    const response = await fetchExport('report.csv');
    expect(response.status).to.equal(200);
    // The table follows the header block (Bron, Instelling, …) and its blank line.
    const table = (await response.text()).split('\r\n\r\n')[1] ?? '';
    const rows = parse(table, { relax_column_count: false }) as string[][];
    const order = (await server.datahub.orm.em
      .getKnex()
      .raw(`select coalesce(record_number::text, '') as record from report_line where delivery_id = ? order by record_number nulls first, ordinal`, [
        deliveryId,
      ])) as { rows: { record: string }[] };
    expect(rows[0]).to.deep.equal(['Record', 'Code', 'Klasse', 'Veld', 'Melding', 'Sleutel']);
    expect(rows.slice(1).map((row) => row[0])).to.deep.equal(order.rows.map((row) => row.record));
  });

  it("report.xlsx is refused (422, in the user's language) when the report has more lines than a worksheet holds, pointing to the CSV", async function () {
    // A million rows written straight into the table: no faster way to reach Excel's limit.
    this.timeout(180_000);
    await addLines(1_048_575, 1_000_000, 1_000_000);
    const response = await fetchExport('report.xlsx');
    const body = (await response.json()) as { error: string; message: string; csv: string };
    expect(response.status).to.equal(422);
    expect(body.error).to.equal('TOO_MANY_ROWS_FOR_XLSX');
    expect(body.csv).to.equal(`/api/deliveries/${deliveryId}/report.csv`);
    expect(body.message).to.match(/^Dit verslag heeft meer dan 1,048,575 regels.*Download het als CSV/);
  });
});
