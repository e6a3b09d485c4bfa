import { ArgsType, Field, Int } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { fillIn, type Language, messages, type MessageParams } from '../messages';
import type { Connection } from './connection';
import { type CursorValue, decodeCursor, encodeCursor } from './cursor';
import { type SortKey, positionOf } from './keyset';

/** The paging arguments of every connection, as the client sent them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What to read: `limit` rows from `position` (null: from the start, or the end when backward). */
export interface PageWindow {
  limit: number;
  backward: boolean;
  position: CursorValue[] | null;
}

export interface PagingOptions {
  /** Names the list inside its cursors, so one list's cursor is refused by another. */
  tag: string;
  /** The list's order; the last key must be unique (the id as tiebreaker). */
  keys: readonly SortKey[];
  /** Rows per page when neither `first` nor `last` is given. */
  defaultSize: number;
  /** The most rows one page may ask for. */
  maxSize: number;
}

/**
 * One list's paging: its order, page sizes, the GraphQL arguments (`first`/`after` forwards,
 * `last`/`before` backwards, documented with the maximum) and what turns those into a window and
 * the rows read into a connection.
 */
export interface Paging extends PagingOptions {
  /** The `@Args(() => paging.Args)` class of the list. */
  Args: new () => PageArgs;
  window(args: PageArgs, language: Language): PageWindow;
  connection<R extends Record<string, unknown>, T>(rows: R[], window: PageWindow, node: (row: R) => T | undefined): Connection<T>;
  /** The page when nothing can match (e.g. the actor may see none of the list). */
  empty<T>(window: PageWindow): Connection<T>;
}

/** Paging arguments are checked like the schema checks scalars: a BAD_USER_INPUT error naming the argument. */
export function pagingError(language: Language, key: keyof ReturnType<typeof messages>['paging'], params: MessageParams, field: string): GraphQLError {
  return new GraphQLError(fillIn(messages(language).paging[key], params), { extensions: { code: 'BAD_USER_INPUT', reason: key, field } });
}

function invalidSize(language: Language, argument: string, max: number) {
  return pagingError(language, 'PAGE_SIZE', { argument, max }, argument);
}

export function definePaging(options: PagingOptions): Paging {
  const { defaultSize, maxSize } = options;

  @ArgsType()
  class Args implements PageArgs {
    @Field(() => Int, { nullable: true, description: `Page forwards: this many rows (0–${maxSize}; default ${defaultSize}).` })
    first?: number | null;

    @Field(() => String, { nullable: true, description: "Page forwards from just after this row: a `pageInfo.endCursor` or an edge's `cursor` of this list." })
    after?: string | null;

    @Field(() => Int, { nullable: true, description: `Page backwards: this many rows ending just before \`before\` (0–${maxSize}; default ${defaultSize}).` })
    last?: number | null;

    @Field(() => String, {
      nullable: true,
      description: "Page backwards from just before this row: a `pageInfo.startCursor` or an edge's `cursor` of this list.",
    })
    before?: string | null;
  }

  const cursorKeys = options.keys.map((key) => ({ type: key.type }));

  function position(cursor: string, argument: 'after' | 'before', language: Language): CursorValue[] {
    const values = decodeCursor(cursor, options.tag, cursorKeys);
    if (!values) throw pagingError(language, 'INVALID_CURSOR', { argument }, argument);
    return values;
  }

  return {
    ...options,
    Args,
    window(args, language) {
      const backward = (args.last ?? null) !== null || (args.before ?? null) !== null;
      if (backward && (args.first ?? null) !== null) throw pagingError(language, 'PAGE_DIRECTION', { argument: 'first' }, 'first');
      if (backward && (args.after ?? null) !== null) throw pagingError(language, 'PAGE_DIRECTION', { argument: 'after' }, 'after');
      const argument = backward ? 'last' : 'first';
      const size = (backward ? args.last : args.first) ?? defaultSize;
      if (!Number.isInteger(size) || size < 0 || size > maxSize) throw invalidSize(language, argument, maxSize);
      const cursor = backward ? args.before : args.after;
      return { limit: size, backward, position: cursor ? position(cursor, backward ? 'before' : 'after', language) : null };
    },
    connection(rows, window, node) {
      const more = rows.length > window.limit;
      const read = rows.slice(0, window.limit);
      if (window.backward) read.reverse();
      const edges = read.flatMap((row) => {
        const value = node(row);
        return value === undefined ? [] : [{ node: value, cursor: encodeCursor(options.tag, positionOf(row, options.keys)) }];
      });
      const cursorGiven = window.position !== null;
      return {
        edges,
        nodes: edges.map((edge) => edge.node),
        pageInfo: {
          hasNextPage: window.backward ? cursorGiven : more,
          hasPreviousPage: window.backward ? more : cursorGiven,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
    empty<T>(window: PageWindow): Connection<T> {
      return this.connection<Record<string, unknown>, T>([], window, () => undefined);
    },
  };
}
