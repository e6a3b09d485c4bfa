const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an `ID` argument can name a row at all. Ids are UUIDs; anything else names nothing, so a
 * service answers it exactly as an unknown id (null, an empty list or NOT_FOUND) instead of handing
 * it to PostgreSQL, which would fail on the cast.
 */
export function isUuid(id: string | null | undefined): id is string {
  return typeof id === 'string' && UUID.test(id);
}
