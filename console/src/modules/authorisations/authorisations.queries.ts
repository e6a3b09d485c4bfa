import { graphql } from '../../graphql/generated';

export const processorLinkFields = graphql(`
  fragment ProcessorLinkFields on ProcessorLink {
    id
    fields
    createdAt
    organisation {
      id
      name
    }
    registry {
      code
    }
    subDelivery {
      code
    }
  }
`);

export const processorLinksQuery = graphql(`
  query ProcessorLinks {
    processorLinks {
      ...ProcessorLinkFields
    }
  }
`);

export const processorChoicesQuery = graphql(`
  query ProcessorChoices {
    organisations(kind: PROCESSOR, first: 200) {
      edges {
        node {
          id
          name
        }
      }
    }
    dictionaries {
      id
      registry
      subDelivery
      version
      fields {
        name
        identifying
        label {
          nl
          en
        }
      }
    }
  }
`);

export const linkProcessorMutation = graphql(`
  mutation LinkProcessor($input: LinkProcessorInput!) {
    linkProcessor(input: $input) {
      __typename
      ... on ProcessorLink {
        ...ProcessorLinkFields
      }
      ...RefusalFields
    }
  }
`);

export const updateProcessorLinkMutation = graphql(`
  mutation UpdateProcessorLink($input: UpdateProcessorLinkInput!) {
    updateProcessorLink(input: $input) {
      __typename
      ... on ProcessorLink {
        ...ProcessorLinkFields
      }
      ...RefusalFields
    }
  }
`);

export const removeProcessorLinkMutation = graphql(`
  mutation RemoveProcessorLink($linkId: ID!) {
    removeProcessorLink(linkId: $linkId) {
      __typename
      ... on ProcessorLink {
        id
      }
      ...RefusalFields
    }
  }
`);

export const authorisationFields = graphql(`
  fragment AuthorisationFields on Authorisation {
    id
    fields
    purpose
    fromPeriod
    toPeriod
    validFrom
    validUntil
    revokedAt
    active
    link {
      id
      fields
      organisation {
        id
        name
      }
      registry {
        code
      }
      subDelivery {
        code
      }
    }
  }
`);

/** Fields written out, not spread from fragments: the server's query cost limit counts nested fragment spreads far above their fields. */
export const authorisationsQuery = graphql(`
  query InstitutionAuthorisations($institutionCode: String!) {
    authorisations(institutionCode: $institutionCode, first: 50) {
      totalCount
      edges {
        node {
          id
          fields
          purpose
          fromPeriod
          toPeriod
          validFrom
          validUntil
          revokedAt
          active
          link {
            id
            fields
            organisation {
              id
              name
            }
            registry {
              code
            }
            subDelivery {
              code
            }
          }
          history {
            id
            at
            action
            actorEmail
            detail
          }
        }
      }
    }
  }
`);

export const grantAuthorisationMutation = graphql(`
  mutation GrantAuthorisation($input: GrantAuthorisationInput!) {
    grantAuthorisation(input: $input) {
      __typename
      ... on Authorisation {
        ...AuthorisationFields
      }
      ...RefusalFields
    }
  }
`);

export const updateAuthorisationMutation = graphql(`
  mutation UpdateAuthorisation($input: UpdateAuthorisationInput!) {
    updateAuthorisation(input: $input) {
      __typename
      ... on Authorisation {
        ...AuthorisationFields
      }
      ...RefusalFields
    }
  }
`);

export const revokeAuthorisationMutation = graphql(`
  mutation RevokeAuthorisation($authorisationId: ID!) {
    revokeAuthorisation(authorisationId: $authorisationId) {
      __typename
      ... on Authorisation {
        id
      }
      ...RefusalFields
    }
  }
`);

/** Every institution's authorisations for hub staff, newest first, with the list's filters. */
export const allAuthorisationsQuery = graphql(`
  query AllAuthorisations($filter: AuthorisationFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    allAuthorisations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
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
