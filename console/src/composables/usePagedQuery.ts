import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useQuery, type RequestPolicy } from '@urql/vue';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** The paging arguments every connection of the API takes. */
export interface PageVariables {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What the composable reads of a connection: its pageInfo (select these four fields). */
export interface PagedConnection {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
}

export interface PagedQueryOptions<Data, Vars extends PageVariables, C extends PagedConnection> {
  query: TypedDocumentNode<Data, Vars>;
  /** The query's other variables (filters); a change starts again at the first page. */
  variables: MaybeRefOrGetter<Omit<Vars, keyof PageVariables>>;
  /** The connection inside the result. */
  connection: (data: Data) => C | null | undefined;
  pageSize: MaybeRefOrGetter<number>;
  pause?: MaybeRefOrGetter<boolean>;
  requestPolicy?: RequestPolicy;
}

/**
 * One paged list over a Relay connection of the API: "next" reads `first` rows after the page's
 * endCursor, "previous" reads `last` rows before its startCursor, so a page never shifts when rows
 * are added elsewhere (the server pages by keyset). The page number is only a counter for people;
 * `first()` (also on any change of the variables or page size) goes back to the start.
 */
export function usePagedQuery<Data, Vars extends PageVariables, C extends PagedConnection>(options: PagedQueryOptions<Data, Vars, C>) {
  const position = ref<{ cursor: string | null; backward: boolean }>({ cursor: null, backward: false });
  const page = ref(1);

  const variables = computed(() => {
    const size = toValue(options.pageSize);
    const { cursor, backward } = position.value;
    const paging: PageVariables = backward ? { last: size, before: cursor } : { first: size, after: cursor };
    // The generated Vars are the filter variables plus the paging ones, exactly what is built here.
    return { ...toValue(options.variables), ...paging } as Vars;
  });

  const result = useQuery<Data, Vars>({
    query: options.query,
    variables,
    pause: () => toValue(options.pause) ?? false,
    requestPolicy: options.requestPolicy ?? 'cache-and-network',
  });

  const connection = computed<C | null>(() => (result.data.value ? (options.connection(result.data.value) ?? null) : null));

  function first(): void {
    position.value = { cursor: null, backward: false };
    page.value = 1;
  }
  watch(() => JSON.stringify([toValue(options.variables), toValue(options.pageSize)]), first);

  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);
  // Forwards, the server only knows a cursor was given; backwards it knows whether rows precede.
  const hasPrevious = computed(() => (position.value.backward ? (connection.value?.pageInfo.hasPreviousPage ?? false) : page.value > 1));

  function next(): void {
    const cursor = connection.value?.pageInfo.endCursor;
    if (!hasNext.value || !cursor) return;
    position.value = { cursor, backward: false };
    page.value++;
  }
  function previous(): void {
    const cursor = connection.value?.pageInfo.startCursor;
    if (!hasPrevious.value || !cursor) return;
    position.value = { cursor, backward: true };
    page.value = Math.max(1, page.value - 1);
  }
  // Paging back reached the start (rows before it were removed meanwhile): call it page 1 again.
  watch(connection, (now) => {
    if (now && position.value.backward && !now.pageInfo.hasPreviousPage) page.value = 1;
  });

  function refresh(): void {
    void result.executeQuery({ requestPolicy: 'network-only' });
  }

  return { ...result, connection, page, hasNext, hasPrevious, next, previous, first, refresh };
}

export type PagedQuery = ReturnType<typeof usePagedQuery>;
