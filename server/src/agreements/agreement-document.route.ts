import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { isAuthenticated } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { authenticate } from '../access/authenticate';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { readableAgreement } from './agreement.service';

/**
 * GET /api/agreements/:id/document.pdf: the signed PDF, decrypted while it is sent, for hub staff
 * and the institution's local administrator (the same rule as `agreements`); 404 for anyone else
 * and for an unknown id or an agreement without a document, alike. Both the download and a refusal
 * are audited. The caller (app/http.ts) sets `Cache-Control: no-store`.
 */
export function agreementDocumentRoute(services: AppServices) {
  return async (request: Request, response: Response): Promise<void> => {
    const em = services.orm.em.fork();
    const actor = await authenticate(em, services.clock, request, services.tokenCache).catch(() => null);
    if (!actor || !isAuthenticated(actor)) {
      response.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    const id = String(request.params.id ?? '');
    const agreement = await readableAgreement(em, actor, id);
    if (!agreement?.documentKey) {
      await recordRefusal({ services, actor }, { action: 'agreementDocument', objectType: 'Agreement', objectId: id.slice(0, 100) });
      response.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    await recordAudit(em, actor, {
      event: AuditEventType.EXPORT,
      action: 'agreementDocument',
      objectType: 'Agreement',
      objectId: agreement.id,
      institutionId: agreement.institution.id,
      detail: agreement.kind,
    });
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${agreement.kind.toLowerCase()}.pdf"`);
    if (agreement.documentSize) response.setHeader('Content-Length', String(agreement.documentSize));
    await pipeline(services.fileStore.open(agreement.documentKey), response).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      services.logger.error({ err: error }, 'agreement document failed while sending');
      response.destroy();
    });
  };
}
