import type { Knex } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { isAuthenticated } from '../kernel/actor';
import { authenticate } from '../access/authenticate';
import type { AppServices } from '../kernel/services';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { csvCell } from '../audit/audit.query';
import type { Delivery } from '../deliveries/delivery.entity';
import { readableDelivery } from '../deliveries/delivery.query';
import { type Language, messages } from '../shared/messages';
import { dictionaryOf, orderedLines, renderLine, type StoredLine } from './report.service';
import { keyCell, neutralise, neutraliseParts } from './spreadsheet-cell';

const PAGE = 5000;

/** Same authorisation as GraphQL (readableDelivery): a login or token, and the right to read this delivery; otherwise 404. */
async function readableExport(services: AppServices, request: Request, response: Response) {
  const em = services.orm.em.fork();
  const actor = await authenticate(em, services.clock, request, services.tokenCache).catch(() => null);
  if (!actor || !isAuthenticated(actor)) {
    response.status(401).json({ error: 'UNAUTHENTICATED' });
    return null;
  }
  const delivery = await readableDelivery({ em, actor, services }, String(request.params.id ?? ''));
  if (!delivery) {
    response.status(404).json({ error: 'NOT_FOUND' });
    return null;
  }
  return { em, actor, delivery };
}

/** Report lines in report order, a page at a time, rendered in the actor's language. */
async function* reportRows(services: AppServices, em: ReturnType<AppServices['orm']['em']['fork']>, delivery: Delivery, language: 'nl' | 'en') {
  const dictionary = await dictionaryOf({ em, services }, delivery);
  const knex = em.getKnex() as Knex;
  for (let offset = 0; ; offset += PAGE) {
    const page = (await orderedLines(knex, delivery.id, {})
      .select('ordinal', 'record_number', 'code', 'class', 'field', 'params', 'key_values')
      .orderByRaw('record_number asc nulls first, ordinal asc')
      .limit(PAGE)
      .offset(offset)) as StoredLine[];
    for (const line of page) {
      const view = renderLine(line, dictionary, language);
      yield [view.recordNumber ?? '', view.code, view.class, view.field ?? '', neutraliseParts(view.message), keyCell(view.keyValues)];
    }
    if (page.length < PAGE) return;
  }
}

/** The export's header row, in the order reportRows writes the cells. */
function headers(language: Language): string[] {
  const { record, code, class: klass, field, message, key } = messages(language).report.columns;
  return [record, code, klass, field, message, key];
}

/**
 * GET /api/deliveries/:id/report.csv | report.xlsx | failed-records.csv. Every export is audited
 * (NEN 7513) before a byte is sent; cells that a spreadsheet would run as a formula are neutralised.
 */
export function reportExportRoutes(services: AppServices) {
  const exported = async (what: string, request: Request, response: Response) => {
    const found = await readableExport(services, request, response);
    if (!found) return null;
    await recordAudit(found.em, found.actor, { event: AuditEventType.EXPORT, action: what, objectType: 'Delivery', objectId: found.delivery.id, institutionId: found.delivery.institution.id });
    return found;
  };
  return {
    async csv(request: Request, response: Response) {
      const found = await exported('reportCsv', request, response);
      if (!found) return;
      response.type('text/csv; charset=utf-8').attachment(`verslag-${found.delivery.id}.csv`);
      response.write('\uFEFF' + headers(found.actor.language).join(',') + '\r\n');
      for await (const row of reportRows(services, found.em, found.delivery, found.actor.language)) response.write(row.map(csvCell).join(',') + '\r\n');
      response.end();
    },
    async xlsx(request: Request, response: Response) {
      const found = await exported('reportXlsx', request, response);
      if (!found) return;
      response.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`verslag-${found.delivery.id}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet(messages(found.actor.language).report.sheetName);
      sheet.addRow(headers(found.actor.language)).commit();
      // Written as text cells, never formulas; a leading = + - @ still gets the same ' as in CSV.
      for await (const row of reportRows(services, found.em, found.delivery, found.actor.language)) sheet.addRow(row.map((cell) => neutralise(String(cell)))).commit();
      sheet.commit();
      await workbook.commit();
    },
    async failedRecords(request: Request, response: Response) {
      const found = await exported('failedRecordsCsv', request, response);
      if (!found) return;
      const dictionary = await dictionaryOf({ em: found.em, services }, found.delivery);
      // The rejected records as delivered, identifying fields left out entirely (never even a pseudonym).
      const columns = dictionary.dictionary.fields.filter((field) => !field.identifying).map((field) => field.name);
      response.type('text/csv; charset=utf-8').attachment(`afgekeurde-records-${found.delivery.id}.csv`);
      response.write(columns.join(',') + '\r\n');
      const knex = found.em.getKnex() as Knex;
      for (let offset = 0; ; offset += PAGE) {
        const rows = (await knex('rejected_record').where({ delivery_id: found.delivery.id }).orderBy('record_number').select('payload').limit(PAGE).offset(offset)) as { payload: Record<string, string> }[];
        for (const row of rows) response.write(columns.map((column) => csvCell(row.payload[column] ?? '')).join(',') + '\r\n');
        if (rows.length < PAGE) break;
      }
      response.end();
    },
  };
}
