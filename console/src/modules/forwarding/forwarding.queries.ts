import { graphql } from '../../graphql/generated';

/**
 * Afnames of one institution, newest first, with the institution's authorisations alongside: an
 * afname names its authorisation by id, and the authorisation gives processor, stream and periods.
 * Fields written out, not spread from fragments: the server's query cost limit counts nested
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
        organisationId
        authorisationId
        userId
        tokenId
      }
    }
  }
`);

/** The institution's authorisations, to name an afname's processor, stream and periods and to offer the filters. */
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
          authorisationId
          organisationId
        }
        versions {
          recordKey
          version
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

/** The processor's notice endpoint (never its secret) and its latest notices. */
export const noticesQuery = graphql(`
  query MyNotices {
    noticeEndpoint {
      id
      url
      active
      updatedAt
    }
    notices(first: 20) {
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
