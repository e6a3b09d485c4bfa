import { graphql } from '../../graphql/generated';

export const expectedRowFragment = graphql(`
  fragment ExpectedRow on ExpectedDelivery {
    period
    periodEnd
    deadline
    deadlineAdjusted
    deadlineReason
    state
    deliveredOn
    registry {
      code
      name
    }
    subDelivery {
      code
      name
    }
  }
`);

export const deliveryOverviewQuery = graphql(`
  query DeliveryOverview($institutionCode: String!, $first: Int!) {
    deliveryOverview(institutionCode: $institutionCode) {
      asOf
      institution {
        code
        name
      }
      missing(first: $first) {
        totalCount
        nodes {
          ...ExpectedRow
        }
      }
      upcoming(first: $first) {
        totalCount
        nodes {
          ...ExpectedRow
        }
      }
      rejected(first: $first) {
        totalCount
        nodes {
          deliveryId
          period
          deadline
          channel
          deliveryDate
          status
          fileName
          registry {
            code
            name
          }
          subDelivery {
            code
            name
          }
        }
      }
    }
  }
`);

export const expectedDeliveriesQuery = graphql(`
  query ExpectedDeliveries($filter: ExpectedDeliveryFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    expectedDeliveries(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...ExpectedRow
        institution {
          code
          name
        }
      }
    }
  }
`);

export const streamsQuery = graphql(`
  query OverviewStreams {
    registries {
      code
      name
      subDeliveries {
        code
        name
      }
    }
  }
`);

export const completenessQuery = graphql(`
  query Completeness($filter: CompletenessFilterInput, $groupBy: [CompletenessDimension!]) {
    completeness(filter: $filter, groupBy: $groupBy) {
      period
      periodEnd
      registry {
        code
      }
      subDelivery {
        code
      }
      institution {
        code
        name
      }
      expected
      delivered
      onTime
      late
      missing
      rate
      onTimeRate
    }
  }
`);

/** The heat map: institution × period cells as scalar lists (row-major), not one object per cell. */
export const completenessMatrixQuery = graphql(`
  query CompletenessMatrix($filter: CompletenessFilterInput) {
    completenessMatrix(filter: $filter) {
      institutions {
        code
        name
      }
      periods
      periodEnds
      expected
      delivered
      states
    }
  }
`);

export const volumeChangesQuery = graphql(`
  query VolumeChanges($filter: CompletenessFilterInput, $threshold: Float, $first: Int, $after: String, $last: Int, $before: String) {
    volumeChanges(filter: $filter, threshold: $threshold, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        period
        previousPeriod
        records
        previousRecords
        change
        institution {
          code
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
  }
`);

export const reminderPreferencesQuery = graphql(`
  query ReminderPreferences {
    reminderPreferences {
      optedOut
      registry {
        code
        name
      }
    }
  }
`);

export const setReminderOptOutMutation = graphql(`
  mutation SetReminderOptOut($registry: String!, $optOut: Boolean!) {
    setReminderOptOut(registry: $registry, optOut: $optOut) {
      __typename
      ... on ReminderPreferenceList {
        preferences {
          optedOut
          registry {
            code
            name
          }
        }
      }
      ...RefusalFields
    }
  }
`);

/** Hub staff's institution picker: institutions whose code starts with, or whose name or place contains, the text. */
export const institutionSearchChoicesQuery = graphql(`
  query InstitutionSearchChoices($search: String) {
    institutions(search: $search) {
      id
      code
      name
    }
  }
`);
