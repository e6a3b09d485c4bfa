import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { type Actor, isAuthenticated, isHubStaff } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { authenticate } from '../access/authenticate';
import { Organisation } from '../access/organisation.entity';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { Institution } from '../institutions/institution.entity';
import { todayInAmsterdam } from '../common/calendar';
import { DataRequest } from './data-request.entity';
import { DataRequestQuote } from './data-request-quote.entity';
import { DataRequestState as S } from './data-request-state';
import { enter, institutionsConcerned, isRequester, mayView, UUID } from './data-request.service';
import { QUOTE_CSS, quoteDocument } from './quote-document';

/** States in which the extract may be downloaded (before: not delivered; after: the usage right ended). */
const DOWNLOADABLE = new Set<S>([S.DELIVERED, S.IN_USE]);
const ENDED = new Set<S>([S.USAGE_ENDED, S.DESTRUCTION_CONFIRMED]);

/** The usage right includes its last day (`usageEndsOn`); from the day after the download is closed, whether or not the periodic task ran. */
export function usageRightEnded(request: DataRequest, today: string): boolean {
  return ENDED.has(request.state) || (!!request.usageEndsOn && today > request.usageEndsOn);
}

async function signedIn(services: AppServices, request: Request, response: Response): Promise<Actor | null> {
  const actor = await authenticate(services.orm.em.fork(), services.clock, request, services.tokenCache).catch(() => null);
  if (actor && isAuthenticated(actor)) return actor;
  response.status(401).json({ error: 'UNAUTHENTICATED' });
  return null;
}

/**
 * GET /api/data-requests/:id/extract.csv: the delivery extract, decrypted while it is sent, for the
 * requesting organisation's REQUESTER and LOCAL_ADMIN users and hub staff (404 for anyone else and an
 * unknown id alike); 403 NOT_DELIVERED before delivery, 410 USAGE_ENDED once the usage right ended.
 * The requester's first download moves DELIVERED → IN_USE. Downloads and refusals are audited; the
 * caller (app/http.ts) sets `Cache-Control: no-store`.
 */
export function dataRequestExtractRoute(services: AppServices) {
  return async (request: Request, response: Response): Promise<void> => {
    const actor = await signedIn(services, request, response);
    if (!actor) return;
    const em = services.orm.em.fork();
    const id = String(request.params.id ?? '');
    const found = UUID.test(id) ? await em.findOne(DataRequest, { id }) : null;
    const refused = async (status: number, error: string) => {
      await recordRefusal(
        { services, actor },
        { action: 'dataRequestExtract', objectType: 'DataRequest', objectId: id.slice(0, 100), institutionId: null, detail: error },
      );
      response.status(status).json({ error });
    };
    if (!found || !(isHubStaff(actor) || isRequester(actor, found))) return refused(404, 'NOT_FOUND');
    const today = todayInAmsterdam(services.clock.now());
    if (usageRightEnded(found, today)) return refused(410, 'USAGE_ENDED');
    if (!DOWNLOADABLE.has(found.state) || !found.extractKey) return refused(403, 'NOT_DELIVERED');
    const extractKey = found.extractKey;
    await em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(DataRequest, { id: found.id });
      if (!isHubStaff(actor) && row.state === S.DELIVERED) {
        row.firstDownloadedAt = services.clock.now();
        await enter(tx, { services, actor }, row, S.IN_USE, null, 'dataRequestExtract');
      }
      await recordAudit(tx, actor, {
        event: AuditEventType.EXPORT,
        action: 'dataRequestExtract',
        objectType: 'DataRequest',
        objectId: row.id,
        institutionId: null,
        detail: `${row.extractRowCount ?? 0} rows sha256:${row.extractSha256 ?? ''}`,
      });
    });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="gegevensverzoek-${found.id}.csv"`);
    if (found.extractSize) response.setHeader('Content-Length', found.extractSize);
    await pipeline(services.fileStore.open(extractKey), response).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      services.logger.error({ err: error }, 'data request extract failed while sending');
      response.destroy();
    });
  };
}

/**
 * GET /api/data-requests/:id/quote.html: the quote as a printable page, for whoever may see the
 * request and its quote (hub staff; the requester once it was sent); 404 otherwise. Audited as a read.
 */
export function dataRequestQuoteRoute(services: AppServices) {
  return async (request: Request, response: Response): Promise<void> => {
    const actor = await signedIn(services, request, response);
    if (!actor) return;
    const em = services.orm.em.fork();
    const id = String(request.params.id ?? '');
    const found = UUID.test(id) ? await em.findOne(DataRequest, { id }) : null;
    const quote = found ? await em.findOne(DataRequestQuote, { request: found.id }) : null;
    const sent = !!found && ![S.APPROVED, S.APPROVED_WITH_CONDITIONS].includes(found.state);
    const allowed = !!found && !!quote && (await mayView(em, actor, found)) && (isHubStaff(actor) || (isRequester(actor, found) && sent));
    if (!found || !quote || !allowed) {
      await recordRefusal(
        { services, actor },
        { action: 'dataRequestQuoteDocument', objectType: 'DataRequest', objectId: id.slice(0, 100), institutionId: null },
      );
      response.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    const organisation = await em.findOneOrFail(Organisation, { id: found.requesterOrganisation.id });
    const ids = found.narrowedInstitutionIds?.length || found.institutionIds.length ? await institutionsConcerned(em, found) : [];
    const institutions = ids.length ? await em.find(Institution, { id: { $in: ids } }, { orderBy: { code: 'asc' } }) : [];
    const signedAtText = quote.signedAt
      ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(quote.signedAt)
      : null;
    await recordAudit(em, actor, {
      event: AuditEventType.EXPORT,
      action: 'dataRequestQuoteDocument',
      objectType: 'DataRequest',
      objectId: found.id,
      institutionId: null,
      detail: found.state,
    });
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.send(
      quoteDocument({
        request: found,
        quote,
        requesterOrganisation: organisation.name,
        institutions: institutions.map((institution) => `${institution.name} (${institution.code})`),
        signedAtText,
      }),
    );
  };
}

const EVIDENCE_TYPES: Record<string, { mime: string; extension: string }> = {
  PDF: { mime: 'application/pdf', extension: 'pdf' },
  PNG: { mime: 'image/png', extension: 'png' },
  JPEG: { mime: 'image/jpeg', extension: 'jpg' },
};

/**
 * GET /api/data-requests/:id/signed-quote.pdf and /api/data-requests/:id/destruction-evidence: the
 * uploaded signed copy of the quote and the destruction evidence, decrypted while sent, for hub staff
 * and the requesting organisation's REQUESTER and LOCAL_ADMIN users; 404 for anyone else, an unknown
 * id or no file alike. Sent as attachments with their checked type; downloads and refusals audited.
 */
export function dataRequestFileRoute(services: AppServices, which: 'signedQuote' | 'destructionEvidence') {
  const action = which === 'signedQuote' ? 'dataRequestSignedQuote' : 'dataRequestDestructionEvidence';
  return async (request: Request, response: Response): Promise<void> => {
    const actor = await signedIn(services, request, response);
    if (!actor) return;
    const em = services.orm.em.fork();
    const id = String(request.params.id ?? '');
    const found = UUID.test(id) ? await em.findOne(DataRequest, { id }) : null;
    const quote = found && which === 'signedQuote' ? await em.findOne(DataRequestQuote, { request: found.id }) : null;
    const file =
      which === 'signedQuote'
        ? quote?.signedCopyKey
          ? { key: quote.signedCopyKey, size: quote.signedCopySize, type: 'PDF' }
          : null
        : found?.destructionEvidenceKey
          ? { key: found.destructionEvidenceKey, size: found.destructionEvidenceSize, type: found.destructionEvidenceType ?? 'PDF' }
          : null;
    if (!found || !file || !(isHubStaff(actor) || isRequester(actor, found))) {
      await recordRefusal({ services, actor }, { action, objectType: 'DataRequest', objectId: id.slice(0, 100), institutionId: null });
      response.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    await recordAudit(em, actor, {
      event: AuditEventType.EXPORT,
      action,
      objectType: 'DataRequest',
      objectId: found.id,
      institutionId: null,
      detail: file.type,
    });
    const type = EVIDENCE_TYPES[file.type] ?? (EVIDENCE_TYPES.PDF as { mime: string; extension: string });
    response.setHeader('Content-Type', type.mime);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${which === 'signedQuote' ? 'offerte-getekend' : 'bewijs-vernietiging'}.${type.extension}"`,
    );
    if (file.size) response.setHeader('Content-Length', file.size);
    await pipeline(services.fileStore.open(file.key), response).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      services.logger.error({ err: error }, 'data request file failed while sending');
      response.destroy();
    });
  };
}

/** GET /api/data-requests/quote.css: the quote document's stylesheet (no inline styles under the Content-Security-Policy). */
export function quoteStylesheetRoute() {
  return (_request: Request, response: Response): void => {
    response.setHeader('Content-Type', 'text/css; charset=utf-8');
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.send(QUOTE_CSS);
  };
}
