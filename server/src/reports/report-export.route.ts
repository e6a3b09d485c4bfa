import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { isAuthenticated } from '../kernel/actor';
import { authenticate } from '../access/authenticate';
import type { AppServices } from '../kernel/services';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { mayReadRecordContent, readScope } from '../access/read-scope';
import { SubDelivery } from '../registries/sub-delivery.entity';
import type { Delivery } from '../deliveries/delivery.entity';
import { readableDelivery } from '../deliveries/delivery.query';
import { csvChunks, type CsvOptions, neutraliseFormula } from '../common/csv';
import { fillIn, type Language, messages } from '../common/messages';
import { keysetBatches } from '../common/pagination';
import { allLines, dictionaryOf, type LineFilter, renderLine } from './report.service';
import { keyCell, neutraliseParts } from './spreadsheet-cell';

/** Excel's worksheet holds 1,048,576 rows; one is the header. */
export const XLSX_MAX_LINES = 1_048_575;

/** Same authorisation as GraphQL (readableDelivery): a login or token, and the right to read this delivery; otherwise 404. */
async function readableExport(services: AppServices, request: Request, response: Response) {
  const em = services.orm.em.fork();
  const actor = await authenticate(em, services.clock, request, services.tokenCache).catch(() => null);
  if (!actor || !isAuthenticated(actor)) {
    response.status(401).json({ error: 'UNAUTHENTICATED' });
    return null;
  }
  const delivery = await readableDelivery({ em, actor, services, request }, String(request.params.id ?? ''));
  if (!delivery) {
    response.status(404).json({ error: 'NOT_FOUND' });
    return null;
  }
  return { em, actor, delivery, request };
}

type ReadableExport = NonNullable<Awaited<ReturnType<typeof readableExport>>>;

/**
 * Record content (the rejected records as delivered) stays with hub staff and the submitters and
 * viewers of that registry: a local administrator, who reads the delivery and its report, gets 403
 * here, and the refusal is audited.
 */
async function mayExportRecords(services: AppServices, found: ReadableExport, response: Response): Promise<boolean> {
  const subDelivery = await found.em.findOneOrFail(SubDelivery, { id: found.delivery.subDelivery.id });
  const scope = await readScope({ em: found.em, actor: found.actor, services, request: found.request });
  if (mayReadRecordContent(scope, found.delivery.institution.id, subDelivery.registry.id, subDelivery.id, found.delivery.deliveryDate)) return true;
  await recordRefusal(
    { services, actor: found.actor },
    { action: 'failedRecordsCsv', objectType: 'Delivery', objectId: found.delivery.id, institutionId: found.delivery.institution.id, detail: 'RECORD_CONTENT' },
  );
  response.status(403).json({ error: 'FORBIDDEN' });
  return false;
}

type ExportRow = (string | number)[];

const FILTER_PARAMETERS = ['code', 'class', 'field'] as const;
/** Codes (001_RefTab, B08), classes (F, W) and field names: nothing else is a filter value. */
const FILTER_VALUE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The Verslag's active filter from the query string (`?code=…&class=…&field=…`), so an export holds
 * what the page shows; a value that cannot be a filter is answered 400 naming the parameter.
 */
function exportFilter(request: Request, response: Response, language: Language): LineFilter | null {
  const filter: LineFilter = {};
  for (const parameter of FILTER_PARAMETERS) {
    const value = request.query[parameter];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !FILTER_VALUE.test(value)) {
      response.status(400).json({ error: 'BAD_REQUEST', parameter, message: fillIn(messages(language).report.badFilter, { parameter }) });
      return null;
    }
    filter[parameter] = value;
  }
  return filter;
}

/** The filter as one cell and as the audit's detail: `Code=001_RefTab; Klasse=F`. */
function filterText(filter: LineFilter, language: Language): string {
  const columns = messages(language).report.columns;
  return FILTER_PARAMETERS.filter((parameter) => filter[parameter])
    .map((parameter) => `${columns[parameter]}=${filter[parameter]}`)
    .join('; ');
}

/**
 * The header block (as the DHD's export has; the CSV's first lines, the XLSX's second sheet): where the
 * report comes from, which institution, period, delivery date and file, and the filter when one is
 * active; each value neutralised like any cell.
 */
async function aboutRows(em: ReturnType<AppServices['orm']['em']['fork']>, delivery: Delivery, filter: LineFilter, language: Language): Promise<string[][]> {
  const [row] = await em.getConnection().execute<{ registry: string; sub: string; version: string; code: string; name: string }[]>(
    `select r.code as registry, s.code as sub, v.version, i.code, i.name
       from delivery d join dictionary_version v on v.id = d.dictionary_version_id join sub_delivery s on s.id = d.sub_delivery_id
       join registry r on r.id = s.registry_id join institution i on i.id = d.institution_id where d.id = ?`,
    [delivery.id],
  );
  const about = messages(language).report.about;
  const rows: string[][] = [
    [about.source, row ? `${row.registry} ${row.sub} ${row.version}` : ''],
    [about.institution, row ? `${row.code} ${row.name}` : ''],
    [about.period, delivery.period],
    [about.deliveryDate, delivery.deliveryDate],
    [about.file, delivery.fileName],
  ];
  const active = filterText(filter, language);
  if (active) rows.push([about.filter, active]);
  return rows.map((cells) => cells.map(neutraliseParts));
}

/** Report lines in report order, read in keyset batches, as table rows in the actor's language. */
async function* reportRows(
  services: AppServices,
  em: ReturnType<AppServices['orm']['em']['fork']>,
  delivery: Delivery,
  language: 'nl' | 'en',
  filter: LineFilter,
): AsyncGenerator<ExportRow[]> {
  const dictionary = await dictionaryOf({ em, services }, delivery);
  for await (const batch of allLines(em.getKnex() as Knex, delivery.id, filter)) {
    yield batch.map((line) => {
      const view = renderLine(line, dictionary, language);
      return [view.recordNumber ?? '', view.code, view.class, view.field ?? '', neutraliseParts(view.message), keyCell(view.keyValues)];
    });
  }
}

/** The rejected records as delivered, by record number, in keyset batches. */
async function* rejectedRows(em: ReturnType<AppServices['orm']['em']['fork']>, deliveryId: string, columns: string[]): AsyncGenerator<ExportRow[]> {
  const knex = em.getKnex() as Knex;
  const batches = keysetBatches<{ payload: Record<string, string> }>(
    knex,
    () => knex('rejected_record').where({ delivery_id: deliveryId }).select('payload'),
    REJECTED_RECORD_ORDER,
    5000,
  );
  for await (const batch of batches) yield batch.map((row) => columns.map((column) => row.payload[column] ?? ''));
}

const REJECTED_RECORD_ORDER = [{ column: 'record_number', type: 'int' }] as const;

/** The export's header row, in the order reportRows writes the cells. */
function headers(language: Language): string[] {
  const { record, code, class: klass, field, message, key } = messages(language).report.columns;
  return [record, code, klass, field, message, key];
}

/**
 * Sends batches of rows as CSV while they are read: the stream pipeline waits whenever the client
 * reads slower than the database answers (backpressure), and stops reading when the client goes away.
 */
async function sendCsv(services: AppServices, response: Response, batches: AsyncIterable<ExportRow[]>, csv: CsvOptions): Promise<void> {
  await pipeline(Readable.from(csvChunks(csv, batches)), response).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    services.logger.error({ err: error }, 'export failed while sending');
    response.destroy();
  });
}

/** Report lines of the delivery, counting no further than `limit` + 1. */
async function linesBeyond(em: ReturnType<AppServices['orm']['em']['fork']>, deliveryId: string, limit: number): Promise<boolean> {
  const knex = em.getKnex() as Knex;
  const [row] = (await knex
    .from(
      knex('report_line')
        .where('delivery_id', deliveryId)
        .select(knex.raw('1'))
        .limit(limit + 1)
        .as('l'),
    )
    .count({ count: '*' })) as [{ count: string }];
  return Number(row.count) > limit;
}

/**
 * ExcelJS's streaming writer hands a worksheet's XML to the zip compressor without waiting for it
 * (its StreamBuf ignores backpressure), so a report written faster than it is compressed would pile
 * up in memory: after each batch, wait until the compressor's input and the response have drained.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, response: Response): Promise<void> {
  // `stream.pipes` is ExcelJS's own (untyped) internal: the compressor's input, a readable-stream 2
  // PassThrough that has no `writableNeedDrain` yet, hence its `_writableState` (measured: without
  // this wait a 1,000,000-line report held ~400 MB of XML before it was compressed; with it, flat).
  type Pipe = Writable & { _writableState?: { needDrain?: boolean } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  for (const pipe of [...pipes, response as Pipe]) {
    if (!(pipe.writableNeedDrain ?? pipe._writableState?.needDrain) || pipe.destroyed || response.destroyed) continue;
    // A client that goes away drains nothing: stop waiting when the response closes.
    const gone = new AbortController();
    const onClose = () => gone.abort();
    response.once('close', onClose);
    await once(pipe, 'drain', { signal: gone.signal }).catch(() => undefined);
    response.off('close', onClose);
  }
}

/**
 * GET /api/deliveries/:id/report.csv | report.xlsx | failed-records.csv. Every export is audited
 * (NEN 7513) before a byte is sent; cells that a spreadsheet would run as a formula are neutralised.
 * Each is written while it is read, so memory stays flat for millions of lines.
 */
export function reportExportRoutes(services: AppServices) {
  const exported = async (what: string, request: Request, response: Response, check?: (found: ReadableExport) => Promise<boolean>, filter?: LineFilter) => {
    const found = await readableExport(services, request, response);
    if (!found || (check && !(await check(found)))) return null;
    const detail = filter ? filterText(filter, 'en') : '';
    await recordAudit(found.em, found.actor, {
      event: AuditEventType.EXPORT,
      action: what,
      objectType: 'Delivery',
      objectId: found.delivery.id,
      institutionId: found.delivery.institution.id,
      ...(detail ? { detail } : {}),
    });
    return found;
  };
  /** The filter of a report export, or null once a 400 has been sent (the language of an unknown caller: Dutch). */
  const filterOf = (request: Request, response: Response) => exportFilter(request, response, request.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl');
  return {
    async csv(request: Request, response: Response) {
      const filter = filterOf(request, response);
      if (!filter) return;
      const found = await exported('reportCsv', request, response, undefined, filter);
      if (!found) return;
      const language = found.actor.language;
      const preamble = await aboutRows(found.em, found.delivery, filter, language);
      response.type('text/csv; charset=utf-8').attachment(`verslag-${found.delivery.id}.csv`);
      await sendCsv(services, response, reportRows(services, found.em, found.delivery, language, filter), {
        preamble,
        header: headers(language),
        bom: true,
      });
    },
    async xlsx(request: Request, response: Response) {
      // More lines than a worksheet holds: refused before anything is exported, pointing to the CSV.
      const fits = async (found: ReadableExport) => {
        if (!(await linesBeyond(found.em, found.delivery.id, XLSX_MAX_LINES))) return true;
        const csv = `/api/deliveries/${found.delivery.id}/report.csv`;
        response.status(422).json({
          error: 'TOO_MANY_ROWS_FOR_XLSX',
          message: fillIn(messages(found.actor.language).report.xlsxTooManyRows, { max: XLSX_MAX_LINES.toLocaleString('en-GB'), csv }),
          csv,
        });
        return false;
      };
      const filter = filterOf(request, response);
      if (!filter) return;
      const found = await exported('reportXlsx', request, response, fits, filter);
      if (!found) return;
      response.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`verslag-${found.delivery.id}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet(messages(found.actor.language).report.sheetName);
      sheet.addRow(headers(found.actor.language)).commit();
      // Record numbers as numeric cells (sortable, summable); the rest as text cells, never formulas:
      // a leading = + - @ still gets the same ' as in CSV.
      for await (const batch of reportRows(services, found.em, found.delivery, found.actor.language, filter)) {
        for (const row of batch) sheet.addRow(row.map((cell) => (typeof cell === 'number' ? cell : neutraliseFormula(cell)))).commit();
        await zipCaughtUp(sheet, response);
        if (response.destroyed) return;
      }
      sheet.commit();
      // The CSV's header block on a sheet of its own, so the report sheet stays one table to sort and filter.
      const about = workbook.addWorksheet(messages(found.actor.language).report.aboutSheetName);
      for (const row of await aboutRows(found.em, found.delivery, filter, found.actor.language)) about.addRow(row).commit();
      about.commit();
      await workbook.commit();
    },
    async failedRecords(request: Request, response: Response) {
      const found = await exported('failedRecordsCsv', request, response, (readable) => mayExportRecords(services, readable, response));
      if (!found) return;
      const dictionary = await dictionaryOf({ em: found.em, services }, found.delivery);
      // The rejected records as delivered, identifying fields left out entirely (never even a pseudonym).
      const columns = dictionary.dictionary.fields.filter((field) => !field.identifying).map((field) => field.name);
      response.type('text/csv; charset=utf-8').attachment(`afgekeurde-records-${found.delivery.id}.csv`);
      await sendCsv(services, response, rejectedRows(found.em, found.delivery.id, columns), { header: columns });
    },
  };
}
