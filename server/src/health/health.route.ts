import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';

const TIMEOUT_MS = 2000;

/** GET /healthz: 200 when the database answers a query within two seconds, 503 otherwise. */
export function healthRoute(orm: MikroORM) {
  return async (_request: Request, response: Response) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
    });
    try {
      await Promise.race([orm.em.getConnection().execute('select 1'), timeout]);
      response.status(200).json({ status: 'ok', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    } finally {
      clearTimeout(timer);
    }
  };
}
