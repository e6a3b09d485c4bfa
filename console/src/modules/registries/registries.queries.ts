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
