import { graphql } from '../../graphql/generated';

export const registryFields = graphql(`
  fragment RegistryFields on Registry {
    id
    code
    name
    holder
    acceptedChannels
    producesInformationProduct
    subDeliveries {
      ...SubDeliveryFields
    }
  }
`);

export const subDeliveryFields = graphql(`
  fragment SubDeliveryFields on SubDelivery {
    id
    code
    name
    frequency
    deadlineRule {
      kind
      monthsAfterPeriodEnd
      day
      lastDayOfMonth
      yearsAfterPeriodYear
      month
    }
    dictionaryVersions {
      id
      version
      status
      acceptedFrom
      requiredFrom
      acceptedUntil
    }
  }
`);

export const institutionFields = graphql(`
  fragment InstitutionFields on Institution {
    id
    code
    name
    type
    active
    units {
      number
      name
    }
  }
`);

/** Everything the registries page shows, in one round trip. */
export const registriesPageQuery = graphql(`
  query RegistriesPage {
    registries {
      ...RegistryFields
    }
    institutions {
      ...InstitutionFields
    }
  }
`);

/** The registries with their sub-deliveries and versions: what the onboarding page chooses from. */
export const onboardingQuery = graphql(`
  query Onboarding {
    registries {
      ...RegistryFields
    }
  }
`);

export const createRegistryMutation = graphql(`
  mutation CreateRegistry($input: CreateRegistryInput!) {
    createRegistry(input: $input) {
      __typename
      ... on Registry {
        ...RegistryFields
      }
      # Aliased: Refusal.code (RefusalCode) and Registry.code (String) may not share a name.
      ... on Refusal {
        refusalCode: code
        message
        field
      }
    }
  }
`);

export const createSubDeliveryMutation = graphql(`
  mutation CreateSubDelivery($input: CreateSubDeliveryInput!) {
    createSubDelivery(input: $input) {
      __typename
      ... on SubDelivery {
        ...SubDeliveryFields
      }
      # Aliased: Refusal.code (RefusalCode) and Registry.code (String) may not share a name.
      ... on Refusal {
        refusalCode: code
        message
        field
      }
    }
  }
`);

/** Sent as a multipart request (graphql/multipart.ts), not through urql. */
export const uploadDictionaryPackageMutation = graphql(`
  mutation UploadDictionaryPackage($file: Upload!, $registry: String!, $subDelivery: String!) {
    uploadDictionaryPackage(file: $file, registry: $registry, subDelivery: $subDelivery) {
      __typename
      ... on DictionaryVersion {
        id
        version
        status
        revision
      }
      ... on DictionaryPackageRefused {
        problems {
          path
          message
        }
      }
      ...RefusalFields
    }
  }
`);

export const publishDictionaryVersionMutation = graphql(`
  mutation PublishDictionaryVersion($id: ID!, $input: PublishDictionaryVersionInput!) {
    publishDictionaryVersion(id: $id, input: $input) {
      __typename
      ... on DictionaryVersion {
        id
        version
        status
        acceptedFrom
        requiredFrom
        acceptedUntil
      }
      ...RefusalFields
    }
  }
`);
