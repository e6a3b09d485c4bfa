import { graphql } from '../../graphql/generated';

export const organisationsQuery = graphql(`
  query Organisations($kind: OrganisationKind, $first: Int, $after: String, $last: Int, $before: String) {
    organisations(kind: $kind, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        name
        kind
        active
        deactivationReason
      }
    }
  }
`);

export const updateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($id: ID!, $name: String!) {
    updateOrganisation(id: $id, name: $name) {
      __typename
      ... on Organisation {
        id
        name
      }
      ...RefusalFields
    }
  }
`);

export const deactivateOrganisationMutation = graphql(`
  mutation DeactivateOrganisation($id: ID!, $reason: String!) {
    deactivateOrganisation(id: $id, reason: $reason) {
      __typename
      ... on Organisation {
        id
        active
        deactivationReason
      }
      ...RefusalFields
    }
  }
`);

export const reactivateOrganisationMutation = graphql(`
  mutation ReactivateOrganisation($id: ID!) {
    reactivateOrganisation(id: $id) {
      __typename
      ... on Organisation {
        id
        active
        deactivationReason
      }
      ...RefusalFields
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
  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    auditEvents(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        at
        event
        outcome
        action
        actorUserId
        actorEmail
        actorName
        actorRoles
        actorRoleList {
          role
          institutionCode
          institutionName
          scopeNames
        }
        channel
        onBehalfOf
        objectType
        objectId
        objectLabel
        institutionId
        institutionCode
        institutionName
        address
        userAgent
        detail
        refusalMessage
      }
    }
  }
`);

export const auditEventsCsvQuery = graphql(`
  query AuditEventsCsv($filter: AuditEventFilterInput) {
    auditEventsCsv(filter: $filter)
  }
`);
