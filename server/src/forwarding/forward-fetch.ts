import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { IsolationLevel, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { to as copyTo } from 'pg-copy-streams';
import type { Actor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { connectionOf } from '../deliveries/processing/copy-writer';
import { changeHorizon, encodeChangeCursor } from './change-cursor';
import { csvSelect, type ForwardScope, LEADING_COLUMNS, ndjsonSelect, periodCodesOf, scopeClause, subDeliveriesOf } from './forward-query';
import type { ForwardSelection } from './forward-selection';

export type ForwardFormat = 'csv' | 'ndjson';

export interface ForwardRequest {
  selection: ForwardSelection;
  format: ForwardFormat;
  /** The decoded position of a "changed since" cursor, or null for all current records. */
  since: string | null;
}

export interface ForwardOutcome {
  afnameId: string;
  cursor: string;
  recordCount: number;
  withdrawnCount: number;
  complete: boolean;
}

/** The fetch as it starts: its scope and next cursor are known before the first byte (for the response headers). */
export interface PreparedFetch {
  scope: ForwardScope;
  cursor: string;
}

export async function prepareFetch(knex: Knex, request: ForwardRequest): Promise<PreparedFetch> {
  const subDeliveryIds = await subDeliveriesOf(knex, request.selection);
  const periodCodes = await periodCodesOf(knex, request.selection, subDeliveryIds);
  const until = await changeHorizon(knex);
  return { scope: { selection: request.selection, subDeliveryIds, periodCodes, since: request.since, until }, cursor: encodeChangeCursor(until) };
}

/** The header row of the CSV, neutralised like every cell. */
export function csvHeader(fields: string[]): string {
  return stringify([[...LEADING_COLUMNS, ...fields]], { escape_formulas: true });
}

/** Writes a chunk, waiting while the client is slower; false once the client has gone (the rest is read and dropped). */
async function send(out: Writable, chunk: Buffer | string): Promise<boolean> {
  if (out.destroyed || out.writableEnded) return false;
  if (!out.write(chunk)) {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    out.once('close', onClose);
    await once(out, 'drain', { signal: gone.signal }).catch(() => undefined);
    out.off('close', onClose);
  }
  return !out.destroyed;
}

/**
 * Streams the selection's rows to `out` straight from PostgreSQL's COPY (bounded memory: the
 * driver hands over chunks as they come, and waits while the client is slower), in one
 * REPEATABLE READ transaction, which then records the afname from the same snapshot: exactly the
 * versions streamed, as an int8multirange of their version sequence values, and the audit row.
 * `out` is not ended (the caller may add a trailer).
 */
export async function streamFetch(services: AppServices, actor: Actor, prepared: PreparedFetch, format: ForwardFormat, out: Writable): Promise<ForwardOutcome> {
  const { scope } = prepared;
  const { selection } = scope;
  const em = services.orm.em.fork();
  return em.transactional(
    async (tx: EntityManager) => {
      const trx = tx.getTransactionContext<Knex.Transaction>();
      if (!trx) throw new Error('no transaction');
      const connection = await connectionOf(trx);
      let complete = true;
      if (format === 'csv') complete = await send(out, csvHeader(selection.fields));
      // NDJSON through COPY's CSV format with a quote and delimiter JSON never holds raw (it escapes
      // control characters), so each line is the JSON text as PostgreSQL made it, unescaped.
      const sql =
        format === 'csv'
          ? `copy (${csvSelect(scope)}) to stdout with (format csv)`
          : `copy (${ndjsonSelect(scope)}) to stdout with (format csv, delimiter e'\\x02', quote e'\\x01')`;
      const copy = connection.query(copyTo(sql));
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        if (complete) complete = await send(out, chunk);
      }
      const afnameId = await recordAfname(trx, actor, prepared, format, complete, services.clock.now());
      const counts = await auditAfname(tx, actor, scope, format, afnameId);
      return { afnameId, cursor: prepared.cursor, recordCount: counts.recordCount, withdrawnCount: counts.withdrawnCount, complete };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}

/** The audit row of a fetch (an export), with the afname's counts as recorded. */
export async function auditAfname(
  tx: EntityManager,
  actor: Actor,
  scope: ForwardScope,
  format: ForwardFormat | 'graphql',
  afnameId: string,
): Promise<{ recordCount: number; withdrawnCount: number }> {
  const trx = tx.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('no transaction');
  const [counts] = (await trx('afname').where({ id: afnameId }).select('record_count', 'withdrawn_count')) as {
    record_count: number;
    withdrawn_count: number;
  }[];
  const { selection } = scope;
  await recordAudit(tx, actor, {
    event: AuditEventType.EXPORT,
    action: 'forwardRecords',
    objectType: 'Afname',
    objectId: afnameId,
    institutionId: selection.institutionIds.length === 1 ? selection.institutionIds[0] : null,
    detail: `${format} ${counts!.record_count} records${scope.since === null ? '' : ' changed since cursor'}`,
  });
  return { recordCount: counts!.record_count, withdrawnCount: counts!.withdrawn_count };
}

/** The afname row, its versions computed in SQL from the snapshot the rows were streamed from. */
export async function recordAfname(
  trx: Knex.Transaction,
  actor: Actor,
  prepared: PreparedFetch,
  /** The stream's format, or `graphql` for a page of the paged query. */
  format: ForwardFormat | 'graphql',
  complete: boolean,
  now: Date,
): Promise<string> {
  const { scope } = prepared;
  const { selection } = scope;
  const result = await trx.raw(
    `insert into afname (id, fetched_at, organisation_id, user_id, token_id, authorisation_id, registry_id, sub_delivery_id, institution_ids, period_from, period_to,
                         fields, format, since_seq, until_seq, record_count, withdrawn_count, complete, version_seqs)
     select gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?::text[], ?, ?, ?,
            count(*) filter (where not h.withdrawn), count(*) filter (where h.withdrawn),
            ?, coalesce(range_agg(int8range(h.version_seq, h.version_seq, '[]')) filter (where not h.withdrawn), '{}'::int8multirange)
       ${scopeClause(scope)}
     returning id`,
    [
      now,
      selection.organisationId ?? actor.user?.organisationId ?? actor.token?.organisationId ?? null,
      actor.user?.id ?? null,
      actor.token?.id ?? null,
      selection.authorisationId,
      selection.registryId,
      selection.subDeliveryId,
      selection.institutionIds,
      selection.periods?.from ?? null,
      selection.periods?.to ?? null,
      selection.fields,
      format,
      scope.since,
      scope.until,
      complete,
    ],
  );
  return (result.rows as { id: string }[])[0]!.id;
}
