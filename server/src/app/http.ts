import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isAuthenticated } from '../kernel/actor';
import { authenticate } from '../access/authenticate';
import { dictionaryRoute } from '../dictionaries/dictionary.route';
import { healthRoute } from '../health/health.route';
import { reportExportRoutes } from '../reports/report-export.route';
import { forwardingRoutes } from '../forwarding/forwarding.route';
import { agreementDocumentRoute } from '../agreements/module';
import { fhirRouter } from '../fhir/http/module';
import { dataRequestExtractRoute, dataRequestFileRoute, dataRequestQuoteRoute, quoteStylesheetRoute } from '../data-requests/module';
import { message } from '../common/messages';
import type { RequestContext } from '../kernel/context';
import { WWW_AUTHENTICATE } from '../kernel/errors';
import { createRequestContext } from './context';
import { httpErrorHandler } from './http-errors';
import { closeUnreadRequest, multipartUploads } from './multipart';
import { landingPageWithoutCsp, securityHeaders } from './security-headers';
import type { AppServices } from '../kernel/services';

/**
 * A multipart request without the CSRF preflight header, or without a full login (both factors,
 * or an API token), is refused here, before a byte of its body is read.
 */
function multipartGate(services: AppServices) {
  return async (request: Request, response: Response, next: NextFunction) => {
    if (!request.is('multipart/form-data')) return next();
    if (!request.headers['apollo-require-preflight'] && !request.headers['x-apollo-operation-name']) {
      closeUnreadRequest(request, response);
      response
        .status(400)
        .json({ errors: [{ message: 'A multipart request needs the "Apollo-Require-Preflight" header.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const actor = await authenticate(services.orm.em.fork(), services.clock, request, services.tokenCache).catch(() => null);
    if (!actor || !isAuthenticated(actor)) {
      closeUnreadRequest(request, response);
      response.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
      response.status(401).json({ errors: [{ message: message(actor?.language ?? 'nl', 'UNAUTHENTICATED'), extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    next();
  };
}

/**
 * GraphQL answers carry personal and institution data: no browser or proxy may keep them (OWASP
 * ASVS 8.2.1). Set here rather than by Apollo's cache-control plugin, which is off (app/graphql.ts),
 * so refusals before the GraphQL pipeline (401, multipart gate) carry it too.
 */
function noStore(_request: Request, response: Response, next: NextFunction) {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

function serveConsole(app: express.Express, consoleDir: string) {
  const index = path.join(consoleDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_request, response) => {
      response.type('text/plain').send('The console is not built: run `pnpm build` (GraphQL is at /graphql).');
    });
    return;
  }
  // Built assets carry content hashes and may be cached; index.html must be fetched anew after a deploy.
  const noCacheForIndex = (response: Response, file: string) => {
    if (path.basename(file) === 'index.html') response.setHeader('Cache-Control', 'no-cache');
  };
  app.use(express.static(consoleDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex }));
  // The console routes in the browser (HTML5 history): unknown GET paths get its page.
  app.use((request, response, next) => {
    if (request.method !== 'GET' || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

const JSON_LIMIT = '1mb';

/** Middleware order: security headers, health, exports, the FHIR endpoint, GraphQL (JSON, then the multipart gate and the streamed multipart), the console, and last the JSON error handler. */
export function createHttpApp(options: { services: AppServices; apollo: ApolloServer<RequestContext> }) {
  const { services, apollo } = options;
  const { config } = services;
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy, X-Forwarded-Proto decides whether cookies are Secure.
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders({ behindTls: config.trustProxy }));
  if (!config.production) app.get('/graphql', landingPageWithoutCsp);
  app.get('/healthz', healthRoute(services.orm));
  app.get('/api/dictionaries/:registry/:subDelivery/:version.json', dictionaryRoute(services));
  const exports = reportExportRoutes(services);
  // Exports carry patient-linked data: never kept by a browser or proxy cache (as /graphql).
  app.get('/api/deliveries/:id/report.csv', noStore, cookieParser(), exports.csv);
  app.get('/api/deliveries/:id/report.xlsx', noStore, cookieParser(), exports.xlsx);
  app.get('/api/deliveries/:id/failed-records.csv', noStore, cookieParser(), exports.failedRecords);
  const forwarding = forwardingRoutes(services);
  app.get('/api/forwarding/:authorisationId/records.csv', noStore, cookieParser(), forwarding.csv);
  app.get('/api/forwarding/:authorisationId/records.ndjson', noStore, cookieParser(), forwarding.ndjson);
  app.get('/api/agreements/:id/document.pdf', noStore, cookieParser(), agreementDocumentRoute(services));
  app.get('/api/data-requests/quote.css', quoteStylesheetRoute());
  app.get('/api/data-requests/:id/extract.csv', noStore, cookieParser(), dataRequestExtractRoute(services));
  app.get('/api/data-requests/:id/quote.html', noStore, cookieParser(), dataRequestQuoteRoute(services));
  app.get('/api/data-requests/:id/signed-quote.pdf', noStore, cookieParser(), dataRequestFileRoute(services, 'signedQuote'));
  app.get('/api/data-requests/:id/destruction-evidence', noStore, cookieParser(), dataRequestFileRoute(services, 'destructionEvidence'));
  // FHIR R4 (issue 15): API tokens only, no cookies; $deliver streams its own body.
  app.use('/fhir/r4', fhirRouter(services));
  app.use(
    '/graphql',
    noStore,
    cookieParser(),
    express.json({ limit: JSON_LIMIT }),
    multipartGate(services),
    multipartUploads({ maxFileSize: config.uploadMaxBytes, maxFieldSize: 1024 * 1024 }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createRequestContext(services, req, res),
    }),
  );
  serveConsole(app, config.consoleDir);
  app.use(httpErrorHandler(services.logger, { jsonLimit: JSON_LIMIT }));
  return app;
}
