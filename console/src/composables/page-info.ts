import { graphql } from '../graphql/generated';

/** What usePagedQuery needs of every connection: spread `...PageInfoFields` into its `pageInfo`. */
export const pageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);
