import type { Request, Response } from 'express';
import type { AppServices } from '../kernel/services';

/**
 * GET /api/dictionaries/:registry/:subDelivery/:version.json: the resolved dictionary (fields,
 * reference tables, checks, templates) exactly as the engine uses it, so the console can check a
 * file in the browser with the same engine and messages before it is sent. Public: dictionaries
 * are published specifications and carry no data of anyone.
 */
export function dictionaryRoute(services: Pick<AppServices, 'dictionaries' | 'orm'>) {
  return async (request: Request, response: Response) => {
    const { registry, subDelivery, version } = request.params as Record<string, string>;
    const catalogue = await services.dictionaries.current({ em: services.orm.em.fork(), request });
    const loaded = registry && subDelivery && version ? catalogue.find(registry, subDelivery, version) : undefined;
    if (!loaded) {
      response.status(404).json({ error: 'NOT_FOUND', message: `No dictionary ${registry}/${subDelivery}/${version}.` });
      return;
    }
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.json(loaded.dictionary);
  };
}
