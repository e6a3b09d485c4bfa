import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Actor } from '../access/actor';
import { authenticate, InvalidTokenError } from '../access/authenticate';
import { GraphQLError } from 'graphql';
import { message } from '../shared/messages';
import { createLoaders, type Loaders } from './loaders';
import type { AppServices } from './services';

/** One per GraphQL request: its own identity map, its own loaders and its actor, which die with it. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  actor: Actor;
  services: AppServices;
  request: Request;
  response: Response;
}

export async function createRequestContext(services: AppServices, request: Request, response: Response): Promise<RequestContext> {
  const em = services.orm.em.fork();
  let actor: Actor;
  try {
    actor = await authenticate(em, services.clock, request, services.tokenCache);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      const language = request.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
      throw new GraphQLError(message(language, 'INVALID_TOKEN'), { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
  return { em, loaders: createLoaders(em), actor, services, request, response };
}
