import { graphql } from '../../graphql/generated';

export const registryContactFields = graphql(`
  fragment RegistryContactFields on RegistryContact {
    id
    name
    role
    email
    phone
    registry {
      code
    }
  }
`);

export const registryContactsQuery = graphql(`
  query RegistryContacts($institutionCode: String!) {
    registryContacts(institutionCode: $institutionCode) {
      ...RegistryContactFields
    }
    registries {
      code
      name
    }
  }
`);

export const addRegistryContactMutation = graphql(`
  mutation AddRegistryContact($input: AddRegistryContactInput!) {
    addRegistryContact(input: $input) {
      __typename
      ... on RegistryContact {
        ...RegistryContactFields
      }
      ...RefusalFields
    }
  }
`);

export const removeRegistryContactMutation = graphql(`
  mutation RemoveRegistryContact($id: ID!) {
    removeRegistryContact(id: $id) {
      __typename
      ... on RegistryContact {
        id
      }
      ...RefusalFields
    }
  }
`);

export const announcementsQuery = graphql(`
  query Announcements($registry: String!, $first: Int, $after: String, $last: Int, $before: String) {
    announcements(registry: $registry, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        subject
        body
        sentAt
        recipients {
          name
          email
          institutionCode
        }
      }
    }
  }
`);

export const sendAnnouncementMutation = graphql(`
  mutation SendAnnouncement($registry: String!, $subject: String!, $body: String!) {
    sendAnnouncement(registry: $registry, subject: $subject, body: $body) {
      __typename
      ... on Announcement {
        id
        recipients {
          email
        }
      }
      ...RefusalFields
    }
  }
`);
