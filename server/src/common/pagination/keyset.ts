import type { Knex } from '@mikro-orm/postgresql';
import type { CursorValue, KeyType } from './cursor';

/**
 * Keyset ("seek") paging: a page starts strictly after the position of the cursor's row in the
 * list's order, found through the index instead of counting rows from the top (OFFSET). Rows
 * inserted or removed elsewhere do not shift the pages, and a deep page costs what the first does.
 */

/**
 * One column of a list's order. The last key of a list must be unique (its id). Keys are never NULL:
 * order a nullable column by an expression that is not (e.g. `coalesce(record_number, 0)`) and
 * index that expression, so every page is a row comparison the index answers.
 */
export interface SortKey {
  /** Trusted SQL (a column or expression chosen in code, never from input), e.g. `d.delivered_at`. */
  column: string;
  type: KeyType;
  desc?: boolean;
}

/** A piece of SQL with `?` placeholders and its values (knex's raw bindings; nests in the overviews' `sql`). */
export interface SqlPiece {
  text: string;
  values: unknown[];
}

const CAST: Record<KeyType, string> = { text: '?::text', uuid: '?::uuid', int: '?::int', bigint: '?::bigint', date: '?::date', timestamptz: '?::timestamptz' };

/** The keys in the order rows are read: reading backwards flips each direction. */
function traversal(keys: readonly SortKey[], backward: boolean): SortKey[] {
  return backward ? keys.map((key) => ({ ...key, desc: !key.desc })) : [...keys];
}

/** `ORDER BY` text for reading the list forwards or backwards (an index on the keys serves both). */
export function keysetOrder(keys: readonly SortKey[], backward: boolean): string {
  return traversal(keys, backward)
    .map((key) => `${key.column} ${key.desc ? 'desc' : 'asc'}`)
    .join(', ');
}

/**
 * Rows strictly after `position` when reading in the order of `keys`. Where the keys run one way,
 * a row comparison `(a, b) > (?, ?)` (which an index on (a, b) answers directly); where directions
 * mix, key by key: the first key beyond, or equal and the rest beyond.
 */
function after(keys: readonly SortKey[], position: readonly CursorValue[], from: number): SqlPiece {
  const key = keys[from] as SortKey;
  const rest = keys.slice(from);
  const op = key.desc ? '<' : '>';
  if (rest.every((other) => other.desc === key.desc)) {
    const values = position.slice(from);
    if (rest.length === 1) return { text: `${key.column} ${op} ${CAST[key.type]}`, values };
    return { text: `(${rest.map((other) => other.column).join(', ')}) ${op} (${rest.map((other) => CAST[other.type]).join(', ')})`, values };
  }
  const tail = after(keys, position, from + 1);
  const value = position[from];
  return { text: `(${key.column} ${op} ${CAST[key.type]} or (${key.column} = ${CAST[key.type]} and ${tail.text}))`, values: [value, value, ...tail.values] };
}

/** The condition for the rows of a page that starts at `position` (forwards: after it; backwards: before it). */
export function keysetCondition(keys: readonly SortKey[], position: readonly CursorValue[], backward: boolean): SqlPiece {
  return after(traversal(keys, backward), position, 0);
}

/** The key columns as extra result columns `__k0`, `__k1`…: text where JavaScript would lose precision. */
export function keysetSelect(keys: readonly SortKey[]): string {
  return keys.map((key, index) => `${key.type === 'int' || key.type === 'text' ? key.column : `(${key.column})::text`} as "__k${index}"`).join(', ');
}

/** The key values of a row read with keysetSelect. */
export function positionOf(row: Record<string, unknown>, keys: readonly SortKey[]): CursorValue[] {
  return keys.map((_, index) => row[`__k${index}`] as CursorValue);
}

/** Adds the page's condition, the key columns, the order and `limit + 1` (the extra row tells whether more follow). */
export function applyKeyset(
  knex: Knex,
  query: Knex.QueryBuilder,
  keys: readonly SortKey[],
  window: { limit: number; backward: boolean; position: CursorValue[] | null },
): Knex.QueryBuilder {
  if (window.position) {
    const condition = keysetCondition(keys, window.position, window.backward);
    query.whereRaw(condition.text, condition.values as Knex.RawBinding[]);
  }
  return query
    .select(knex.raw(keysetSelect(keys)))
    .orderByRaw(keysetOrder(keys, window.backward))
    .limit(window.limit + 1);
}

/**
 * Every row of a query in keyset order, `size` rows per statement: each batch is one index range
 * scan from where the last ended (no OFFSET re-reading what came before), and the connection goes
 * back to the pool between batches, so a slow reader holds none. The next batch is asked for as
 * soon as a batch arrives, so the database reads it while the caller works on this one.
 */
export async function* keysetBatches<R extends Record<string, unknown>>(
  knex: Knex,
  query: () => Knex.QueryBuilder,
  keys: readonly SortKey[],
  size: number,
): AsyncGenerator<R[]> {
  const read = async (position: CursorValue[] | null) => (await applyKeyset(knex, query(), keys, { limit: size, backward: false, position })) as R[];
  let pending: Promise<R[]> | null = read(null);
  try {
    while (pending) {
      const rows: R[] = await pending;
      const batch = rows.slice(0, size);
      pending = rows.length > size ? read(positionOf(batch.at(-1) as R, keys)) : null;
      if (batch.length) yield batch;
    }
  } finally {
    // A reader that stopped early (the client went away): let the batch in flight settle unobserved.
    pending?.catch(() => undefined);
  }
}
