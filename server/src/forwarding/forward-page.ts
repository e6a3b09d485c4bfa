import { IsolationLevel, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { definePaging, type PageArgs, pagingError } from '../common/pagination';
import { changeHorizon, encodeChangeCursor } from './change-cursor';
import { auditAfname, recordAfname } from './forward-fetch';
import { type ForwardScope, pageSelect, periodCodesOf, subDeliveriesOf } from './forward-query';
import type { ForwardSelection } from './forward-selection';
import type { ForwardedRecordsView, ForwardedRecordView } from './forwarded-record.types';

/**
 * The paged read's cursor carries the read's horizon and "since" with the last change position, so
 * every page of one read sees the same bounds (a change after the horizon waits for the next read).
 */
export const FORWARD_PAGING = definePaging({
  tag: 'forwardedRecords',
  keys: [
    { column: 'horizon', type: 'bigint' },
    { column: 'since', type: 'bigint' },
    { column: 'h.change_seq', type: 'bigint' },
  ],
  defaultSize: 100,
  maxSize: 500,
});

const NO_SINCE = '-1';

interface PageRow {
  seq: string;
  record: { recordKey: string; version: number; institution: string; period: string; status: string; fields: Record<string, unknown> | null };
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function node(row: PageRow, fields: string[]): ForwardedRecordView {
  const { record } = row;
  return {
    recordKey: record.recordKey,
    version: record.version,
    institution: record.institution,
    period: record.period,
    status: record.status,
    fields: record.fields === null ? null : fields.map((name) => ({ name, value: text(record.fields?.[name]) })),
  };
}

/**
 * A page of what a selection covers, for small sets through GraphQL: the same records, fields and
 * bounds as the streams, in change order. Each page is read and recorded as an afname in one
 * REPEATABLE READ transaction (exactly the versions on the page). A `since` cursor gives the
 * changes after it, withdrawn records included; once paging, the `after` cursor carries it.
 */
export async function readForwardPage(
  services: AppServices,
  actor: Actor,
  selection: ForwardSelection,
  since: string | null,
  args: PageArgs,
): Promise<ForwardedRecordsView> {
  const window = FORWARD_PAGING.window(args, actor.language);
  if (window.backward) {
    const argument = (args.last ?? null) !== null ? 'last' : 'before';
    throw pagingError(actor.language, 'FORWARD_ONLY', { argument }, argument);
  }
  const knex = services.orm.em.getKnex() as Knex;
  let horizon: string;
  let after: string | null = null;
  if (window.position) {
    const [cursorHorizon, cursorSince, position] = window.position.map(String) as [string, string, string];
    horizon = cursorHorizon;
    since = cursorSince === NO_SINCE ? null : cursorSince;
    after = position;
  } else {
    horizon = await changeHorizon(knex);
  }
  const subDeliveryIds = await subDeliveriesOf(knex, selection);
  const scope: ForwardScope = { selection, subDeliveryIds, periodCodes: await periodCodesOf(knex, selection, subDeliveryIds), since, until: horizon, after };
  const { rows, afnameId } = await services.orm.em.fork().transactional(
    async (tx: EntityManager) => {
      const trx = tx.getTransactionContext<Knex.Transaction>();
      if (!trx) throw new Error('no transaction');
      const read = ((await trx.raw(pageSelect(scope, window.limit + 1))) as { rows: PageRow[] }).rows;
      const more = read.length > window.limit;
      // The afname covers exactly this page: up to its last record, or to the horizon when it is the last page.
      const until = more ? (read[window.limit - 1]?.seq ?? after ?? since ?? '0') : horizon;
      const pageScope = { ...scope, until };
      const id = await recordAfname(trx, actor, { scope: pageScope, cursor: encodeChangeCursor(horizon) }, 'graphql', true, services.clock.now());
      await auditAfname(tx, actor, pageScope, 'graphql', id);
      return { rows: read, afnameId: id };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
  const keyed = rows.map((row) => ({ ...row, __k0: horizon, __k1: since ?? NO_SINCE, __k2: row.seq }));
  return {
    records: FORWARD_PAGING.connection(keyed, window, (row) => node(row, selection.fields)),
    changeCursor: encodeChangeCursor(horizon),
    afnameId,
  };
}
