import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Actor } from './actor';
import type { RequestLoaders } from './loaders';
import type { AppServices } from './services';

/** One per GraphQL request: its own identity map, its own loaders and its actor, which die with it. */
export interface RequestContext {
  em: EntityManager;
  loaders: RequestLoaders;
  actor: Actor;
  services: AppServices;
  request: Request;
  response: Response;
}
