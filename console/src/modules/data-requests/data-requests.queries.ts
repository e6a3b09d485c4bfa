import { graphql } from '../../graphql/generated';

export const dataRequestRowFields = graphql(`
  fragment DataRequestRowFields on DataRequest {
    id
    state
    stateSince
    stepDueOn
    dataset
    years
    purpose
    kind
    usageContext
    requesterOrganisation
    createdAt
  }
`);

export const quoteFields = graphql(`
  fragment DataRequestQuoteFields on DataRequestQuote {
    id
    commercial
    weight
    minPerYearCents
    maxPerYearCents
    perYearCents
    deviationReason
    totalExclVatCents
    vatCents
    totalInclVatCents
    signedAt
    signedName
    signedFunction
    signedOnPaper
    invoiceDate
    invoiceDueOn
    paidOn
    signedCopySize
    lines {
      kind
      description
      year
      cents
    }
  }
`);

export const dataRequestFields = graphql(`
  fragment DataRequestFields on DataRequest {
    id
    state
    stateSince
    stepDueOn
    createdAt
    requesterOrganisation
    coRequesters
    purpose
    declaredUsageContext
    usageContext
    kind
    kindConfirmed
    termMonths
    dataset
    fields
    level
    aggregation
    years
    institutionSelection
    institutions {
      code
      name
    }
    periodFrom
    periodTo
    desiredDeliveryOn
    identifyingData
    protocolVersion
    clonedFromId
    considerations {
      legal
      privacy
      competition
      sector
    }
    committeeReferred
    committeeAdvice
    committeeAdviceBy
    decisionLetter
    conditions
    narrowedPurpose
    narrowedFields
    narrowedYears
    narrowedInstitutions {
      code
      name
    }
    sourceCitation
    deliveredOn
    usageEndsOn
    destructionDueOn
    decidedAt
    firstDownloadedAt
    registerPublishedAt
    extract {
      rowCount
      suppressedCells
      size
      createdAt
      createdBy
    }
    destruction {
      confirmedAt
      statement
      name
      function
      recordedByHub
      evidenceType
      evidenceSize
    }
    consents {
      id
      kind
      givenAt
      givenByName
      note
      institution {
        code
        name
      }
    }
    transitions {
      id
      fromState
      toState
      at
      actorName
      note
    }
    quote {
      ...DataRequestQuoteFields
    }
  }
`);

export const myDataRequestsQuery = graphql(`
  query MyDataRequests($first: Int, $after: String, $last: Int, $before: String) {
    myDataRequests(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      nodes {
        ...DataRequestRowFields
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const dataRequestQueueQuery = graphql(`
  query DataRequestQueue($filter: DataRequestFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    dataRequests(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      nodes {
        ...DataRequestRowFields
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const dataRequestsForInstitutionQuery = graphql(`
  query DataRequestsForInstitution($institutionCode: String!, $first: Int, $after: String, $last: Int, $before: String) {
    dataRequestsForInstitution(institutionCode: $institutionCode, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      nodes {
        ...DataRequestRowFields
        identifyingData
        institutionSelection
        institutions {
          code
          name
        }
        consents {
          id
          kind
          givenAt
          givenByName
          institution {
            code
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const dataRequestQuery = graphql(`
  query DataRequest($id: ID!) {
    dataRequest(id: $id) {
      ...DataRequestFields
    }
  }
`);

export const dataRequestChecklistQuery = graphql(`
  query DataRequestChecklist($dataset: String!) {
    dataRequestChecklist(dataset: $dataset) {
      name
      group
      footnote
      identifying
    }
  }
`);

/** Hub staff entering a mailed form: the requester organisations it can come from. */
export const requesterOrganisationsQuery = graphql(`
  query RequesterOrganisations {
    organisations(kind: REQUESTER, first: 50) {
      nodes {
        id
        name
        active
      }
    }
  }
`);

export const dataRequestFormOptionsQuery = graphql(`
  query DataRequestFormOptions {
    registries {
      id
      code
      name
    }
    institutions(active: true) {
      code
      name
    }
  }
`);

export const dataRequestFeeProposalQuery = graphql(`
  query DataRequestFeeProposal($id: ID!, $fee: FeeInput!) {
    dataRequestFeeProposal(id: $id, fee: $fee) {
      __typename
      ... on FeeProposalView {
        minPerYearCents
        maxPerYearCents
        weightedPerYearCents
        perYearCents
        deviates
        totalExclVatCents
        vatCents
        totalInclVatCents
        lines {
          kind
          description
          year
          cents
        }
      }
      ...RefusalFields
    }
  }
`);

export const createDataRequestMutation = graphql(`
  mutation CreateDataRequest($input: DataRequestFormInput!) {
    createDataRequest(input: $input) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const updateDataRequestMutation = graphql(`
  mutation UpdateDataRequest($id: ID!, $input: DataRequestFormInput!) {
    updateDataRequest(id: $id, input: $input) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const cloneDataRequestMutation = graphql(`
  mutation CloneDataRequest($id: ID!) {
    cloneDataRequest(id: $id) {
      __typename
      ... on DataRequest {
        id
        state
      }
      ...RefusalFields
    }
  }
`);

export const submitDataRequestMutation = graphql(`
  mutation SubmitDataRequest($id: ID!, $acceptedProtocolVersion: String!) {
    submitDataRequest(id: $id, acceptedProtocolVersion: $acceptedProtocolVersion) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const moveDataRequestMutation = graphql(`
  mutation MoveDataRequest($input: MoveDataRequestInput!) {
    moveDataRequest(input: $input) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const confirmDataRequestKindMutation = graphql(`
  mutation ConfirmDataRequestKind($input: ConfirmKindInput!) {
    confirmDataRequestKind(input: $input) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const recordDataRequestAssessmentMutation = graphql(`
  mutation RecordDataRequestAssessment($id: ID!, $considerations: ConsiderationsInput!) {
    recordDataRequestAssessment(id: $id, considerations: $considerations) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const recordCommitteeAdviceMutation = graphql(`
  mutation RecordCommitteeAdvice($id: ID!, $advice: String!) {
    recordCommitteeAdvice(id: $id, advice: $advice) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const giveDataRequestConsentMutation = graphql(`
  mutation GiveDataRequestConsent($input: GiveConsentInput!) {
    giveDataRequestConsent(input: $input) {
      __typename
      ... on DataRequestConsent {
        id
        kind
      }
      ...RefusalFields
    }
  }
`);

/** The flags a user holds, shown when hub staff open the flags dialog. */
export const dataRequestAuthoritiesQuery = graphql(`
  query DataRequestAuthorities($userId: ID!) {
    dataRequestAuthorities(userId: $userId) {
      id
      kind
      institutionCode
    }
  }
`);

export const setDataRequestAuthorityMutation = graphql(`
  mutation SetDataRequestAuthority($input: SetAuthorityInput!) {
    setDataRequestAuthority(input: $input) {
      __typename
      ... on DataRequestAuthorities {
        authorities {
          id
          kind
          institutionCode
        }
      }
      ...RefusalFields
    }
  }
`);

export const setDataRequestQuoteMutation = graphql(`
  mutation SetDataRequestQuote($id: ID!, $fee: FeeInput!) {
    setDataRequestQuote(id: $id, fee: $fee) {
      __typename
      ... on DataRequestQuote {
        ...DataRequestQuoteFields
      }
      ...RefusalFields
    }
  }
`);

export const signDataRequestQuoteMutation = graphql(`
  mutation SignDataRequestQuote($input: SignQuoteInput!, $file: Upload) {
    signDataRequestQuote(input: $input, signedCopy: $file) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const recordDataRequestInvoiceMutation = graphql(`
  mutation RecordDataRequestInvoice($id: ID!, $invoiceDate: String!) {
    recordDataRequestInvoice(id: $id, invoiceDate: $invoiceDate) {
      __typename
      ... on DataRequestQuote {
        ...DataRequestQuoteFields
      }
      ...RefusalFields
    }
  }
`);

export const prepareDataRequestExtractMutation = graphql(`
  mutation PrepareDataRequestExtract($id: ID!) {
    prepareDataRequestExtract(id: $id) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const confirmDataRequestDestructionMutation = graphql(`
  mutation ConfirmDataRequestDestruction($input: DestructionInput!, $file: Upload) {
    confirmDataRequestDestruction(input: $input, evidence: $file) {
      __typename
      ... on DataRequest {
        ...DataRequestFields
      }
      ...RefusalFields
    }
  }
`);

export const markDataRequestInvoicePaidMutation = graphql(`
  mutation MarkDataRequestInvoicePaid($id: ID!, $paidOn: String!) {
    markDataRequestInvoicePaid(id: $id, paidOn: $paidOn) {
      __typename
      ... on DataRequestQuote {
        ...DataRequestQuoteFields
      }
      ...RefusalFields
    }
  }
`);

export const setDataRequestRegisterEntryMutation = graphql(`
  mutation SetDataRequestRegisterEntry($id: ID!, $published: Boolean!) {
    setDataRequestRegisterEntry(id: $id, published: $published) {
      __typename
      ... on DataRequest {
        id
        registerPublishedAt
      }
      ...RefusalFields
    }
  }
`);

export const approvedDataRequestRegisterQuery = graphql(`
  query ApprovedDataRequestRegister($first: Int, $after: String, $last: Int, $before: String) {
    approvedDataRequestRegister(first: $first, after: $after, last: $last, before: $before) {
      nodes {
        id
        requesterOrganisation
        purpose
        dataset
        years
        decidedAt
        publishedAt
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);
