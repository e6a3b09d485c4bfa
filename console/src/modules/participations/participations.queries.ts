import { graphql } from '../../graphql/generated';

export const participationFields = graphql(`
  fragment ParticipationRowFields on Participation {
    id
    state
    channel
    startPeriod
    endPeriod
    createdAt
    institution {
      code
      name
    }
    subDelivery {
      code
      registry {
        code
        name
      }
    }
  }
`);

export const institutionParticipationsQuery = graphql(`
  query InstitutionParticipations($institutionCode: String!) {
    participations(institutionCode: $institutionCode) {
      ...ParticipationRowFields
    }
  }
`);

export const participationHistoryQuery = graphql(`
  query ParticipationHistory($institutionCode: String!) {
    participations(institutionCode: $institutionCode) {
      id
      transitions(first: 100) {
        nodes {
          id
          fromState
          toState
          at
          actorName
          note
        }
      }
      vendorChanges {
        id
        fromVendor
        toVendor
        changedOn
        backToTesting
      }
    }
  }
`);

export const goLiveChecklistQuery = graphql(`
  query GoLiveChecklist($participationId: ID!) {
    goLiveChecklist(participationId: $participationId) {
      met
      requiredVersion
      cleanTestDeliveryCount
      minCleanTestDeliveryCount
      autoGoLive
      criteria {
        criterion
        met
        description
      }
    }
  }
`);

export const signUpRegistriesQuery = graphql(`
  query SignUpRegistries {
    registries {
      id
      code
      name
      acceptedChannels
      subDeliveries {
        id
        code
        name
      }
    }
  }
`);

export const signUpMutation = graphql(`
  mutation SignUpForRegistry($input: SignUpInput!) {
    signUpForRegistry(input: $input) {
      __typename
      ... on SignUp {
        participations {
          id
          state
        }
      }
      ...RefusalFields
    }
  }
`);

export const moveParticipationMutation = graphql(`
  mutation MoveParticipation($input: MoveParticipationInput!) {
    moveParticipation(input: $input) {
      __typename
      ... on Participation {
        id
        state
        endPeriod
      }
      ...RefusalFields
    }
  }
`);

export const participationBoardQuery = graphql(`
  query ParticipationBoard($filter: ParticipationBoardFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    participationBoard(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...ParticipationRowFields
      }
    }
  }
`);

export const participationCountsQuery = graphql(`
  query ParticipationCounts($registry: String) {
    participationCounts(registry: $registry) {
      state
      count
    }
  }
`);
