import { expect } from 'chai';

/** What the paging tests read of any connection. */
export interface PageOf<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export interface PageRequest {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

export type FetchPage<N> = (page: PageRequest) => Promise<PageOf<N>>;

/** The paging arguments as GraphQL variables and argument list, for the connections' queries. */
export const PAGE_VARIABLES = '$first: Int, $after: String, $last: Int, $before: String';
export const PAGE_ARGUMENTS = 'first: $first, after: $after, last: $last, before: $before';
export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Every row of the list, read forwards `size` rows a page through the cursors. */
export async function readAll<N>(fetch: FetchPage<N>, key: (node: N) => string, size = 3): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page: PageOf<N> = await fetch({ first: size, after });
    keys.push(...page.edges.map((edge) => key(edge.node)));
    if (!page.pageInfo.hasNextPage) return keys;
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 1000 pages');
}

/**
 * Reads page 1 (2 rows), lets `insert` add a row that sorts at or before page 1's end, then reads
 * page 2 from page 1's endCursor: it must hold exactly the rows that follow page 1's last row in
 * the list as it is now (no repeat, no gap). Then `last: 2, before:` page 2's startCursor must give
 * page 1 again, with a previous page (the inserted row) before it.
 */
export async function expectStablePagesAndBackwards<N>(fetch: FetchPage<N>, key: (node: N) => string, insert: () => Promise<void>): Promise<void> {
  const page1 = await fetch({ first: 2 });
  const firstKeys = page1.edges.map((edge) => key(edge.node));
  expect(firstKeys, 'page 1').to.have.length(2);
  const lastOfPage1 = firstKeys[1] as string;
  const before = await readAll(fetch, key);
  await insert();
  const now = await readAll(fetch, key);
  // The insertion moved page 1's last row further down: an offset would now repeat it on page 2.
  expect(now.indexOf(lastOfPage1), "the inserted row sorts at or before page 1's end").to.be.greaterThan(before.indexOf(lastOfPage1));
  const page2 = await fetch({ first: 2, after: page1.pageInfo.endCursor });
  const start = now.indexOf(lastOfPage1) + 1;
  expect(
    page2.edges.map((edge) => key(edge.node)),
    "page 2 follows page 1's last row",
  ).to.deep.equal(now.slice(start, start + 2));
  expect(page2.pageInfo.hasPreviousPage).to.equal(true);
  const back = await fetch({ last: 2, before: page2.pageInfo.startCursor });
  expect(
    back.edges.map((edge) => key(edge.node)),
    'last 2 before page 2',
  ).to.deep.equal(now.slice(start - 2, start));
  expect([back.pageInfo.hasPreviousPage, back.pageInfo.hasNextPage]).to.deep.equal([start - 2 > 0, true]);
  // And backwards from the end, the whole list in the same order.
  const tail = await fetch({ last: 3 });
  expect(
    tail.edges.map((edge) => key(edge.node)),
    'the last 3 rows',
  ).to.deep.equal(now.slice(-3));
}
