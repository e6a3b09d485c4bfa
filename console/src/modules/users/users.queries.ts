import { graphql } from '../../graphql/generated';

export const userFields = graphql(`
  fragment UserFields on User {
    id
    email
    name
    active
    totpEnabled
    roles {
      ...RoleAssignmentFields
    }
  }
`);

export const institutionUsersQuery = graphql(`
  query InstitutionUsers($institutionCode: String!, $role: Role, $first: Int, $after: String, $last: Int, $before: String) {
    institutionUsers(institutionCode: $institutionCode, role: $role, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...UserFields
      }
    }
  }
`);

/** What the role pickers offer: registries to scope a role to, institutions for hub staff. */
export const roleChoicesQuery = graphql(`
  query RoleChoices {
    registries {
      id
      code
      name
    }
  }
`);

export const institutionChoicesQuery = graphql(`
  query InstitutionChoices {
    institutions {
      id
      code
      name
    }
  }
`);

export const inviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      __typename
      ... on Invitation {
        id
        email
        expiresAt
      }
      ...RefusalFields
    }
  }
`);

export const grantRoleMutation = graphql(`
  mutation GrantRole($userId: ID!, $input: RoleScopeInput!) {
    grantRole(userId: $userId, input: $input) {
      __typename
      ... on RoleAssignmentList {
        assignments {
          ...RoleAssignmentFields
        }
      }
      ...RefusalFields
    }
  }
`);

export const revokeRoleMutation = graphql(`
  mutation RevokeRole($assignmentId: ID!) {
    revokeRole(assignmentId: $assignmentId) {
      __typename
      ... on RoleAssignmentList {
        assignments {
          ...RoleAssignmentFields
        }
      }
      ...RefusalFields
    }
  }
`);

export const deactivateUserMutation = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      __typename
      ... on User {
        ...UserFields
      }
      ...RefusalFields
    }
  }
`);

export const reactivateUserMutation = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      __typename
      ... on User {
        ...UserFields
      }
      ...RefusalFields
    }
  }
`);

/** Hub staff's organisation picker: the organisations of one kind, by name. */
export const userOrganisationChoicesQuery = graphql(`
  query UserOrganisationChoices($kind: OrganisationKind, $first: Int) {
    organisations(kind: $kind, first: $first) {
      totalCount
      nodes {
        id
        name
        kind
        active
      }
    }
  }
`);

/** The people of any organisation, with every role they hold (hub staff). */
export const organisationUsersQuery = graphql(`
  query OrganisationUsers($organisationId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organisationUsers(organisationId: $organisationId, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...UserFields
      }
    }
  }
`);

export const openInvitationsQuery = graphql(`
  query OpenInvitations($institutionCode: String!, $first: Int, $after: String, $last: Int, $before: String) {
    openInvitations(institutionCode: $institutionCode, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        email
        name
        role
        createdAt
        expiresAt
      }
    }
  }
`);

export const resendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      __typename
      ... on Invitation {
        id
        email
        expiresAt
      }
      ...RefusalFields
    }
  }
`);

export const withdrawInvitationMutation = graphql(`
  mutation WithdrawInvitation($id: ID!) {
    withdrawInvitation(id: $id) {
      __typename
      ... on Invitation {
        id
        email
      }
      ...RefusalFields
    }
  }
`);
