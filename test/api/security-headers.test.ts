import { expect } from 'chai';
import { sharedServer, startTestServer } from '../support/server';

/** The security headers of an answer, by name. */
function securityHeadersOf(response: Response): Record<string, string | null> {
  const names = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security'];
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
}

function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('browser security headers', () => {
  it('sends a strict policy (own scripts only, no framing), nosniff, no referrer and no HSTS on plain http, for the console and for /graphql', async () => {
    const { url } = await sharedServer();
    const page = await fetch(`${url}/login`, { headers: { accept: 'text/html' } });
    const api = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    for (const response of [page, api]) {
      const headers = securityHeadersOf(response);
      const policy = directives(headers['content-security-policy'] ?? null);
      expect(policy).to.deep.include({
        'default-src': "'self'",
        'script-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(policy).not.to.have.property('upgrade-insecure-requests');
      expect(headers).to.deep.include({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': null,
      });
    }
  });

  it('adds HSTS and upgrade-insecure-requests behind a TLS-terminating proxy (TRUST_PROXY=1)', async () => {
    const { url } = await startTestServer({ TRUST_PROXY: '1' });
    const response = await fetch(`${url}/login`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('strict-transport-security')).to.equal('max-age=31536000; includeSubDomains');
    expect(directives(response.headers.get('content-security-policy'))).to.have.property('upgrade-insecure-requests');
  });
});
