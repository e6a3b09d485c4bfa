import { graphql } from '../../graphql/generated';

export const roleAssignmentFields = graphql(`
  fragment RoleAssignmentFields on RoleAssignment {
    id
    role
    institution {
      id
      code
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
    organisation {
      id
      name
    }
  }
`);

export const meFields = graphql(`
  fragment MeFields on Me {
    stage
    user {
      id
      email
      name
      language
      roles {
        ...RoleAssignmentFields
      }
      organisation {
        id
        name
        kind
      }
    }
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);

export const refusalFields = graphql(`
  fragment RefusalFields on Refusal {
    code
    message
    field
  }
`);

export const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginStep {
        stage
      }
      ...RefusalFields
      ... on LockedOut {
        retryAfterSeconds
      }
    }
  }
`);

export const startTotpSetupMutation = graphql(`
  mutation StartTotpSetup {
    startTotpSetup {
      __typename
      ... on TotpSetup {
        secret
        uri
      }
      ...RefusalFields
    }
  }
`);

export const verifyTotpMutation = graphql(`
  mutation VerifyTotp($code: String!) {
    verifyTotp(code: $code) {
      __typename
      ... on LoginStep {
        stage
      }
      ...RefusalFields
    }
  }
`);

export const sendEmailCodeMutation = graphql(`
  mutation SendEmailCode {
    sendEmailCode {
      __typename
      ...RefusalFields
    }
  }
`);

export const verifyEmailCodeMutation = graphql(`
  mutation VerifyEmailCode($code: String!) {
    verifyEmailCode(code: $code) {
      __typename
      ... on LoginStep {
        stage
      }
      ...RefusalFields
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout {
      __typename
      ...RefusalFields
    }
  }
`);

export const requestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      __typename
      ...RefusalFields
    }
  }
`);

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      __typename
      ...RefusalFields
    }
  }
`);

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      __typename
      ... on User {
        id
        email
      }
      ...RefusalFields
    }
  }
`);

export const sessionFields = graphql(`
  fragment SessionFields on Session {
    id
    current
    createdAt
    lastSeenAt
    secondFactorAt
    address
    userAgent
    revokedAt
  }
`);

export const mySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      ...SessionFields
    }
  }
`);

export const endSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id) {
      __typename
      ... on Session {
        ...SessionFields
      }
      ...RefusalFields
    }
  }
`);

export const apiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const apiTokensQuery = graphql(`
  query ApiTokens($organisationId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    apiTokens(organisationId: $organisationId, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...ApiTokenFields
      }
    }
  }
`);

export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreatedApiToken {
        token
        apiToken {
          ...ApiTokenFields
        }
      }
      ...RefusalFields
    }
  }
`);

export const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
      ... on ApiToken {
        ...ApiTokenFields
      }
      ...RefusalFields
    }
  }
`);

export const changeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ...RefusalFields
      ... on LockedOut {
        retryAfterSeconds
      }
    }
  }
`);

export const resetMyAuthenticatorMutation = graphql(`
  mutation ResetMyAuthenticator($currentPassword: String!) {
    resetMyAuthenticator(currentPassword: $currentPassword) {
      __typename
      ...RefusalFields
    }
  }
`);
