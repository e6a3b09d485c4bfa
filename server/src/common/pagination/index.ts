/**
 * Paging of every list of the API: Relay cursor connections over keyset queries with opaque
 * cursors. A list defines its order and page sizes once (`definePaging`), takes `@Args(() =>
 * paging.Args)`, turns them into a window (`paging.window`), reads `limit + 1` rows in keyset order
 * (`applyKeyset` for knex, or `keysetCondition`/`keysetSelect`/`keysetOrder` in raw SQL) and returns
 * `paging.connection(rows, window, toNode)` as its `connectionTypes(...)` GraphQL type.
 */
export { connectionTypes, PageInfo, type Connection, type ConnectionOptions, type Edge } from './connection';
export { decodeCursor, encodeCursor, type CursorValue, type KeyType } from './cursor';
export { applyKeyset, keysetBatches, keysetCondition, keysetOrder, keysetSelect, positionOf, type SortKey, type SqlPiece } from './keyset';
export { definePaging, pagingError, type PageArgs, type PageWindow, type Paging, type PagingOptions } from './paging';
export { findPage } from './entities';
