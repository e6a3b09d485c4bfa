import type { Knex } from '@mikro-orm/postgresql';
import type { CursorValue, KeyType } from './cursor';

/**
 * Keyset ("seek") paging: a page starts strictly after the position of the cursor's row in the
 * list's order, found through the index instead of counting rows from the top (OFFSET). Rows
 * inserted or removed elsewhere do not shift the pages, and a deep page costs what the first does.
 */

/** One column of a list's order. The last key of a list must be unique (its id). */
export interface SortKey {
  /** Trusted SQL (a column or expression chosen in code, never from input), e.g. `d.delivered_at`. */
  column: string;
  type: KeyType;
  desc?: boolean;
  /** For a nullable column: where NULLs come in the list's order. Omit for NOT NULL columns. */
  nulls?: 'first' | 'last';
}

/** A piece of SQL with `?` placeholders and its values (knex's raw bindings; nests in the overviews' `sql`). */
export interface SqlPiece {
  text: string;
  values: unknown[];
}

const CAST: Record<KeyType, string> = { text: '?::text', uuid: '?::uuid', int: '?::int', bigint: '?::bigint', date: '?::date', timestamptz: '?::timestamptz' };

/** The keys in the order rows are read: reading backwards flips each direction and where NULLs go. */
function traversal(keys: readonly SortKey[], backward: boolean): SortKey[] {
  if (!backward) return [...keys];
  return keys.map((key) => ({ ...key, desc: !key.desc, ...(key.nulls ? { nulls: key.nulls === 'first' ? 'last' : 'first' } : {}) }));
}

/** `ORDER BY` text for reading the list forwards or backwards (matching the index it was made for). */
export function keysetOrder(keys: readonly SortKey[], backward: boolean): string {
  return traversal(keys, backward)
    .map((key) => `${key.column} ${key.desc ? 'desc' : 'asc'}${key.nulls ? ` nulls ${key.nulls}` : ''}`)
    .join(', ');
}

/**
 * Rows strictly after `position` when reading in the order of `keys`. Where the remaining keys run
 * one way and cannot be NULL past the position, a row comparison `(a, b) > (?, ?)` (which an index
 * on (a, b) answers directly); otherwise key by key, with NULLs placed as the order places them.
 */
function after(keys: readonly SortKey[], position: readonly CursorValue[], from: number): SqlPiece {
  if (from >= keys.length) return { text: 'false', values: [] };
  const key = keys[from] as SortKey;
  const value = position[from] ?? null;
  const rest = keys.slice(from);
  const rowComparable = rest.every((other, index) => other.desc === key.desc && (!other.nulls || (position[from + index] !== null && other.nulls === 'first')));
  const op = key.desc ? '<' : '>';
  if (rowComparable) {
    const values = position.slice(from);
    if (rest.length === 1) return { text: `${key.column} ${op} ${CAST[key.type]}`, values };
    return { text: `(${rest.map((other) => other.column).join(', ')}) ${op} (${rest.map((other) => CAST[other.type]).join(', ')})`, values };
  }
  const tail = after(keys, position, from + 1);
  if (value === null) {
    const sameThenAfter = `(${key.column} is null and ${tail.text})`;
    return key.nulls === 'first' ? { text: `(${sameThenAfter} or ${key.column} is not null)`, values: tail.values } : { text: sameThenAfter, values: tail.values };
  }
  const text = `(${key.column} ${op} ${CAST[key.type]} or (${key.column} = ${CAST[key.type]} and ${tail.text})${key.nulls === 'last' ? ` or ${key.column} is null` : ''})`;
  return { text, values: [value, value, ...tail.values] };
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
  return keys.map((_, index) => (row[`__k${index}`] ?? null) as CursorValue);
}

/** Adds the page's condition, the key columns, the order and `limit + 1` (the extra row tells whether more follow). */
export function applyKeyset(knex: Knex, query: Knex.QueryBuilder, keys: readonly SortKey[], window: { limit: number; backward: boolean; position: CursorValue[] | null }): Knex.QueryBuilder {
  if (window.position) {
    const condition = keysetCondition(keys, window.position, window.backward);
    query.whereRaw(condition.text, condition.values as Knex.RawBinding[]);
  }
  return query.select(knex.raw(keysetSelect(keys))).orderByRaw(keysetOrder(keys, window.backward)).limit(window.limit + 1);
}

/**
 * Every row of a query in keyset order, `size` rows per statement: each batch is one index range
 * scan from where the last ended (no OFFSET re-reading what came before), and the connection goes
 * back to the pool between batches, so a slow reader holds none.
 */
export async function* keysetBatches<R extends Record<string, unknown>>(knex: Knex, query: () => Knex.QueryBuilder, keys: readonly SortKey[], size: number): AsyncGenerator<R[]> {
  let position: CursorValue[] | null = null;
  for (;;) {
    const rows = (await applyKeyset(knex, query(), keys, { limit: size, backward: false, position })) as R[];
    const batch = rows.slice(0, size);
    if (batch.length) yield batch;
    if (rows.length <= size) return;
    position = positionOf(batch.at(-1) as R, keys);
  }
}
