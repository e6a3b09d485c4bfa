import { graphql } from '../../graphql/generated';

/** The list of dictionaries: for the viewer's index and the file check's dictionary choice. */
export const dictionaryListQuery = graphql(`
  query DictionaryList {
    dictionaries {
      id
      registry
      subDelivery
      version
      title {
        nl
        en
      }
      formats
      source
    }
    registries {
      id
      code
      name
      subDeliveries {
        id
        code
        name
        dictionaryVersions {
          id
          version
          status
        }
      }
    }
  }
`);

export const dictionaryDetailQuery = graphql(`
  query DictionaryDetail($id: ID!) {
    dictionary(id: $id) {
      id
      registry
      subDelivery
      version
      source
      title {
        nl
        en
      }
      formats
      xml {
        rootElement
        recordElement
      }
      primaryKey
      reportKey
      fields {
        ...DictionaryFieldFields
      }
      referenceTables {
        name
        label {
          nl
          en
        }
        codes {
          code
          label {
            nl
            en
          }
        }
      }
      checks {
        code
        class
        common
        description {
          nl
          en
        }
        message {
          nl
          en
        }
      }
    }
  }
`);

export const dictionaryFieldFields = graphql(`
  fragment DictionaryFieldFields on DictionaryField {
    name
    label {
      nl
      en
    }
    type
    required
    requiredWhen {
      field
      equals
      filled
    }
    emptyWhen {
      field
      equals
      filled
    }
    constraints {
      minLength
      maxLength
      pattern
      minimum
      maximum
      decimals
      notAfterDeliveryDate
    }
    formatDescription {
      nl
      en
    }
    referenceTable
    identifying
    periodCheck
    notes {
      nl
      en
    }
  }
`);

/** The versions of one sub-delivery, found by codes: what the "what changed" tab compares. */
export const subDeliveryVersionsQuery = graphql(`
  query SubDeliveryVersions($registry: String!) {
    registry(code: $registry) {
      id
      subDeliveries {
        id
        code
        dictionaryVersions {
          id
          version
          status
        }
      }
    }
  }
`);

export const dictionaryDiffQuery = graphql(`
  query DictionaryDiff($subDelivery: ID!, $from: String!, $to: String!) {
    dictionaryDiff(subDelivery: $subDelivery, from: $from, to: $to) {
      from
      to
      fieldsAdded
      fieldsRemoved
      fieldsChanged {
        name
        properties
      }
      checksAdded
      checksRemoved
      checksChanged {
        name
        properties
      }
      referenceTables {
        name
        added
        removed
      }
    }
  }
`);

export const dictionaryAdoptionQuery = graphql(`
  query DictionaryAdoption($subDelivery: ID!) {
    dictionaryAdoption(subDelivery: $subDelivery) {
      version
      institutions {
        code
        name
        lastDeliveredAt
      }
    }
  }
`);
