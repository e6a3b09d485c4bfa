import { graphql } from '../../graphql/generated';

export const entryPortalTargetsQuery = graphql(`
  query EntryPortalTargets {
    entryPortalTargets {
      registry
      version
      dictionaryPath
      institution {
        id
        code
        name
        units {
          number
          name
        }
      }
      subDelivery {
        id
        code
        name
      }
    }
  }
`);

export const entryDraftsQuery = graphql(`
  query EntryDrafts($institutionId: ID!, $subDeliveryId: ID!, $period: Period!) {
    entryDrafts(institutionId: $institutionId, subDeliveryId: $subDeliveryId, period: $period, first: 200) {
      totalCount
      nodes {
        id
        status
        values {
          field
          value
        }
        submittedIn {
          id
        }
      }
    }
  }
`);

export const saveEntryDraftMutation = graphql(`
  mutation SaveEntryDraft($input: SaveEntryDraftInput!) {
    saveEntryDraft(input: $input) {
      __typename
      ... on EntryDraft {
        id
        status
        errorCount
      }
      ...RefusalFields
    }
  }
`);

export const deleteEntryDraftMutation = graphql(`
  mutation DeleteEntryDraft($id: ID!) {
    deleteEntryDraft(id: $id) {
      __typename
      ... on EntryDraft {
        id
      }
      ...RefusalFields
    }
  }
`);

export const submitEntryPeriodMutation = graphql(`
  mutation SubmitEntryPeriod($institutionId: ID!, $subDeliveryId: ID!, $period: Period!, $unit: Int!) {
    submitEntryPeriod(institutionId: $institutionId, subDeliveryId: $subDeliveryId, period: $period, unit: $unit) {
      __typename
      ... on Delivery {
        id
        status
      }
      ...RefusalFields
    }
  }
`);

export const entryDeliveryQuery = graphql(`
  query EntryDelivery($id: ID!) {
    delivery(id: $id) {
      id
      status
      recordCount
      acceptedCount
      errorCount
      warningCount
      deliveredAt
    }
  }
`);
