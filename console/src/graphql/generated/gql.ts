/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    institution {\n      id\n      code\n      name\n    }\n    registry {\n      id\n      code\n    }\n    subDelivery {\n      id\n      code\n    }\n    organisation {\n      id\n      name\n    }\n  }\n": typeof types.RoleAssignmentFieldsFragmentDoc,
    "\n  fragment MeFields on Me {\n    stage\n    user {\n      id\n      email\n      name\n      language\n      roles {\n        ...RoleAssignmentFields\n      }\n      organisation {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.MeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment RefusalFields on AuthRefusal {\n    code\n    message\n    field\n    retryAfterSeconds\n  }\n": typeof types.RefusalFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation StartTotpSetup {\n    startTotpSetup {\n      __typename\n      ... on TotpSetup {\n        secret\n        uri\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.StartTotpSetupDocument,
    "\n  mutation VerifyTotp($code: String!) {\n    verifyTotp(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.VerifyTotpDocument,
    "\n  mutation SendEmailCode {\n    sendEmailCode {\n      __typename\n      ...RefusalFields\n    }\n  }\n": typeof types.SendEmailCodeDocument,
    "\n  mutation VerifyEmailCode($code: String!) {\n    verifyEmailCode(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.VerifyEmailCodeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      __typename\n      ...RefusalFields\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      __typename\n      ...RefusalFields\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  fragment SessionFields on Session {\n    id\n    current\n    createdAt\n    lastSeenAt\n    secondFactorAt\n    address\n    userAgent\n    revokedAt\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  query MySessions {\n    mySessions {\n      ...SessionFields\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      ...SessionFields\n    }\n  }\n": typeof types.EndSessionDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens($organisationId: ID) {\n    apiTokens(organisationId: $organisationId) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreatedApiToken {\n        token\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query UploadForm {\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n    institutions {\n      id\n      code\n      name\n      units {\n        number\n        name\n      }\n    }\n  }\n": typeof types.UploadFormDocument,
    "\n  query CheckDeliveryFileName($fileName: String!) {\n    checkDeliveryFileName(fileName: $fileName) {\n      conforming\n      institutionCode\n      unit\n      registry\n      subDelivery\n      version\n      sequenceNumber\n      creationDate\n      test\n      problems\n      warnings\n    }\n  }\n": typeof types.CheckDeliveryFileNameDocument,
    "\n  mutation UploadDelivery($file: Upload!, $input: UploadDeliveryInput!) {\n    uploadDelivery(file: $file, input: $input) {\n      __typename\n      ... on Delivery {\n        id\n        status\n      }\n      ... on AuthRefusal {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.UploadDeliveryDocument,
    "\n  query DeliveryDetail($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      progress\n      recordCount\n      acceptedCount\n      rejectedCount\n      errorCount\n      warningCount\n      period\n      deadline\n      channel\n      test\n      unit\n      fileName\n      fileNameConforming\n      size\n      sha256\n      deliveredAt\n      deliveryDate\n      deliveredByName\n      processingStartedAt\n      processedAt\n      failureReason\n      dictionaryVersion\n      registry {\n        id\n        code\n        name\n      }\n      subDelivery {\n        id\n        code\n        name\n      }\n      institution {\n        id\n        code\n        name\n      }\n      sameBytesAs {\n        id\n        deliveredAt\n      }\n      supersededBy {\n        id\n      }\n      supersededAt\n      reportTotals {\n        code\n        class\n        count\n        description\n        hint\n      }\n    }\n  }\n": typeof types.DeliveryDetailDocument,
    "\n  query DeliveryReportLines($id: ID!, $first: Int!, $after: String, $code: String, $class: String) {\n    delivery(id: $id) {\n      id\n      reportLines(first: $first, after: $after, code: $code, class: $class) {\n        totalCount\n        endCursor\n        hasNextPage\n        nodes {\n          ordinal\n          recordNumber\n          code\n          class\n          field\n          message\n          keyValues {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeliveryReportLinesDocument,
    "\n  query Deliveries($filter: DeliveryFilter, $first: Int!, $after: String) {\n    deliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      endCursor\n      hasNextPage\n      nodes {\n        id\n        status\n        period\n        deadline\n        channel\n        test\n        unit\n        fileName\n        deliveryDate\n        deliveredAt\n        registry {\n          id\n          code\n          name\n        }\n        subDelivery {\n          id\n          code\n          name\n        }\n        institution {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.DeliveriesDocument,
    "\n  query DictionaryList {\n    dictionaries {\n      id\n      registry\n      subDelivery\n      version\n      title {\n        nl\n        en\n      }\n      formats\n      source\n    }\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n  }\n": typeof types.DictionaryListDocument,
    "\n  query DictionaryDetail($id: String!) {\n    dictionary(id: $id) {\n      id\n      registry\n      subDelivery\n      version\n      source\n      title {\n        nl\n        en\n      }\n      formats\n      xml {\n        rootElement\n        recordElement\n      }\n      primaryKey\n      reportKey\n      fields {\n        ...DictionaryFieldFields\n      }\n      referenceTables {\n        name\n        label {\n          nl\n          en\n        }\n        codes {\n          code\n          label {\n            nl\n            en\n          }\n        }\n      }\n      checks {\n        code\n        class\n        common\n        description {\n          nl\n          en\n        }\n        message {\n          nl\n          en\n        }\n      }\n    }\n  }\n": typeof types.DictionaryDetailDocument,
    "\n  fragment DictionaryFieldFields on DictionaryField {\n    name\n    label {\n      nl\n      en\n    }\n    type\n    required\n    requiredWhen {\n      field\n      equals\n      filled\n    }\n    emptyWhen {\n      field\n      equals\n      filled\n    }\n    constraints {\n      minLength\n      maxLength\n      pattern\n      minimum\n      maximum\n      decimals\n      notAfterDeliveryDate\n    }\n    formatDescription {\n      nl\n      en\n    }\n    referenceTable\n    identifying\n    periodCheck\n    notes {\n      nl\n      en\n    }\n  }\n": typeof types.DictionaryFieldFieldsFragmentDoc,
    "\n  query Organisations($kind: OrganisationKind) {\n    organisations(kind: $kind) {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  mutation CreateOrganisation($kind: OrganisationKind!, $name: String!) {\n    createOrganisation(kind: $kind, name: $name) {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int!, $offset: Int!) {\n    auditEvents(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        at\n        event\n        action\n        actorEmail\n        actorRoles\n        channel\n        onBehalfOf\n        objectType\n        objectId\n        institutionId\n        address\n        userAgent\n        detail\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n": typeof types.AuditEventsCsvDocument,
    "\n  fragment ExpectedRow on ExpectedDelivery {\n    period\n    periodEnd\n    deadline\n    deadlineAdjusted\n    state\n    deliveredOn\n    registry {\n      code\n      name\n    }\n    subDelivery {\n      code\n      name\n    }\n  }\n": typeof types.ExpectedRowFragmentDoc,
    "\n  query DeliveryOverview($institutionCode: String!, $first: Int!) {\n    deliveryOverview(institutionCode: $institutionCode) {\n      asOf\n      institution {\n        code\n        name\n      }\n      missing(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      upcoming(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      rejected(first: $first) {\n        totalCount\n        nodes {\n          deliveryId\n          period\n          deadline\n          channel\n          deliveryDate\n          status\n          fileName\n          registry {\n            code\n            name\n          }\n          subDelivery {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeliveryOverviewDocument,
    "\n  query ExpectedDeliveries($filter: ExpectedDeliveryFilter, $first: Int!, $after: String) {\n    expectedDeliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...ExpectedRow\n        institution {\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.ExpectedDeliveriesDocument,
    "\n  query OverviewStreams {\n    registries {\n      code\n      name\n      subDeliveries {\n        code\n        name\n      }\n    }\n  }\n": typeof types.OverviewStreamsDocument,
    "\n  query Completeness($filter: CompletenessFilter, $groupBy: [CompletenessDimension!]) {\n    completeness(filter: $filter, groupBy: $groupBy) {\n      period\n      periodEnd\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n      institution {\n        code\n        name\n      }\n      expected\n      delivered\n      onTime\n      late\n      missing\n      rate\n      onTimeRate\n    }\n  }\n": typeof types.CompletenessDocument,
    "\n  query VolumeChanges($filter: CompletenessFilter, $threshold: Float) {\n    volumeChanges(filter: $filter, threshold: $threshold, first: 100) {\n      period\n      previousPeriod\n      records\n      previousRecords\n      change\n      institution {\n        code\n        name\n      }\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n    }\n  }\n": typeof types.VolumeChangesDocument,
    "\n  query ReminderPreferences {\n    reminderPreferences {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n": typeof types.ReminderPreferencesDocument,
    "\n  mutation SetReminderOptOut($registry: String!, $optOut: Boolean!) {\n    setReminderOptOut(registry: $registry, optOut: $optOut) {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n": typeof types.SetReminderOptOutDocument,
    "\n  fragment RegistryFields on Registry {\n    id\n    code\n    name\n    holder\n    acceptedChannels\n    producesInformationProduct\n    subDeliveries {\n      ...SubDeliveryFields\n    }\n  }\n": typeof types.RegistryFieldsFragmentDoc,
    "\n  fragment SubDeliveryFields on SubDelivery {\n    id\n    code\n    name\n    frequency\n    deadlineRule {\n      kind\n      monthsAfterPeriodEnd\n      day\n      lastDayOfMonth\n      yearsAfterPeriodYear\n      month\n    }\n    dictionaryVersions {\n      id\n      version\n      status\n      validFrom\n      validTo\n    }\n  }\n": typeof types.SubDeliveryFieldsFragmentDoc,
    "\n  fragment InstitutionFields on Institution {\n    id\n    code\n    name\n    type\n    active\n    units {\n      number\n      name\n    }\n  }\n": typeof types.InstitutionFieldsFragmentDoc,
    "\n  query RegistriesPage {\n    registries {\n      ...RegistryFields\n    }\n    institutions {\n      ...InstitutionFields\n    }\n  }\n": typeof types.RegistriesPageDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    name\n    active\n    totpEnabled\n    roles {\n      ...RoleAssignmentFields\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query InstitutionUsers($institutionCode: String!) {\n    institutionUsers(institutionCode: $institutionCode) {\n      ...UserFields\n    }\n  }\n": typeof types.InstitutionUsersDocument,
    "\n  query RoleChoices {\n    registries {\n      id\n      code\n      name\n    }\n  }\n": typeof types.RoleChoicesDocument,
    "\n  query InstitutionChoices {\n    institutions {\n      id\n      code\n      name\n    }\n  }\n": typeof types.InstitutionChoicesDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      __typename\n      ... on Invitation {\n        id\n        email\n        expiresAt\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation GrantRole($userId: ID!, $input: RoleScopeInput!) {\n    grantRole(userId: $userId, input: $input) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n": typeof types.ReactivateUserDocument,
};
const documents: Documents = {
    "\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    institution {\n      id\n      code\n      name\n    }\n    registry {\n      id\n      code\n    }\n    subDelivery {\n      id\n      code\n    }\n    organisation {\n      id\n      name\n    }\n  }\n": types.RoleAssignmentFieldsFragmentDoc,
    "\n  fragment MeFields on Me {\n    stage\n    user {\n      id\n      email\n      name\n      language\n      roles {\n        ...RoleAssignmentFields\n      }\n      organisation {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.MeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": types.MeDocument,
    "\n  fragment RefusalFields on AuthRefusal {\n    code\n    message\n    field\n    retryAfterSeconds\n  }\n": types.RefusalFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation StartTotpSetup {\n    startTotpSetup {\n      __typename\n      ... on TotpSetup {\n        secret\n        uri\n      }\n      ...RefusalFields\n    }\n  }\n": types.StartTotpSetupDocument,
    "\n  mutation VerifyTotp($code: String!) {\n    verifyTotp(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n": types.VerifyTotpDocument,
    "\n  mutation SendEmailCode {\n    sendEmailCode {\n      __typename\n      ...RefusalFields\n    }\n  }\n": types.SendEmailCodeDocument,
    "\n  mutation VerifyEmailCode($code: String!) {\n    verifyEmailCode(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n": types.VerifyEmailCodeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      __typename\n      ...RefusalFields\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      __typename\n      ...RefusalFields\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ...RefusalFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  fragment SessionFields on Session {\n    id\n    current\n    createdAt\n    lastSeenAt\n    secondFactorAt\n    address\n    userAgent\n    revokedAt\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  query MySessions {\n    mySessions {\n      ...SessionFields\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      ...SessionFields\n    }\n  }\n": types.EndSessionDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens($organisationId: ID) {\n    apiTokens(organisationId: $organisationId) {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreatedApiToken {\n        token\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query UploadForm {\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n    institutions {\n      id\n      code\n      name\n      units {\n        number\n        name\n      }\n    }\n  }\n": types.UploadFormDocument,
    "\n  query CheckDeliveryFileName($fileName: String!) {\n    checkDeliveryFileName(fileName: $fileName) {\n      conforming\n      institutionCode\n      unit\n      registry\n      subDelivery\n      version\n      sequenceNumber\n      creationDate\n      test\n      problems\n      warnings\n    }\n  }\n": types.CheckDeliveryFileNameDocument,
    "\n  mutation UploadDelivery($file: Upload!, $input: UploadDeliveryInput!) {\n    uploadDelivery(file: $file, input: $input) {\n      __typename\n      ... on Delivery {\n        id\n        status\n      }\n      ... on AuthRefusal {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.UploadDeliveryDocument,
    "\n  query DeliveryDetail($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      progress\n      recordCount\n      acceptedCount\n      rejectedCount\n      errorCount\n      warningCount\n      period\n      deadline\n      channel\n      test\n      unit\n      fileName\n      fileNameConforming\n      size\n      sha256\n      deliveredAt\n      deliveryDate\n      deliveredByName\n      processingStartedAt\n      processedAt\n      failureReason\n      dictionaryVersion\n      registry {\n        id\n        code\n        name\n      }\n      subDelivery {\n        id\n        code\n        name\n      }\n      institution {\n        id\n        code\n        name\n      }\n      sameBytesAs {\n        id\n        deliveredAt\n      }\n      supersededBy {\n        id\n      }\n      supersededAt\n      reportTotals {\n        code\n        class\n        count\n        description\n        hint\n      }\n    }\n  }\n": types.DeliveryDetailDocument,
    "\n  query DeliveryReportLines($id: ID!, $first: Int!, $after: String, $code: String, $class: String) {\n    delivery(id: $id) {\n      id\n      reportLines(first: $first, after: $after, code: $code, class: $class) {\n        totalCount\n        endCursor\n        hasNextPage\n        nodes {\n          ordinal\n          recordNumber\n          code\n          class\n          field\n          message\n          keyValues {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": types.DeliveryReportLinesDocument,
    "\n  query Deliveries($filter: DeliveryFilter, $first: Int!, $after: String) {\n    deliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      endCursor\n      hasNextPage\n      nodes {\n        id\n        status\n        period\n        deadline\n        channel\n        test\n        unit\n        fileName\n        deliveryDate\n        deliveredAt\n        registry {\n          id\n          code\n          name\n        }\n        subDelivery {\n          id\n          code\n          name\n        }\n        institution {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": types.DeliveriesDocument,
    "\n  query DictionaryList {\n    dictionaries {\n      id\n      registry\n      subDelivery\n      version\n      title {\n        nl\n        en\n      }\n      formats\n      source\n    }\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n  }\n": types.DictionaryListDocument,
    "\n  query DictionaryDetail($id: String!) {\n    dictionary(id: $id) {\n      id\n      registry\n      subDelivery\n      version\n      source\n      title {\n        nl\n        en\n      }\n      formats\n      xml {\n        rootElement\n        recordElement\n      }\n      primaryKey\n      reportKey\n      fields {\n        ...DictionaryFieldFields\n      }\n      referenceTables {\n        name\n        label {\n          nl\n          en\n        }\n        codes {\n          code\n          label {\n            nl\n            en\n          }\n        }\n      }\n      checks {\n        code\n        class\n        common\n        description {\n          nl\n          en\n        }\n        message {\n          nl\n          en\n        }\n      }\n    }\n  }\n": types.DictionaryDetailDocument,
    "\n  fragment DictionaryFieldFields on DictionaryField {\n    name\n    label {\n      nl\n      en\n    }\n    type\n    required\n    requiredWhen {\n      field\n      equals\n      filled\n    }\n    emptyWhen {\n      field\n      equals\n      filled\n    }\n    constraints {\n      minLength\n      maxLength\n      pattern\n      minimum\n      maximum\n      decimals\n      notAfterDeliveryDate\n    }\n    formatDescription {\n      nl\n      en\n    }\n    referenceTable\n    identifying\n    periodCheck\n    notes {\n      nl\n      en\n    }\n  }\n": types.DictionaryFieldFieldsFragmentDoc,
    "\n  query Organisations($kind: OrganisationKind) {\n    organisations(kind: $kind) {\n      id\n      name\n      kind\n    }\n  }\n": types.OrganisationsDocument,
    "\n  mutation CreateOrganisation($kind: OrganisationKind!, $name: String!) {\n    createOrganisation(kind: $kind, name: $name) {\n      id\n      name\n      kind\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int!, $offset: Int!) {\n    auditEvents(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        at\n        event\n        action\n        actorEmail\n        actorRoles\n        channel\n        onBehalfOf\n        objectType\n        objectId\n        institutionId\n        address\n        userAgent\n        detail\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n": types.AuditEventsCsvDocument,
    "\n  fragment ExpectedRow on ExpectedDelivery {\n    period\n    periodEnd\n    deadline\n    deadlineAdjusted\n    state\n    deliveredOn\n    registry {\n      code\n      name\n    }\n    subDelivery {\n      code\n      name\n    }\n  }\n": types.ExpectedRowFragmentDoc,
    "\n  query DeliveryOverview($institutionCode: String!, $first: Int!) {\n    deliveryOverview(institutionCode: $institutionCode) {\n      asOf\n      institution {\n        code\n        name\n      }\n      missing(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      upcoming(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      rejected(first: $first) {\n        totalCount\n        nodes {\n          deliveryId\n          period\n          deadline\n          channel\n          deliveryDate\n          status\n          fileName\n          registry {\n            code\n            name\n          }\n          subDelivery {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DeliveryOverviewDocument,
    "\n  query ExpectedDeliveries($filter: ExpectedDeliveryFilter, $first: Int!, $after: String) {\n    expectedDeliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...ExpectedRow\n        institution {\n          code\n          name\n        }\n      }\n    }\n  }\n": types.ExpectedDeliveriesDocument,
    "\n  query OverviewStreams {\n    registries {\n      code\n      name\n      subDeliveries {\n        code\n        name\n      }\n    }\n  }\n": types.OverviewStreamsDocument,
    "\n  query Completeness($filter: CompletenessFilter, $groupBy: [CompletenessDimension!]) {\n    completeness(filter: $filter, groupBy: $groupBy) {\n      period\n      periodEnd\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n      institution {\n        code\n        name\n      }\n      expected\n      delivered\n      onTime\n      late\n      missing\n      rate\n      onTimeRate\n    }\n  }\n": types.CompletenessDocument,
    "\n  query VolumeChanges($filter: CompletenessFilter, $threshold: Float) {\n    volumeChanges(filter: $filter, threshold: $threshold, first: 100) {\n      period\n      previousPeriod\n      records\n      previousRecords\n      change\n      institution {\n        code\n        name\n      }\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n    }\n  }\n": types.VolumeChangesDocument,
    "\n  query ReminderPreferences {\n    reminderPreferences {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n": types.ReminderPreferencesDocument,
    "\n  mutation SetReminderOptOut($registry: String!, $optOut: Boolean!) {\n    setReminderOptOut(registry: $registry, optOut: $optOut) {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n": types.SetReminderOptOutDocument,
    "\n  fragment RegistryFields on Registry {\n    id\n    code\n    name\n    holder\n    acceptedChannels\n    producesInformationProduct\n    subDeliveries {\n      ...SubDeliveryFields\n    }\n  }\n": types.RegistryFieldsFragmentDoc,
    "\n  fragment SubDeliveryFields on SubDelivery {\n    id\n    code\n    name\n    frequency\n    deadlineRule {\n      kind\n      monthsAfterPeriodEnd\n      day\n      lastDayOfMonth\n      yearsAfterPeriodYear\n      month\n    }\n    dictionaryVersions {\n      id\n      version\n      status\n      validFrom\n      validTo\n    }\n  }\n": types.SubDeliveryFieldsFragmentDoc,
    "\n  fragment InstitutionFields on Institution {\n    id\n    code\n    name\n    type\n    active\n    units {\n      number\n      name\n    }\n  }\n": types.InstitutionFieldsFragmentDoc,
    "\n  query RegistriesPage {\n    registries {\n      ...RegistryFields\n    }\n    institutions {\n      ...InstitutionFields\n    }\n  }\n": types.RegistriesPageDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    name\n    active\n    totpEnabled\n    roles {\n      ...RoleAssignmentFields\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query InstitutionUsers($institutionCode: String!) {\n    institutionUsers(institutionCode: $institutionCode) {\n      ...UserFields\n    }\n  }\n": types.InstitutionUsersDocument,
    "\n  query RoleChoices {\n    registries {\n      id\n      code\n      name\n    }\n  }\n": types.RoleChoicesDocument,
    "\n  query InstitutionChoices {\n    institutions {\n      id\n      code\n      name\n    }\n  }\n": types.InstitutionChoicesDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      __typename\n      ... on Invitation {\n        id\n        email\n        expiresAt\n      }\n      ...RefusalFields\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation GrantRole($userId: ID!, $input: RoleScopeInput!) {\n    grantRole(userId: $userId, input: $input) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n": types.ReactivateUserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    institution {\n      id\n      code\n      name\n    }\n    registry {\n      id\n      code\n    }\n    subDelivery {\n      id\n      code\n    }\n    organisation {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    institution {\n      id\n      code\n      name\n    }\n    registry {\n      id\n      code\n    }\n    subDelivery {\n      id\n      code\n    }\n    organisation {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeFields on Me {\n    stage\n    user {\n      id\n      email\n      name\n      language\n      roles {\n        ...RoleAssignmentFields\n      }\n      organisation {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MeFields on Me {\n    stage\n    user {\n      id\n      email\n      name\n      language\n      roles {\n        ...RoleAssignmentFields\n      }\n      organisation {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RefusalFields on AuthRefusal {\n    code\n    message\n    field\n    retryAfterSeconds\n  }\n"): (typeof documents)["\n  fragment RefusalFields on AuthRefusal {\n    code\n    message\n    field\n    retryAfterSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpSetup {\n    startTotpSetup {\n      __typename\n      ... on TotpSetup {\n        secret\n        uri\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpSetup {\n    startTotpSetup {\n      __typename\n      ... on TotpSetup {\n        secret\n        uri\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyTotp($code: String!) {\n    verifyTotp(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyTotp($code: String!) {\n    verifyTotp(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendEmailCode {\n    sendEmailCode {\n      __typename\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendEmailCode {\n    sendEmailCode {\n      __typename\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmailCode($code: String!) {\n    verifyEmailCode(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmailCode($code: String!) {\n    verifyEmailCode(code: $code) {\n      __typename\n      ... on LoginStep {\n        stage\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      __typename\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      __typename\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      __typename\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      __typename\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      __typename\n      ... on User {\n        id\n        email\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on Session {\n    id\n    current\n    createdAt\n    lastSeenAt\n    secondFactorAt\n    address\n    userAgent\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment SessionFields on Session {\n    id\n    current\n    createdAt\n    lastSeenAt\n    secondFactorAt\n    address\n    userAgent\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($organisationId: ID) {\n    apiTokens(organisationId: $organisationId) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens($organisationId: ID) {\n    apiTokens(organisationId: $organisationId) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreatedApiToken {\n        token\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreatedApiToken {\n        token\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadForm {\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n    institutions {\n      id\n      code\n      name\n      units {\n        number\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query UploadForm {\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n    institutions {\n      id\n      code\n      name\n      units {\n        number\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckDeliveryFileName($fileName: String!) {\n    checkDeliveryFileName(fileName: $fileName) {\n      conforming\n      institutionCode\n      unit\n      registry\n      subDelivery\n      version\n      sequenceNumber\n      creationDate\n      test\n      problems\n      warnings\n    }\n  }\n"): (typeof documents)["\n  query CheckDeliveryFileName($fileName: String!) {\n    checkDeliveryFileName(fileName: $fileName) {\n      conforming\n      institutionCode\n      unit\n      registry\n      subDelivery\n      version\n      sequenceNumber\n      creationDate\n      test\n      problems\n      warnings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadDelivery($file: Upload!, $input: UploadDeliveryInput!) {\n    uploadDelivery(file: $file, input: $input) {\n      __typename\n      ... on Delivery {\n        id\n        status\n      }\n      ... on AuthRefusal {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadDelivery($file: Upload!, $input: UploadDeliveryInput!) {\n    uploadDelivery(file: $file, input: $input) {\n      __typename\n      ... on Delivery {\n        id\n        status\n      }\n      ... on AuthRefusal {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryDetail($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      progress\n      recordCount\n      acceptedCount\n      rejectedCount\n      errorCount\n      warningCount\n      period\n      deadline\n      channel\n      test\n      unit\n      fileName\n      fileNameConforming\n      size\n      sha256\n      deliveredAt\n      deliveryDate\n      deliveredByName\n      processingStartedAt\n      processedAt\n      failureReason\n      dictionaryVersion\n      registry {\n        id\n        code\n        name\n      }\n      subDelivery {\n        id\n        code\n        name\n      }\n      institution {\n        id\n        code\n        name\n      }\n      sameBytesAs {\n        id\n        deliveredAt\n      }\n      supersededBy {\n        id\n      }\n      supersededAt\n      reportTotals {\n        code\n        class\n        count\n        description\n        hint\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryDetail($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      progress\n      recordCount\n      acceptedCount\n      rejectedCount\n      errorCount\n      warningCount\n      period\n      deadline\n      channel\n      test\n      unit\n      fileName\n      fileNameConforming\n      size\n      sha256\n      deliveredAt\n      deliveryDate\n      deliveredByName\n      processingStartedAt\n      processedAt\n      failureReason\n      dictionaryVersion\n      registry {\n        id\n        code\n        name\n      }\n      subDelivery {\n        id\n        code\n        name\n      }\n      institution {\n        id\n        code\n        name\n      }\n      sameBytesAs {\n        id\n        deliveredAt\n      }\n      supersededBy {\n        id\n      }\n      supersededAt\n      reportTotals {\n        code\n        class\n        count\n        description\n        hint\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryReportLines($id: ID!, $first: Int!, $after: String, $code: String, $class: String) {\n    delivery(id: $id) {\n      id\n      reportLines(first: $first, after: $after, code: $code, class: $class) {\n        totalCount\n        endCursor\n        hasNextPage\n        nodes {\n          ordinal\n          recordNumber\n          code\n          class\n          field\n          message\n          keyValues {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryReportLines($id: ID!, $first: Int!, $after: String, $code: String, $class: String) {\n    delivery(id: $id) {\n      id\n      reportLines(first: $first, after: $after, code: $code, class: $class) {\n        totalCount\n        endCursor\n        hasNextPage\n        nodes {\n          ordinal\n          recordNumber\n          code\n          class\n          field\n          message\n          keyValues {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Deliveries($filter: DeliveryFilter, $first: Int!, $after: String) {\n    deliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      endCursor\n      hasNextPage\n      nodes {\n        id\n        status\n        period\n        deadline\n        channel\n        test\n        unit\n        fileName\n        deliveryDate\n        deliveredAt\n        registry {\n          id\n          code\n          name\n        }\n        subDelivery {\n          id\n          code\n          name\n        }\n        institution {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Deliveries($filter: DeliveryFilter, $first: Int!, $after: String) {\n    deliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      endCursor\n      hasNextPage\n      nodes {\n        id\n        status\n        period\n        deadline\n        channel\n        test\n        unit\n        fileName\n        deliveryDate\n        deliveredAt\n        registry {\n          id\n          code\n          name\n        }\n        subDelivery {\n          id\n          code\n          name\n        }\n        institution {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DictionaryList {\n    dictionaries {\n      id\n      registry\n      subDelivery\n      version\n      title {\n        nl\n        en\n      }\n      formats\n      source\n    }\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DictionaryList {\n    dictionaries {\n      id\n      registry\n      subDelivery\n      version\n      title {\n        nl\n        en\n      }\n      formats\n      source\n    }\n    registries {\n      id\n      code\n      name\n      subDeliveries {\n        id\n        code\n        name\n        dictionaryVersions {\n          id\n          version\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DictionaryDetail($id: String!) {\n    dictionary(id: $id) {\n      id\n      registry\n      subDelivery\n      version\n      source\n      title {\n        nl\n        en\n      }\n      formats\n      xml {\n        rootElement\n        recordElement\n      }\n      primaryKey\n      reportKey\n      fields {\n        ...DictionaryFieldFields\n      }\n      referenceTables {\n        name\n        label {\n          nl\n          en\n        }\n        codes {\n          code\n          label {\n            nl\n            en\n          }\n        }\n      }\n      checks {\n        code\n        class\n        common\n        description {\n          nl\n          en\n        }\n        message {\n          nl\n          en\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DictionaryDetail($id: String!) {\n    dictionary(id: $id) {\n      id\n      registry\n      subDelivery\n      version\n      source\n      title {\n        nl\n        en\n      }\n      formats\n      xml {\n        rootElement\n        recordElement\n      }\n      primaryKey\n      reportKey\n      fields {\n        ...DictionaryFieldFields\n      }\n      referenceTables {\n        name\n        label {\n          nl\n          en\n        }\n        codes {\n          code\n          label {\n            nl\n            en\n          }\n        }\n      }\n      checks {\n        code\n        class\n        common\n        description {\n          nl\n          en\n        }\n        message {\n          nl\n          en\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DictionaryFieldFields on DictionaryField {\n    name\n    label {\n      nl\n      en\n    }\n    type\n    required\n    requiredWhen {\n      field\n      equals\n      filled\n    }\n    emptyWhen {\n      field\n      equals\n      filled\n    }\n    constraints {\n      minLength\n      maxLength\n      pattern\n      minimum\n      maximum\n      decimals\n      notAfterDeliveryDate\n    }\n    formatDescription {\n      nl\n      en\n    }\n    referenceTable\n    identifying\n    periodCheck\n    notes {\n      nl\n      en\n    }\n  }\n"): (typeof documents)["\n  fragment DictionaryFieldFields on DictionaryField {\n    name\n    label {\n      nl\n      en\n    }\n    type\n    required\n    requiredWhen {\n      field\n      equals\n      filled\n    }\n    emptyWhen {\n      field\n      equals\n      filled\n    }\n    constraints {\n      minLength\n      maxLength\n      pattern\n      minimum\n      maximum\n      decimals\n      notAfterDeliveryDate\n    }\n    formatDescription {\n      nl\n      en\n    }\n    referenceTable\n    identifying\n    periodCheck\n    notes {\n      nl\n      en\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations($kind: OrganisationKind) {\n    organisations(kind: $kind) {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query Organisations($kind: OrganisationKind) {\n    organisations(kind: $kind) {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($kind: OrganisationKind!, $name: String!) {\n    createOrganisation(kind: $kind, name: $name) {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($kind: OrganisationKind!, $name: String!) {\n    createOrganisation(kind: $kind, name: $name) {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $first: Int!, $offset: Int!) {\n    auditEvents(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        at\n        event\n        action\n        actorEmail\n        actorRoles\n        channel\n        onBehalfOf\n        objectType\n        objectId\n        institutionId\n        address\n        userAgent\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $first: Int!, $offset: Int!) {\n    auditEvents(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        at\n        event\n        action\n        actorEmail\n        actorRoles\n        channel\n        onBehalfOf\n        objectType\n        objectId\n        institutionId\n        address\n        userAgent\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n"): (typeof documents)["\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExpectedRow on ExpectedDelivery {\n    period\n    periodEnd\n    deadline\n    deadlineAdjusted\n    state\n    deliveredOn\n    registry {\n      code\n      name\n    }\n    subDelivery {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ExpectedRow on ExpectedDelivery {\n    period\n    periodEnd\n    deadline\n    deadlineAdjusted\n    state\n    deliveredOn\n    registry {\n      code\n      name\n    }\n    subDelivery {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryOverview($institutionCode: String!, $first: Int!) {\n    deliveryOverview(institutionCode: $institutionCode) {\n      asOf\n      institution {\n        code\n        name\n      }\n      missing(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      upcoming(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      rejected(first: $first) {\n        totalCount\n        nodes {\n          deliveryId\n          period\n          deadline\n          channel\n          deliveryDate\n          status\n          fileName\n          registry {\n            code\n            name\n          }\n          subDelivery {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryOverview($institutionCode: String!, $first: Int!) {\n    deliveryOverview(institutionCode: $institutionCode) {\n      asOf\n      institution {\n        code\n        name\n      }\n      missing(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      upcoming(first: $first) {\n        totalCount\n        nodes {\n          ...ExpectedRow\n        }\n      }\n      rejected(first: $first) {\n        totalCount\n        nodes {\n          deliveryId\n          period\n          deadline\n          channel\n          deliveryDate\n          status\n          fileName\n          registry {\n            code\n            name\n          }\n          subDelivery {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpectedDeliveries($filter: ExpectedDeliveryFilter, $first: Int!, $after: String) {\n    expectedDeliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...ExpectedRow\n        institution {\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExpectedDeliveries($filter: ExpectedDeliveryFilter, $first: Int!, $after: String) {\n    expectedDeliveries(filter: $filter, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...ExpectedRow\n        institution {\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewStreams {\n    registries {\n      code\n      name\n      subDeliveries {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewStreams {\n    registries {\n      code\n      name\n      subDeliveries {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Completeness($filter: CompletenessFilter, $groupBy: [CompletenessDimension!]) {\n    completeness(filter: $filter, groupBy: $groupBy) {\n      period\n      periodEnd\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n      institution {\n        code\n        name\n      }\n      expected\n      delivered\n      onTime\n      late\n      missing\n      rate\n      onTimeRate\n    }\n  }\n"): (typeof documents)["\n  query Completeness($filter: CompletenessFilter, $groupBy: [CompletenessDimension!]) {\n    completeness(filter: $filter, groupBy: $groupBy) {\n      period\n      periodEnd\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n      institution {\n        code\n        name\n      }\n      expected\n      delivered\n      onTime\n      late\n      missing\n      rate\n      onTimeRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolumeChanges($filter: CompletenessFilter, $threshold: Float) {\n    volumeChanges(filter: $filter, threshold: $threshold, first: 100) {\n      period\n      previousPeriod\n      records\n      previousRecords\n      change\n      institution {\n        code\n        name\n      }\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query VolumeChanges($filter: CompletenessFilter, $threshold: Float) {\n    volumeChanges(filter: $filter, threshold: $threshold, first: 100) {\n      period\n      previousPeriod\n      records\n      previousRecords\n      change\n      institution {\n        code\n        name\n      }\n      registry {\n        code\n      }\n      subDelivery {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReminderPreferences {\n    reminderPreferences {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReminderPreferences {\n    reminderPreferences {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetReminderOptOut($registry: String!, $optOut: Boolean!) {\n    setReminderOptOut(registry: $registry, optOut: $optOut) {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetReminderOptOut($registry: String!, $optOut: Boolean!) {\n    setReminderOptOut(registry: $registry, optOut: $optOut) {\n      optedOut\n      registry {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegistryFields on Registry {\n    id\n    code\n    name\n    holder\n    acceptedChannels\n    producesInformationProduct\n    subDeliveries {\n      ...SubDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  fragment RegistryFields on Registry {\n    id\n    code\n    name\n    holder\n    acceptedChannels\n    producesInformationProduct\n    subDeliveries {\n      ...SubDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubDeliveryFields on SubDelivery {\n    id\n    code\n    name\n    frequency\n    deadlineRule {\n      kind\n      monthsAfterPeriodEnd\n      day\n      lastDayOfMonth\n      yearsAfterPeriodYear\n      month\n    }\n    dictionaryVersions {\n      id\n      version\n      status\n      validFrom\n      validTo\n    }\n  }\n"): (typeof documents)["\n  fragment SubDeliveryFields on SubDelivery {\n    id\n    code\n    name\n    frequency\n    deadlineRule {\n      kind\n      monthsAfterPeriodEnd\n      day\n      lastDayOfMonth\n      yearsAfterPeriodYear\n      month\n    }\n    dictionaryVersions {\n      id\n      version\n      status\n      validFrom\n      validTo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstitutionFields on Institution {\n    id\n    code\n    name\n    type\n    active\n    units {\n      number\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment InstitutionFields on Institution {\n    id\n    code\n    name\n    type\n    active\n    units {\n      number\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegistriesPage {\n    registries {\n      ...RegistryFields\n    }\n    institutions {\n      ...InstitutionFields\n    }\n  }\n"): (typeof documents)["\n  query RegistriesPage {\n    registries {\n      ...RegistryFields\n    }\n    institutions {\n      ...InstitutionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    name\n    active\n    totpEnabled\n    roles {\n      ...RoleAssignmentFields\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    name\n    active\n    totpEnabled\n    roles {\n      ...RoleAssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionUsers($institutionCode: String!) {\n    institutionUsers(institutionCode: $institutionCode) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query InstitutionUsers($institutionCode: String!) {\n    institutionUsers(institutionCode: $institutionCode) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleChoices {\n    registries {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query RoleChoices {\n    registries {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionChoices {\n    institutions {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query InstitutionChoices {\n    institutions {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      __typename\n      ... on Invitation {\n        id\n        email\n        expiresAt\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      __typename\n      ... on Invitation {\n        id\n        email\n        expiresAt\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($userId: ID!, $input: RoleScopeInput!) {\n    grantRole(userId: $userId, input: $input) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($userId: ID!, $input: RoleScopeInput!) {\n    grantRole(userId: $userId, input: $input) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      __typename\n      ... on RoleAssignmentList {\n        assignments {\n          ...RoleAssignmentFields\n        }\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      __typename\n      ... on User {\n        ...UserFields\n      }\n      ...RefusalFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;