import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppServices } from '../../kernel/services';
import { requestLanguage } from './fhir-auth';
import { fhirMessage } from './fhir-messages';
import { capabilityStatement, deliverOperationDefinition } from './capability';
import { deliverRoute } from './deliver.route';
import { deliverStatusRoute } from './deliver-status.route';
import { errorOutcome, sendFhir } from './operation-outcome';

/** The server's version, as package.json says (the CapabilityStatement names it). */
const SOFTWARE_VERSION = process.env.npm_package_version ?? '0.1.0';

/** Express 5 does not catch a rejected handler's error for us in every path: answer it as an OperationOutcome. */
function handled(route: (request: Request, response: Response) => Promise<void>) {
  return (request: Request, response: Response, next: NextFunction) => {
    route(request, response).catch(next);
  };
}

/**
 * The FHIR R4 endpoint, mounted by the app at /fhir/r4 (FHIR_BASE_PATH). Reads no cookie and parses
 * no body itself: `$deliver` streams its body through the conversion. Everything it answers is an
 * R4 resource in JSON, errors included.
 */
export function fhirRouter(services: AppServices): express.Router {
  const router = express.Router();
  const started = services.clock.now().toISOString();
  router.get('/metadata', (_request, response) => sendFhir(response, 200, capabilityStatement(services.config.publicUrl, SOFTWARE_VERSION, started)));
  router.get('/OperationDefinition/deliver', (_request, response) => sendFhir(response, 200, deliverOperationDefinition(services.config.publicUrl)));
  router.post(['/$deliver', '/%24deliver'], handled(deliverRoute(services)));
  router.get(['/$deliver-status/:id', '/%24deliver-status/:id'], handled(deliverStatusRoute(services)));
  router.use((request: Request, response: Response) =>
    sendFhir(response, 404, errorOutcome('not-supported', fhirMessage(requestLanguage(request), 'unknownOperation'))),
  );
  router.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    // By kind only: a message could quote the submitted data.
    const reference = randomUUID();
    services.logger.error({ reference, kind: error instanceof Error ? error.name : typeof error }, 'FHIR request failed');
    if (response.headersSent) return response.destroy();
    sendFhir(response, 500, errorOutcome('exception', fhirMessage(requestLanguage(request), 'failed', { id: reference })));
  });
  return router;
}
