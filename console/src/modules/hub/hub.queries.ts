import { graphql } from '../../graphql/generated';

export const organisationsQuery = graphql(`
  query Organisations($kind: OrganisationKind) {
    organisations(kind: $kind) {
      id
      name
      kind
    }
  }
`);

export const createOrganisationMutation = graphql(`
  mutation CreateOrganisation($kind: OrganisationKind!, $name: String!) {
    createOrganisation(kind: $kind, name: $name) {
      __typename
      ... on Organisation {
        id
        name
        kind
      }
      ...RefusalFields
    }
  }
`);

export const auditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilterInput, $first: Int!, $offset: Int!) {
    auditEvents(filter: $filter, first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        at
        event
        action
        actorEmail
        actorRoles
        channel
        onBehalfOf
        objectType
        objectId
        institutionId
        address
        userAgent
        detail
      }
    }
  }
`);

export const auditEventsCsvQuery = graphql(`
  query AuditEventsCsv($filter: AuditEventFilterInput) {
    auditEventsCsv(filter: $filter)
  }
`);
