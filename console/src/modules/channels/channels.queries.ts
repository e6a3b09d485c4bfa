import { graphql } from '../../graphql/generated';

export const registryChoicesQuery = graphql(`
  query RegistryChoices {
    registries {
      code
      name
      acceptedChannels
    }
  }
`);

export const channelSwitchFields = graphql(`
  fragment ChannelSwitchFields on ChannelSwitchRequest {
    id
    status
    fromChannel
    channel
    reason
    desiredPeriod
    effectivePeriod
    decisionNote
    requestedAt
    institution {
      code
      name
    }
    registry {
      code
    }
  }
`);

export const channelSwitchRequestsQuery = graphql(`
  query ChannelSwitchRequests {
    channelSwitchRequests {
      ...ChannelSwitchFields
    }
  }
`);

export const requestChannelSwitchMutation = graphql(`
  mutation RequestChannelSwitch($input: RequestChannelSwitchInput!) {
    requestChannelSwitch(input: $input) {
      __typename
      ... on ChannelSwitchRequest {
        ...ChannelSwitchFields
      }
      ...RefusalFields
    }
  }
`);

export const decideChannelSwitchMutation = graphql(`
  mutation DecideChannelSwitch($input: DecideChannelSwitchInput!) {
    decideChannelSwitch(input: $input) {
      __typename
      ... on ChannelSwitchRequest {
        ...ChannelSwitchFields
      }
      ...RefusalFields
    }
  }
`);
