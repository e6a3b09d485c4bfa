import type { Request, Response } from 'express';
import type { Knex } from '@mikro-orm/postgresql';
import { isAuthenticated } from '../kernel/actor';
import { authenticate } from '../access/authenticate';
import type { AppServices } from '../kernel/services';
import { recordRefusal } from '../audit/audit.service';
import { decodeChangeCursor } from './change-cursor';
import { type ForwardFormat, prepareFetch, streamFetch } from './forward-fetch';
import type { ResolveSelection } from './forward-selection';

/** The response header that carries the next "changed since" cursor (also the NDJSON trailer line's `cursor`). */
export const CURSOR_HEADER = 'X-Datahub-Cursor';

/**
 * GET /api/forwarding/:authorisationId/records.csv | records.ndjson [?since=<cursor>]: the current
 * held records the authorisation covers (or, with `since`, the changes after that cursor,
 * withdrawn records included as such), streamed; every fetch is recorded as an afname. Whether the
 * actor may fetch is `resolveSelection`'s answer (the authorisation check, shared with GraphQL); a
 * refusal is 404 whatever exists behind the id, and audited. By default the check is
 * `services.forwardingSelection`.
 */
export function forwardingRoutes(
  services: AppServices,
  resolveSelection: ResolveSelection = (context, params) => services.forwardingSelection(context, params),
) {
  const handle = (format: ForwardFormat) => async (request: Request, response: Response) => {
    const em = services.orm.em.fork();
    const actor = await authenticate(em, services.clock, request, services.tokenCache).catch(() => null);
    if (!actor || !isAuthenticated(actor)) {
      response.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    const authorisationId = String(request.params.authorisationId ?? '');
    const since = typeof request.query.since === 'string' ? decodeChangeCursor(request.query.since) : null;
    if (request.query.since !== undefined && since === null) {
      response.status(400).json({ error: 'BAD_CURSOR' });
      return;
    }
    const selection = await resolveSelection({ services, em, actor, request }, { authorisationId });
    if (!selection) {
      await recordRefusal({ services, actor }, { action: 'forwardRecords', objectType: 'Authorisation', objectId: authorisationId });
      response.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    const prepared = await prepareFetch(em.getKnex() as Knex, { selection, format, since });
    response.setHeader(CURSOR_HEADER, prepared.cursor);
    response.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    try {
      const outcome = await streamFetch(services, actor, prepared, format, response);
      if (format === 'ndjson' && outcome.complete)
        response.write(
          `${JSON.stringify({ cursor: outcome.cursor, records: outcome.recordCount, withdrawn: outcome.withdrawnCount, afname: outcome.afnameId })}\n`,
        );
      response.end();
    } catch (error) {
      services.logger.error({ err: error }, 'forwarding failed while sending');
      response.destroy();
    }
  };
  return { csv: handle('csv'), ndjson: handle('ndjson') };
}
