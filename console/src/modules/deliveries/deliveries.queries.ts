import { graphql } from '../../graphql/generated';

/** The streams with their dictionary versions, and the institutions (with units) the user may see. */
export const uploadFormQuery = graphql(`
  query UploadForm {
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
    institutions {
      id
      code
      name
      units {
        number
        name
      }
    }
  }
`);

/** The server's "Controleren" of a file name: its fields, problems (blocking) and warnings. */
export const checkDeliveryFileNameQuery = graphql(`
  query CheckDeliveryFileName($fileName: String!) {
    checkDeliveryFileName(fileName: $fileName) {
      conforming
      institutionCode
      unit
      registry
      subDelivery
      version
      sequenceNumber
      creationDate
      test
      problems {
        code
        message
        field
      }
      warnings
    }
  }
`);

/**
 * Sent by hand as a multipart request (upload.ts), not through urql: urql reports no upload
 * progress. Declared here so codegen types its variables and result.
 */
export const uploadDeliveryMutation = graphql(`
  mutation UploadDelivery($file: Upload!, $input: UploadDeliveryInput!) {
    uploadDelivery(file: $file, input: $input) {
      __typename
      ... on Delivery {
        id
        status
      }
      ...RefusalFields
    }
  }
`);

/** The delivery page: everything but the report lines (those are read, and audited, on the Verslag tab). */
export const deliveryDetailQuery = graphql(`
  query DeliveryDetail($id: ID!) {
    delivery(id: $id) {
      id
      status
      progress
      recordCount
      acceptedCount
      rejectedCount
      errorCount
      warningCount
      period
      deadline
      deadlineAdjusted
      deadlineReason
      late
      channel
      test
      unit
      fileName
      fileNameConforming
      size
      sha256
      deliveredAt
      deliveryDate
      deliveredByName
      processingStartedAt
      processedAt
      failureReason
      dictionaryVersion
      registry {
        id
        code
        name
      }
      subDelivery {
        id
        code
        name
      }
      institution {
        id
        code
        name
      }
      sameBytesAs {
        id
        deliveredAt
      }
      supersededBy {
        id
      }
      supersededAt
      reportTotals {
        code
        class
        count
        description
        hint
      }
    }
  }
`);

export const reportLinesQuery = graphql(`
  query DeliveryReportLines($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $code: String, $class: String) {
    delivery(id: $id) {
      id
      reportLines(first: $first, after: $after, last: $last, before: $before, code: $code, class: $class) {
        pageInfo {
          ...PageInfoFields
        }
        nodes {
          ordinal
          recordNumber
          code
          class
          field
          message
          keyValues {
            name
            value
          }
        }
      }
    }
  }
`);

/** Aangeleverd: the list, newest first. */
export const deliveriesQuery = graphql(`
  query Deliveries($filter: DeliveryFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    deliveries(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        status
        period
        deadline
        deadlineAdjusted
        deadlineReason
        late
        channel
        test
        unit
        fileName
        deliveryDate
        deliveredAt
        registry {
          id
          code
          name
        }
        subDelivery {
          id
          code
          name
        }
        institution {
          id
          code
          name
        }
      }
    }
  }
`);
