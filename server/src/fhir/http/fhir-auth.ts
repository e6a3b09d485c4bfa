import type { Request, Response } from 'express';
import { authenticate, InvalidTokenError } from '../../access/authenticate';
import type { Language } from '../../common/messages';
import { type Actor, isAuthenticated } from '../../kernel/actor';
import { WWW_AUTHENTICATE } from '../../kernel/errors';
import type { AppServices } from '../../kernel/services';
import { fhirMessage } from './fhir-messages';
import { errorOutcome, sendFhir } from './operation-outcome';

/** The language of a caller not yet known: Accept-Language, else Dutch. */
export function requestLanguage(request: Request): Language {
  return request.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
}

/**
 * The caller behind `Authorization: Bearer …`, or null after a 401 OperationOutcome. Only API
 * tokens count: the session cookie is never read here, so a browser cannot be made to submit (no
 * CSRF surface), and a request with a cookie and no token is refused like one with nothing.
 */
export async function tokenActor(services: AppServices, request: Request, response: Response): Promise<Actor | null> {
  const language = requestLanguage(request);
  const refuse = (key: 'tokenRequired' | 'invalidToken') => {
    response.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
    sendFhir(response, 401, errorOutcome('login', fhirMessage(language, key)));
    return null;
  };
  if (!/^Bearer /.test(request.get('authorization') ?? '')) return refuse('tokenRequired');
  try {
    const actor = await authenticate(services.orm.em.fork(), services.clock, request, services.tokenCache);
    if (!actor.token || !isAuthenticated(actor)) return refuse('invalidToken');
    return actor;
  } catch (error) {
    if (error instanceof InvalidTokenError) return refuse('invalidToken');
    throw error;
  }
}
