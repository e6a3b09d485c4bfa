import { graphql } from '../../graphql/generated';

export const institutionMergersQuery = graphql(`
  query InstitutionMergers {
    institutionMergers {
      id
      effectiveDate
      note
      createdAt
      appliedAt
      from {
        code
        name
      }
      into {
        code
        name
      }
    }
  }
`);

export const mergeInstitutionMutation = graphql(`
  mutation MergeInstitution($input: MergeInstitutionInput!) {
    mergeInstitution(input: $input) {
      __typename
      ... on InstitutionMerger {
        id
        appliedAt
      }
      ...RefusalFields
    }
  }
`);
