import type { EntityManager } from '@mikro-orm/postgresql';

export interface RequiredVersion {
  id: string;
  version: string;
}

/**
 * The dictionary version a sub-delivery's deliveries must follow on a day: the newest ACTIVE
 * version valid on that day. The one place this is decided for the lifecycle (go-live criteria);
 * when dictionary versions get their own "required from" date, this function is what changes.
 */
export async function requiredVersion(em: EntityManager, subDeliveryId: string, onDate: string): Promise<RequiredVersion | null> {
  const rows = await em.getConnection().execute<RequiredVersion[]>(
    `select id, version from dictionary_version
     where sub_delivery_id = ? and status = 'ACTIVE' and valid_from <= ?::date and (valid_to is null or valid_to >= ?::date)
     order by valid_from desc, version desc limit 1`,
    [subDeliveryId, onDate, onDate],
  );
  return rows[0] ?? null;
}
