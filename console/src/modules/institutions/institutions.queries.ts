import { graphql } from '../../graphql/generated';

// An Institution's `code` and a refusal's `code` cannot share one selection: the answers of the
// mutations below leave the institution's code out (the page knows it already).

export const institutionSearchQuery = graphql(`
  query InstitutionSearch($search: String, $active: Boolean) {
    institutions(search: $search, active: $active) {
      id
      code
      name
      type
      place
      active
    }
  }
`);

export const institutionDetailQuery = graphql(`
  query InstitutionDetail($code: String!) {
    institution(code: $code) {
      id
      code
      name
      type
      place
      active
      deactivatedAt
      deactivationReason
      units {
        number
        name
        closedFrom
      }
    }
  }
`);

export const institutionAdminsQuery = graphql(`
  query InstitutionAdmins($code: String!, $first: Int, $after: String, $last: Int, $before: String) {
    institution(code: $code) {
      id
      localAdministrators(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        nodes {
          id
          name
          email
          active
        }
      }
    }
  }
`);

export const institutionHistoryQuery = graphql(`
  query InstitutionHistory($code: String!, $first: Int, $after: String, $last: Int, $before: String) {
    institution(code: $code) {
      id
      history(first: $first, after: $after, last: $last, before: $before) {
        pageInfo {
          ...PageInfoFields
        }
        nodes {
          id
          at
          event
          action
          actorEmail
          objectType
          detail
        }
      }
    }
  }
`);

export const createInstitutionMutation = graphql(`
  mutation CreateInstitution($input: CreateInstitutionInput!) {
    createInstitution(input: $input) {
      __typename
      ... on Institution {
        id
        name
      }
      ...RefusalFields
    }
  }
`);

export const updateInstitutionMutation = graphql(`
  mutation UpdateInstitution($code: String!, $input: UpdateInstitutionInput!) {
    updateInstitution(code: $code, input: $input) {
      __typename
      ... on Institution {
        id
        name
        type
        place
      }
      ...RefusalFields
    }
  }
`);

export const deactivateInstitutionMutation = graphql(`
  mutation DeactivateInstitution($code: String!, $reason: String!) {
    deactivateInstitution(code: $code, reason: $reason) {
      __typename
      ... on Institution {
        id
        active
        deactivatedAt
        deactivationReason
      }
      ...RefusalFields
    }
  }
`);

export const reactivateInstitutionMutation = graphql(`
  mutation ReactivateInstitution($code: String!) {
    reactivateInstitution(code: $code) {
      __typename
      ... on Institution {
        id
        active
        deactivatedAt
        deactivationReason
      }
      ...RefusalFields
    }
  }
`);

export const addInstitutionUnitMutation = graphql(`
  mutation AddInstitutionUnit($code: String!, $name: String!) {
    addInstitutionUnit(code: $code, name: $name) {
      __typename
      ... on Institution {
        id
        units {
          number
          name
          closedFrom
        }
      }
      ...RefusalFields
    }
  }
`);

export const renameInstitutionUnitMutation = graphql(`
  mutation RenameInstitutionUnit($code: String!, $number: Int!, $name: String!) {
    renameInstitutionUnit(code: $code, number: $number, name: $name) {
      __typename
      ... on Institution {
        id
        units {
          number
          name
          closedFrom
        }
      }
      ...RefusalFields
    }
  }
`);

export const closeInstitutionUnitMutation = graphql(`
  mutation CloseInstitutionUnit($code: String!, $number: Int!, $closedFrom: Date!) {
    closeInstitutionUnit(code: $code, number: $number, closedFrom: $closedFrom) {
      __typename
      ... on Institution {
        id
        units {
          number
          name
          closedFrom
        }
      }
      ...RefusalFields
    }
  }
`);

export const deadlineExceptionsQuery = graphql(`
  query DeadlineExceptions($institutionCode: String!) {
    deadlineExceptions(institutionCode: $institutionCode) {
      id
      period
      periodEnd
      deadline
      exempt
      reason
      setAt
      subDelivery {
        id
        code
        name
        registry {
          id
          code
        }
      }
    }
  }
`);

/** The streams an exception can be for, with the period kinds each one expects. */
export const deadlineStreamsQuery = graphql(`
  query DeadlineStreams {
    registries {
      id
      code
      name
      subDeliveries {
        id
        code
        name
        schedules {
          id
          frequency
        }
      }
    }
  }
`);

export const setDeadlineExceptionMutation = graphql(`
  mutation SetDeadlineException($input: DeadlineExceptionInput!) {
    setDeadlineException(input: $input) {
      __typename
      ... on DeadlineException {
        id
      }
      ...RefusalFields
    }
  }
`);

export const removeDeadlineExceptionMutation = graphql(`
  mutation RemoveDeadlineException($id: ID!) {
    removeDeadlineException(id: $id) {
      __typename
      ... on DeadlineException {
        id
      }
      ...RefusalFields
    }
  }
`);
