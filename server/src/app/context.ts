import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate, InvalidTokenError } from '../access/authenticate';
import type { Actor } from '../kernel/actor';
import type { RequestContext } from '../kernel/context';
import { WWW_AUTHENTICATE } from '../kernel/errors';
import { createRequestLoaders } from '../kernel/loaders';
import type { AppServices } from '../kernel/services';
import { message } from '../common/messages';

export async function createRequestContext(services: AppServices, request: Request, response: Response): Promise<RequestContext> {
  const em = services.orm.em.fork();
  let actor: Actor;
  try {
    actor = await authenticate(em, services.clock, request, services.tokenCache);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      const language = request.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
      throw new GraphQLError(message(language, 'INVALID_TOKEN'), {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', WWW_AUTHENTICATE]]) } },
      });
    }
    throw error;
  }
  return { em, loaders: createRequestLoaders(), actor, services, request, response };
}
