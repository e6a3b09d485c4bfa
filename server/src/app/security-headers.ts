import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * Browser security headers on every answer (OWASP ASVS 14.4, helmet). The Content-Security-Policy
 * allows only the console's own files: Vite builds its scripts and styles into files under
 * /assets (no inline script, no eval: vue-i18n compiles messages without it), Element Plus and
 * Vue set styles through the CSSOM (which a CSP does not govern), and the TOTP QR code is a
 * `data:` image. No framing (`frame-ancestors 'none'`, X-Frame-Options DENY), no MIME sniffing,
 * no Referer. HSTS and upgrade-insecure-requests only behind a TLS-terminating proxy
 * (TRUST_PROXY=1): on plain http they would break a local start.
 */
export function securityHeaders(options: { behindTls: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(options.behindTls ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.behindTls ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
}

/**
 * Development only: Apollo's landing page at GET /graphql (off in production) runs an inline script
 * and loads Apollo Sandbox from Apollo's CDN, which the console's policy forbids.
 */
export function landingPageWithoutCsp(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'GET' && request.accepts('html')) response.removeHeader('Content-Security-Policy');
  next();
}
