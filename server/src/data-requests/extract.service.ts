import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../kernel/context';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { Period } from '../common/period';
import { Registry } from '../registries/registry.entity';
import { currentFields } from '../authorisations/dictionary-fields';
import { changeHorizon, type ForwardScope, scopeClause, subDeliveriesOf } from '../forwarding/module';
import type { StoredFile } from '../storage/file-store';
import { DataRequest } from './data-request.entity';
import { DataRequestState as S } from './data-request-state';
import { DataLevel, DataRequestKind } from './data-request-enums';
import { institutionsConcerned, missingWrittenOrders, UUID } from './data-request.service';

/** Aggregated cells counting fewer records than this are suppressed (shown as `<10`): the protocol names no threshold. */
export const SMALL_CELL_THRESHOLD = 10;

/** The dataset the hub does not hold records of: LBZ requests are answered outside the hub. */
export const NOT_HELD = 'LBZ';

/** An aggregation that names institutions (instelling, ziekenhuis, institution, hospital) groups by institution too. */
const PER_INSTITUTION = /instelling|ziekenhuis|institution|hospital/i;

/** Rows read per query at detail level: the extract is written while it is read, never held whole in memory. */
const DETAIL_BATCH = 5000;

/** What an extract counted while it was written (filled in as its lines are consumed). */
export interface ExtractCounts {
  rowCount: number;
  suppressedCells: number;
}

export interface Extract {
  /** The CSV's lines (header first), produced as they are read. */
  lines: AsyncIterable<string>;
  counts: ExtractCounts;
}

/** A text literal for SQL (field names come from the dictionary, and are quoted all the same). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function csvLine(cells: string[]): string {
  return stringify([cells], { escape_formulas: true });
}

/**
 * The extract of a request's narrowed scope, read with forwarding's scope clause (current held
 * records of the institutions concerned, the dataset's sub-deliveries, the narrowed years): detail
 * level one row per record with exactly the narrowed fields, read in batches in change order;
 * aggregated level the number of records per registration year (and institution when the
 * aggregation names institutions) and per value of each narrowed field, cells below the threshold
 * suppressed. No record key, no patient reference. Cells are neutralised against spreadsheet
 * formulas.
 */
export async function buildExtract(em: EntityManager, request: DataRequest, registry: Registry, fields: string[]): Promise<Extract> {
  const knex = em.getKnex();
  const counts: ExtractCounts = { rowCount: 0, suppressedCells: 0 };
  const institutionIds = await institutionsConcerned(em, request);
  const years = new Set(request.narrowedYears ?? request.years);
  const selection = { authorisationId: null, organisationId: null, institutionIds, registryId: registry.id, subDeliveryId: null, periods: null, fields };
  const subDeliveryIds = await subDeliveriesOf(knex, selection);
  const delivered =
    institutionIds.length && subDeliveryIds.length
      ? ((await knex('delivery').whereIn('institution_id', institutionIds).whereIn('sub_delivery_id', subDeliveryIds).distinct('period')) as {
          period: string;
        }[])
      : [];
  const periodCodes = delivered.map((row) => row.period).filter((code) => years.has(Period.tryParse(code)?.year ?? -1));
  const perInstitution = PER_INSTITUTION.test(request.aggregation ?? '');
  const header = request.level === DataLevel.DETAIL ? [...fields] : aggregatedHeader(perInstitution, fields);
  const scope: ForwardScope | null = periodCodes.length ? { selection, subDeliveryIds, periodCodes, since: null, until: await changeHorizon(knex) } : null;
  const values = fields.map((field) => `(h.payload ->> ${literal(field)})`);

  async function* detail(): AsyncGenerator<string> {
    yield csvLine(header);
    if (!scope) return;
    let after: string | null = null;
    for (;;) {
      const columns = values.map((value, index) => `${value} as f${index}`);
      const sql = `select ${['h.change_seq::text as seq', ...columns].join(', ')} ${scopeClause({ ...scope, after })} order by h.change_seq limit ${DETAIL_BATCH}`;
      const rows = (await knex.raw(sql)).rows as Record<string, string | null>[];
      for (const row of rows) {
        counts.rowCount += 1;
        yield csvLine(fields.map((_field, index) => row[`f${index}`] ?? ''));
      }
      if (rows.length < DETAIL_BATCH) return;
      after = String(rows.at(-1)?.seq);
    }
  }

  async function* aggregated(): AsyncGenerator<string> {
    yield csvLine(header);
    if (!scope) return;
    const groups = ['left(d.period, 4)', ...(perInstitution ? ['i.code'] : []), ...values];
    const positions = groups.map((_group, index) => index + 1).join(', ');
    const sql = `select ${groups.map((group, index) => `${group} as g${index}`).join(', ')}, count(*)::int as n ${scopeClause(scope)} group by ${positions} order by ${positions}`;
    const rows = (await knex.raw(sql)).rows as Record<string, string | number | null>[];
    for (const row of rows) {
      const count = Number(row.n);
      const small = count < SMALL_CELL_THRESHOLD;
      counts.rowCount += 1;
      if (small) counts.suppressedCells += 1;
      yield csvLine([...groups.map((_group, index) => String(row[`g${index}`] ?? '')), small ? `<${SMALL_CELL_THRESHOLD}` : String(count)]);
    }
  }

  return { lines: request.level === DataLevel.DETAIL ? detail() : aggregated(), counts };
}

function aggregatedHeader(perInstitution: boolean, fields: string[]): string[] {
  return ['registratiejaar', ...(perInstitution ? ['instelling'] : []), ...fields, 'aantal'];
}

/** May the extract be prepared now: after the signed quote (own data: after approval), before delivery. */
function extractable(request: DataRequest): boolean {
  return request.state === S.QUOTE_SIGNED || (request.state === S.APPROVED && request.kind === DataRequestKind.OWN_DATA);
}

/**
 * Hub staff prepare the delivery extract of an approved request: built from the held records,
 * stored encrypted, its row count, size, SHA-256, time and maker recorded. Preparing again before
 * delivery replaces it (the old file goes once the new one is committed). Audited.
 */
export async function prepareExtract(ctx: RequestContext, id: string): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  const request = UUID.test(id) ? await ctx.em.findOne(DataRequest, { id }) : null;
  if (!request) return notFound(language, 'dataRequest');
  if (!extractable(request)) return refuse(language, RefusalCode.EXTRACT_NOT_NOW);
  if (request.dataset === NOT_HELD) return refuse(language, RefusalCode.DATASET_NOT_HELD, { params: { dataset: request.dataset } });
  const registry = await ctx.em.findOne(Registry, { code: request.dataset });
  if (!registry) return refuse(language, RefusalCode.DATASET_NOT_HELD, { params: { dataset: request.dataset } });
  const fields = request.narrowedFields ?? request.fields;
  // Identifying fields only with every institution's written order (the checklist already leaves them out; this guards old rows).
  const known = await currentFields(ctx, registry, null);
  const identifying = fields.filter((name) => known.find((field) => field.name === name)?.identifying);
  const missing = identifying.length ? await missingWrittenOrders(ctx.em, request) : [];
  if (identifying.length && (missing.length || !request.identifyingData)) {
    return refuse(language, RefusalCode.IDENTIFYING_FIELDS, { field: 'fields', params: { fields: identifying.join(', ') } });
  }
  const extract = await buildExtract(ctx.em, request, registry, fields);
  const stored: StoredFile = await ctx.services.fileStore.put(Readable.from(extract.lines));
  const previousKey = request.extractKey ?? null;
  try {
    const saved = await ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(DataRequest, { id: request.id });
      if (!extractable(row)) return null;
      Object.assign(row, {
        extractKey: stored.key,
        extractSize: String(stored.size),
        extractSha256: stored.sha256,
        extractRowCount: extract.counts.rowCount,
        extractSuppressedCells: extract.counts.suppressedCells,
        extractCreatedAt: ctx.services.clock.now(),
        extractCreatedBy: ctx.actor.user?.name ?? ctx.actor.channel,
      });
      await tx.flush();
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.CREATE,
        action: 'prepareDataRequestExtract',
        objectType: 'DataRequest',
        objectId: row.id,
        institutionId: null,
        detail: `${extract.counts.rowCount} rows, ${extract.counts.suppressedCells} suppressed, ${stored.size} bytes sha256:${stored.sha256}`,
      });
      return row;
    });
    if (!saved) {
      await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
      return refuse(language, RefusalCode.EXTRACT_NOT_NOW);
    }
    if (previousKey) await ctx.services.fileStore.remove(previousKey).catch(() => undefined);
    return saved;
  } catch (error) {
    await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
    throw error;
  }
}
