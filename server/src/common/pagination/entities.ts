import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Connection } from './connection';
import { applyKeyset } from './keyset';
import type { Paging, PageWindow } from './paging';

/**
 * A page of entities matching a MikroORM filter: the ids and keys come from one keyset query (the
 * entity aliased `e`, so the list's keys are written `e.name`, `e.id`), the entities from one more.
 */
export async function findPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  paging: Paging,
  window: PageWindow,
): Promise<Connection<T>> {
  const knex = em.getKnex() as Knex;
  const query = em
    .createQueryBuilder(entity, 'e')
    .select('e.id' as never)
    .where(where)
    .getKnexQuery();
  const rows = (await applyKeyset(knex, query, paging.keys, window)) as { id: string }[];
  // The generic T cannot prove it has an `id` property MikroORM knows; every paged entity does.
  const found = rows.length ? await em.find(entity, { id: { $in: rows.map((row) => row.id) } } as unknown as FilterQuery<T>) : [];
  const byId = new Map(found.map((item) => [item.id, item]));
  return paging.connection(rows, window, (row) => byId.get(row.id));
}
