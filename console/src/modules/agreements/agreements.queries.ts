import { graphql } from '../../graphql/generated';

export const agreementsQuery = graphql(`
  query InstitutionAgreements($institutionCode: String!) {
    agreements(institutionCode: $institutionCode) {
      ...AgreementFields
    }
  }
`);

export const agreementFields = graphql(`
  fragment AgreementFields on Agreement {
    id
    kind
    status
    sentOn
    signedOn
    expiresOn
    documentUrl
    documentUploadedAt
    registry {
      code
    }
  }
`);

export const recordAgreementMutation = graphql(`
  mutation RecordAgreement($input: RecordAgreementInput!) {
    recordAgreement(input: $input) {
      __typename
      ... on Agreement {
        ...AgreementFields
      }
      ...RefusalFields
    }
  }
`);

export const setAgreementStatusMutation = graphql(`
  mutation SetAgreementStatus($input: SetAgreementStatusInput!) {
    setAgreementStatus(input: $input) {
      __typename
      ... on Agreement {
        ...AgreementFields
      }
      ...RefusalFields
    }
  }
`);

export const uploadAgreementDocumentMutation = graphql(`
  mutation UploadAgreementDocument($agreementId: ID!, $file: Upload!) {
    uploadAgreementDocument(agreementId: $agreementId, file: $file) {
      __typename
      ... on Agreement {
        ...AgreementFields
      }
      ...RefusalFields
    }
  }
`);
