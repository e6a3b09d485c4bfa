/**
 * The opaque cursor of every connection: base64url of a versioned JSON tuple
 * `[1, tag, ...keyValues]`, where the tag names the list and the key values are the row's sort key
 * columns ending with its unique id. Clients pass cursors back unchanged; anything else (a cursor of
 * another list, an edited or truncated one) is refused, never silently read as "from the start".
 */

/** How a sort key column is compared and carried in a cursor (timestamps as text: microseconds survive). */
export type KeyType = 'text' | 'uuid' | 'int' | 'bigint' | 'date' | 'timestamptz';

export type CursorValue = string | number;

const VERSION = 1;

const FORMATS: Record<Exclude<KeyType, 'int' | 'text'>, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  bigint: /^-?\d{1,19}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  // As PostgreSQL prints timestamptz::text: `2026-04-10 12:00:00.123456+00` (offset may carry minutes).
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
};

/** A real calendar day (so PostgreSQL never gets `2026-02-31` to cast). */
function isRealDay(text: string): boolean {
  const day = text.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

export function validValue(type: KeyType, value: unknown): boolean {
  switch (type) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= 2 ** 31;
    case 'text':
      return typeof value === 'string' && value.length <= 1000;
    case 'date':
    case 'timestamptz':
      return typeof value === 'string' && FORMATS[type].test(value) && isRealDay(value) && Number(value.slice(11, 13) || 0) < 24;
    default:
      return typeof value === 'string' && FORMATS[type].test(value);
  }
}

export function encodeCursor(tag: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([VERSION, tag, ...values]), 'utf8').toString('base64url');
}

export interface CursorKey {
  type: KeyType;
}

/** The key values of a cursor made for list `tag`, or null when it is not one. */
export function decodeCursor(cursor: string, tag: string, keys: readonly CursorKey[]): CursorValue[] | null {
  if (cursor.length > 4000 || !/^[A-Za-z0-9_-]*$/.test(cursor)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded[0] !== VERSION || decoded[1] !== tag || decoded.length !== keys.length + 2) return null;
  const values = decoded.slice(2) as unknown[];
  const valid = keys.every((key, index) => validValue(key.type, values[index]));
  return valid ? (values as CursorValue[]) : null;
}
