import { graphql } from '../../graphql/generated';

/**
 * Afnames of one institution, newest first, each with its processor, who fetched and the
 * authorisation used (stream and periods). Fields written out, not spread from fragments: the server's query cost limit counts nested
 * fragment spreads far above their fields.
 */
export const afnamesQuery = graphql(`
  query InstitutionAfnames($institutionCode: String!, $filter: AfnameFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    afnames(institutionCode: $institutionCode, filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        fetchedAt
        format
        incremental
        complete
        recordCount
        tokenId
        fetchedBy
        processor {
          id
          name
        }
        authorisation {
          id
          purpose
          fromPeriod
          toPeriod
          link {
            id
            registry {
              id
              code
            }
            subDelivery {
              id
              code
            }
          }
        }
      }
    }
  }
`);

/** The same afnames as CSV, for the export button. */
export const afnamesCsvQuery = graphql(`
  query InstitutionAfnamesCsv($institutionCode: String!, $filter: AfnameFilterInput) {
    afnamesCsv(institutionCode: $institutionCode, filter: $filter)
  }
`);

/** The institution's authorisations, to offer their processors and registries as the list's filters. */
export const afnameAuthorisationsQuery = graphql(`
  query AfnameAuthorisations($institutionCode: String!) {
    authorisations(institutionCode: $institutionCode, first: 50) {
      nodes {
        id
        purpose
        fromPeriod
        toPeriod
        link {
          id
          organisation {
            id
            name
          }
          registry {
            id
            code
          }
          subDelivery {
            id
            code
          }
        }
      }
    }
  }
`);

/** The institution's deliveries, newest first, to pick one whose lineage to show. */
export const lineageDeliveriesQuery = graphql(`
  query LineageDeliveries($filter: DeliveryFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    deliveries(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        period
        test
        fileName
        deliveredAt
        status
        registry {
          id
          code
        }
        subDelivery {
          id
          code
        }
      }
    }
  }
`);

/** Which afnames received which of a delivery's record versions. */
export const deliveryLineageQuery = graphql(`
  query DeliveryLineage($deliveryId: ID!) {
    deliveryLineage(deliveryId: $deliveryId) {
      deliveryId
      versionCount
      receipts {
        afname {
          id
          fetchedAt
          format
          incremental
          complete
          recordCount
          fetchedBy
          processor {
            id
            name
          }
        }
        versions {
          recordKey
          version
        }
      }
    }
  }
`);

/** One record key's versions, oldest first, and which afnames received each. */
export const recordLineageQuery = graphql(`
  query RecordLineage($institutionCode: String!, $subDeliveryId: ID!, $recordKey: String!) {
    recordLineage(institutionCode: $institutionCode, subDeliveryId: $subDeliveryId, recordKey: $recordKey) {
      recordKey
      version
      deliveryId
      current
      withdrawn
      receivedBy {
        id
        fetchedAt
        format
        fetchedBy
        processor {
          id
          name
        }
      }
    }
  }
`);

/** A processor's own authorisations, with what each covers. */
export const myAuthorisationsQuery = graphql(`
  query MyAuthorisations {
    myAuthorisations(first: 50) {
      nodes {
        id
        purpose
        fromPeriod
        toPeriod
        validFrom
        validUntil
        revokedAt
        active
        fields
        changesSinceLastFetch
        lastFetch {
          id
          fetchedAt
        }
        institution {
          id
          code
          name
        }
        link {
          id
          registry {
            id
            code
          }
          subDelivery {
            id
            code
          }
        }
      }
    }
  }
`);

/** The processor's notice endpoint (never its secret). */
export const noticeEndpointQuery = graphql(`
  query MyNoticeEndpoint {
    noticeEndpoint {
      id
      url
      active
      updatedAt
    }
  }
`);

/** The processor's notices, newest first, a page at a time. */
export const noticeListQuery = graphql(`
  query NoticeList($first: Int, $after: String, $last: Int, $before: String) {
    notices(first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        authorisationId
        status
        createdAt
        attempts
        lastStatusCode
        lastErrorKind
        deliveredAt
      }
    }
  }
`);

export const registerNoticeEndpointMutation = graphql(`
  mutation RegisterNoticeEndpoint($url: String!) {
    registerNoticeEndpoint(url: $url) {
      __typename
      ... on NoticeEndpointWithSecret {
        secret
        endpoint {
          id
          url
          active
          updatedAt
        }
      }
      ... on Refusal {
        code
        message
        field
      }
    }
  }
`);

export const rotateNoticeSecretMutation = graphql(`
  mutation RotateNoticeSecret {
    rotateNoticeSecret {
      __typename
      ... on NoticeEndpointWithSecret {
        secret
      }
      ... on Refusal {
        code
        message
      }
    }
  }
`);

export const removeNoticeEndpointMutation = graphql(`
  mutation RemoveNoticeEndpoint {
    removeNoticeEndpoint {
      __typename
      ... on NoticeEndpoint {
        id
        active
      }
      ... on Refusal {
        code
        message
      }
    }
  }
`);
