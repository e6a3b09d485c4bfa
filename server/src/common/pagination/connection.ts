import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

/** Relay's page information. */
@ObjectType({ simpleResolvers: true, description: 'Where a page of a connection lies in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, {
    description:
      'True when rows follow this page: pass `endCursor` as `after` for them. When paging backwards (`last`/`before`): true whenever `before` was given.',
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description:
      'True when rows precede this page: pass `startCursor` as `before` (with `last`) for them. When paging forwards (`first`/`after`): true whenever `after` was given.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row of this page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page; null when the page is empty.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

/** A page of a list: Relay's edges and pageInfo, the nodes alone as a convenience, and totalCount where it is cheap. */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount?: number;
}

export interface ConnectionOptions {
  /** The list's name: types `${name}Connection` and `${name}Edge`. */
  name: string;
  /** What a page of it is, e.g. "A page of deliveries, newest first." */
  description: string;
  /** Only where counting is cheap: the description of totalCount, saying why it is. Omit to leave the field out. */
  totalCount?: string;
}

/**
 * The `XConnection` and `XEdge` GraphQL types of node type X. Decorators are applied by hand so the
 * type names come from `name` and totalCount exists only where it was asked for.
 */
export function connectionTypes<T extends object>(nodeType: () => ClassType<T>, options: ConnectionOptions) {
  class EdgeType {
    node!: T;
    cursor!: string;
  }
  Field(nodeType, { description: 'The row.' })(EdgeType.prototype, 'node');
  Field(() => String, { description: 'Opaque: pass as `after` (or `before`) to page from this row.' })(EdgeType.prototype, 'cursor');
  ObjectType(`${options.name}Edge`, { simpleResolvers: true, description: `A row of ${options.name}Connection with its cursor.` })(EdgeType);

  class ConnectionType {
    edges!: Edge<T>[];
    nodes!: T[];
    pageInfo!: PageInfo;
    totalCount?: number;
  }
  Field(() => [EdgeType], { description: 'The rows of this page with their cursors.' })(ConnectionType.prototype, 'edges');
  Field(() => [nodeType()], { description: "The rows of this page (the edges' nodes, for convenience)." })(ConnectionType.prototype, 'nodes');
  Field(() => PageInfo, { description: 'Cursors and whether more rows precede or follow.' })(ConnectionType.prototype, 'pageInfo');
  if (options.totalCount) Field(() => Int, { description: options.totalCount })(ConnectionType.prototype, 'totalCount');
  ObjectType(`${options.name}Connection`, { simpleResolvers: true, description: options.description })(ConnectionType);
  return { Connection: ConnectionType, Edge: EdgeType };
}
