import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

/** ExcelJS is the server's dependency, not the tests': load it from there, typed as far as these tests read it. */
interface Workbook {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
  worksheets: { name: string; rowCount: number; getRow(n: number): { values: unknown[] } }[];
}
const ExcelJS = createRequire(path.resolve(__dirname, '../../../server/package.json'))('exceljs') as { Workbook: new () => Workbook };

describe("report exports: the Verslag's filter, the CSV's header block and numeric record numbers in XLSX", () => {
  let server: TestServer;
  let submitter: string;
  let deliveryId: string;
  before(async () => {
    server = await startTestServer();
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_821_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/invalid-records.csv'), {
      period: '2026K1',
    });
    await settled(server, delivery.id);
    deliveryId = delivery.id;
  });

  const fetchExport = (name: string, query = '') =>
    fetch(`${server.url}/api/deliveries/${deliveryId}/${name}${query}`, { headers: { authorization: `Bearer ${submitter}` } });

  /** The CSV's two parts: the header block (label, value) and, after the blank line, the table. */
  async function csvParts(query = ''): Promise<{ about: string[][]; table: string[][] }> {
    const text = (await (await fetchExport('report.csv', query)).text()).replace(/^\uFEFF/, '');
    const [aboutText = '', tableText = ''] = text.split('\r\n\r\n');
    return { about: parse(aboutText) as string[][], table: parse(tableText) as string[][] };
  }

  /** Lines of the report per class, straight from the database. */
  async function linesOf(where: Record<string, string>): Promise<number> {
    const [row] = (await server.datahub.orm.em
      .fork()
      .getKnex()('report_line')
      .where({ delivery_id: deliveryId, ...where })
      .count({ n: '*' })) as [{ n: string }];
    return Number(row.n);
  }

  it('starts the CSV with the header block (Bron, Instelling, Periode, Aanleverdatum, Bestand), a blank line, then the table', async () => {
    const { about, table } = await csvParts();
    expect(about.map((row) => row[0])).to.deep.equal(['Bron', 'Instelling', 'Periode', 'Aanleverdatum', 'Bestand']);
    expect(about[0]?.[1]).to.equal('CAT Cataract 1.4');
    expect(about[1]?.[1]).to.match(/^11111111 /);
    expect(about[2]?.[1]).to.equal('2026K1');
    expect(about[3]?.[1]).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(about[4]?.[1]).to.equal('11111111_0_CAT_1.4_821_20260410_PROD.csv');
    expect(table[0]).to.deep.equal(['Record', 'Code', 'Klasse', 'Veld', 'Melding', 'Sleutel']);
    expect(table.length - 1).to.equal(await linesOf({}));
  });

  it('exports only the lines of the active filter (class, code, field) and names the filter in the header block', async () => {
    const [someLine] = (await server.datahub.orm.em
      .fork()
      .getKnex()('report_line')
      .where({ delivery_id: deliveryId })
      .whereNotNull('field')
      .select('code', 'field')
      .limit(1)) as {
      code: string;
      field: string;
    }[];
    if (!someLine) throw new Error('the example has no line with a field');
    const byClass = await csvParts('?class=F');
    const byCode = await csvParts(`?code=${someLine.code}&field=${someLine.field}`);
    expect(byClass.table.slice(1).map((row) => row[2])).to.satisfy((classes: string[]) => classes.every((c) => c === 'F'));
    expect(byClass.table.length - 1).to.equal(await linesOf({ class: 'F' }));
    expect(byClass.table.length - 1).to.be.lessThan(await linesOf({}));
    expect(byClass.about.at(-1)).to.deep.equal(['Filter', 'Klasse=F']);
    expect(byCode.table.length - 1).to.equal(await linesOf({ code: someLine.code, field: someLine.field }));
    expect(byCode.table.slice(1).every((row) => row[1] === someLine.code && row[3] === someLine.field)).to.equal(true);
  });

  it('applies the filter to the XLSX too, writes record numbers as numeric cells and the header block on a second sheet', async () => {
    const response = await fetchExport('report.xlsx', '?class=F');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).values.slice(1));
    const records = rows.map((row) => row[0]).filter((value) => value !== '' && value !== undefined && value !== null);
    expect(rows.length).to.equal(await linesOf({ class: 'F' }));
    expect(rows.every((row) => row[2] === 'F')).to.equal(true);
    expect(records.length).to.be.greaterThan(0);
    expect(records.every((value) => typeof value === 'number')).to.equal(true);
    const about = workbook.worksheets[1];
    if (!about) throw new Error('no second worksheet');
    const aboutRows = Array.from({ length: about.rowCount }, (_, i) => about.getRow(i + 1).values.slice(1));
    expect(about.name).to.equal('Over dit verslag');
    expect(aboutRows[0]).to.deep.equal(['Bron', 'CAT Cataract 1.4']);
    expect(aboutRows.map((row) => row[0])).to.deep.equal(['Bron', 'Instelling', 'Periode', 'Aanleverdatum', 'Bestand', 'Filter']);
    expect(aboutRows.at(-1)).to.deep.equal(['Filter', 'Klasse=F']);
  });

  it('refuses a filter value that cannot be a code, class or field with 400 naming the parameter, and exports nothing', async () => {
    const response = await fetchExport('report.csv', '?code=%3D1%2B2');
    const body = (await response.json()) as { error: string; parameter: string; message: string };
    expect(response.status).to.equal(400);
    expect(body).to.include({ error: 'BAD_REQUEST', parameter: 'code' });
    expect(body.message).to.match(/^code /);
  });
});
