import { expect } from 'chai';
import { isObjectType } from 'graphql';
import { authorizedOperations, buildDatahubSchema, operationsOf, PUBLIC_OPERATIONS, unsafeSimpleFields } from '../../server/src/app/schema';
import { asUser, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { uploadRequest } from '../support/upload';

describe('access contract: every operation declares who may use it', () => {
  it('every query and mutation carries @Authorized or is on the short public list with a reason', async () => {
    const schema = await buildDatahubSchema();
    const declared = authorizedOperations();
    const undeclared = operationsOf(schema).filter((operation) => !declared.has(operation) && !(operation in PUBLIC_OPERATIONS));
    expect(undeclared, `operations without an access declaration: ${undeclared.join(', ')}`).to.deep.equal([]);
  });

  it('the public list names only operations that exist and carry no @Authorized (no stale or contradictory entries)', async () => {
    const operations = new Set(operationsOf(await buildDatahubSchema()));
    const authorized = authorizedOperations();
    for (const operation of Object.keys(PUBLIC_OPERATIONS)) {
      expect(operations.has(operation), operation).to.equal(true);
      expect(authorized.has(operation), operation).to.equal(false);
    }
  });

  it("no field read without type-graphql's wrapper (simpleResolvers) carries @Authorized or a middleware, or is named unlike its property", async () => {
    // buildDatahubSchema refuses such a schema too; this names the fields.
    const schema = await buildDatahubSchema();
    expect(unsafeSimpleFields()).to.deep.equal([]);
    // The overview's plain fields are among them: graphql-js reads them directly.
    for (const [type, field] of [
      ['ExpectedDelivery', 'deadline'],
      ['RejectedDelivery', 'status'],
      ['ExpectedDeliveryConnection', 'nodes'],
      ['PageInfo', 'endCursor'],
      ['Registry', 'code'],
      ['SubDelivery', 'code'],
    ] as const) {
      const definition = schema.getType(type);
      expect(isObjectType(definition), type).to.equal(true);
      expect(isObjectType(definition) ? definition.getFields()[field]?.resolve : 'missing', `${type}.${field}`).to.equal(undefined);
    }
  });
});

type Actor = 'ANONYMOUS' | 'HUB_STAFF' | 'LOCAL_ADMIN' | 'SUBMITTER' | 'VIEWER' | 'PROCESSOR' | 'REQUESTER';
const ACTORS: Record<Actor, string | null> = {
  ANONYMOUS: null,
  HUB_STAFF: 'hub@datahub.test',
  LOCAL_ADMIN: 'beheer@zuidermeer.test',
  SUBMITTER: 'aanlever@zuidermeer.test',
  VIEWER: 'inzage@zuidermeer.test',
  PROCESSOR: 'verwerker@nhr.test',
  REQUESTER: 'verzoeker@onderzoek.test',
};
const EVERYONE: Actor[] = Object.keys(ACTORS) as Actor[];
const SIGNED_IN = EVERYONE.filter((actor) => actor !== 'ANONYMOUS');
const ADMINS: Actor[] = ['HUB_STAFF', 'LOCAL_ADMIN'];
const HUB: Actor[] = ['HUB_STAFF'];
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** Each operation, one harmless call, and who gets past the gate (refusals after it are the service's). */
const MATRIX: Record<string, { call: string; variables?: Record<string, unknown>; allowed: Actor[]; upload?: true }> = {
  'Query.me': { call: '{ me { stage } }', allowed: EVERYONE },
  'Query.registries': { call: '{ registries { code } }', allowed: EVERYONE },
  'Query.registry': { call: '{ registry(code: "CAT") { code } }', allowed: EVERYONE },
  'Query.period': { call: '{ period(code: "2026K1") { kind } }', allowed: EVERYONE },
  'Query.serviceDesk': { call: '{ serviceDesk { helpUrl email phone } }', allowed: EVERYONE },
  'Query.dictionaries': { call: '{ dictionaries { id } }', allowed: EVERYONE },
  'Query.dictionary': { call: '{ dictionary(id: "CAT/Cataract/1.4") { id } }', allowed: EVERYONE },
  'Query.delivery': { call: `{ delivery(id: "${NO_ID}") { id } }`, allowed: SIGNED_IN },
  'Query.deliveries': { call: '{ deliveries { totalCount } }', allowed: SIGNED_IN },
  'Query.checkDeliveryFileName': {
    call: '{ checkDeliveryFileName(fileName: "11111111_0_CAT_1.4_1_20260410_PROD.csv") { conforming } }',
    allowed: ['SUBMITTER'],
  },
  'Mutation.uploadDelivery': {
    call: 'mutation ($file: Upload!) { uploadDelivery(file: $file, input: { period: "2026K1" }) { __typename } }',
    allowed: ['SUBMITTER'],
    upload: true,
  },
  'Query.validateFile': {
    call: 'query ($file: Upload!) { validateFile(file: $file, dictionary: "CAT/Cataract/1.4") { __typename } }',
    allowed: SIGNED_IN,
    upload: true,
  },
  'Query.institutions': { call: '{ institutions { code } }', allowed: SIGNED_IN },
  'Query.institution': { call: '{ institution(code: "11111111") { code } }', allowed: SIGNED_IN },
  'Query.mySessions': { call: '{ mySessions { id } }', allowed: SIGNED_IN },
  'Query.apiTokens': { call: '{ apiTokens { nodes { id } } }', allowed: SIGNED_IN },
  'Query.institutionUsers': { call: '{ institutionUsers(institutionCode: "11111111") { nodes { id } } }', allowed: ADMINS },
  'Query.auditEvents': { call: '{ auditEvents { nodes { id } } }', allowed: ADMINS },
  'Query.auditEventsCsv': { call: '{ auditEventsCsv }', allowed: ADMINS },
  'Query.organisations': { call: '{ organisations { nodes { name } } }', allowed: HUB },
  'Query.userSessions': { call: `{ userSessions(userId: "${NO_ID}") { id } }`, allowed: HUB },
  'Query.organisationUsers': { call: `{ organisationUsers(organisationId: "${NO_ID}") { nodes { id } } }`, allowed: HUB },
  'Query.openInvitations': { call: '{ openInvitations(institutionCode: "11111111") { nodes { id } } }', allowed: ADMINS },
  'Mutation.withdrawInvitation': { call: `mutation { withdrawInvitation(id: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Mutation.resendInvitation': { call: `mutation { resendInvitation(id: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Mutation.changeMyPassword': { call: 'mutation { changeMyPassword(currentPassword: "x", newPassword: "y") { __typename } }', allowed: SIGNED_IN },
  'Mutation.resetMyAuthenticator': { call: 'mutation { resetMyAuthenticator(currentPassword: "x") { __typename } }', allowed: SIGNED_IN },
  'Mutation.login': { call: 'mutation { login(email: "x@y.test", password: "nope-nope-nope") { __typename } }', allowed: EVERYONE },
  'Mutation.startTotpSetup': { call: 'mutation { startTotpSetup { __typename } }', allowed: EVERYONE },
  'Mutation.verifyTotp': { call: 'mutation { verifyTotp(code: "000000") { __typename } }', allowed: EVERYONE },
  'Mutation.sendEmailCode': { call: 'mutation { sendEmailCode { __typename } }', allowed: EVERYONE },
  'Mutation.verifyEmailCode': { call: 'mutation { verifyEmailCode(code: "000000") { __typename } }', allowed: EVERYONE },
  'Mutation.logout': { call: 'mutation { logout { __typename } }', allowed: EVERYONE },
  'Mutation.requestPasswordReset': { call: 'mutation { requestPasswordReset(email: "x@y.test") { __typename } }', allowed: EVERYONE },
  'Mutation.resetPassword': { call: 'mutation { resetPassword(token: "nope", password: "Nieuw-en-sterk-2026") { __typename } }', allowed: EVERYONE },
  'Mutation.acceptInvitation': { call: 'mutation { acceptInvitation(token: "nope", password: "Nieuw-en-sterk-2026") { __typename } }', allowed: EVERYONE },
  'Mutation.endSession': { call: `mutation { endSession(id: "${NO_ID}") { __typename } }`, allowed: SIGNED_IN },
  'Mutation.createApiToken': { call: 'mutation { createApiToken(input: { name: "m", days: 400 }) { __typename } }', allowed: SIGNED_IN },
  'Mutation.revokeApiToken': { call: `mutation { revokeApiToken(id: "${NO_ID}") { __typename } }`, allowed: SIGNED_IN },
  'Mutation.inviteUser': {
    call: 'mutation { inviteUser(input: { email: "m@y.test", name: "M", role: SUBMITTER, institutionCode: "11111111" }) { __typename } }',
    allowed: ADMINS,
  },
  'Mutation.grantRole': { call: `mutation { grantRole(userId: "${NO_ID}", input: { role: VIEWER }) { __typename } }`, allowed: ADMINS },
  'Mutation.revokeRole': { call: `mutation { revokeRole(assignmentId: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Mutation.deactivateUser': { call: `mutation { deactivateUser(userId: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Mutation.reactivateUser': { call: `mutation { reactivateUser(userId: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Mutation.createOrganisation': { call: 'mutation { createOrganisation(kind: REQUESTER, name: "Matrix BV") { __typename } }', allowed: HUB },
  'Mutation.updateOrganisation': { call: `mutation { updateOrganisation(id: "${NO_ID}", name: "Matrix") { __typename } }`, allowed: HUB },
  'Mutation.deactivateOrganisation': { call: `mutation { deactivateOrganisation(id: "${NO_ID}", reason: "matrix") { __typename } }`, allowed: HUB },
  'Mutation.reactivateOrganisation': { call: `mutation { reactivateOrganisation(id: "${NO_ID}") { __typename } }`, allowed: HUB },
  'Mutation.createInstitution': { call: 'mutation { createInstitution(input: { code: "matrix", name: "M", type: OTHER }) { __typename } }', allowed: HUB },
  'Mutation.updateInstitution': { call: 'mutation { updateInstitution(code: "00000000", input: { name: "M" }) { __typename } }', allowed: HUB },
  'Mutation.deactivateInstitution': { call: 'mutation { deactivateInstitution(code: "00000000", reason: "matrix") { __typename } }', allowed: HUB },
  'Mutation.reactivateInstitution': { call: 'mutation { reactivateInstitution(code: "00000000") { __typename } }', allowed: HUB },
  'Mutation.addInstitutionUnit': { call: 'mutation { addInstitutionUnit(code: "00000000", name: "M") { __typename } }', allowed: HUB },
  'Mutation.renameInstitutionUnit': { call: 'mutation { renameInstitutionUnit(code: "00000000", number: 1, name: "M") { __typename } }', allowed: HUB },
  'Mutation.closeInstitutionUnit': {
    call: 'mutation { closeInstitutionUnit(code: "00000000", number: 1, closedFrom: "2026-12-01") { __typename } }',
    allowed: HUB,
  },
  'Query.deliveryOverview': {
    call: '{ deliveryOverview(institutionCode: "11111111", asOf: "2026-06-01") { asOf } }',
    allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'],
  },
  'Query.expectedDeliveries': { call: '{ expectedDeliveries(first: 1) { totalCount } }', allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'] },
  'Query.participations': { call: '{ participations(institutionCode: "11111111") { id } }', allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'] },
  'Query.deadlineExceptions': {
    call: '{ deadlineExceptions(institutionCode: "11111111") { id } }',
    allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'],
  },
  'Query.completeness': { call: '{ completeness(groupBy: [REGISTRY]) { expected } }', allowed: HUB },
  'Query.completenessMatrix': {
    call: '{ completenessMatrix(asOf: "2026-12-01") { periods expected } }',
    allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'],
  },
  'Query.volumeChanges': { call: '{ volumeChanges(first: 1) { nodes { period } } }', allowed: HUB },
  'Query.reminderPreferences': { call: '{ reminderPreferences { optedOut } }', allowed: SIGNED_IN },
  'Mutation.setReminderOptOut': { call: 'mutation { setReminderOptOut(registry: "NOPE", optOut: true) { __typename } }', allowed: SIGNED_IN },
  'Mutation.setParticipation': {
    call: 'mutation { setParticipation(input: { institutionCode: "00000000", registry: "CAT", subDelivery: "Cataract", startPeriod: "2026K1" }) { __typename } }',
    allowed: HUB,
  },
  'Mutation.signUpForRegistry': {
    call: 'mutation { signUpForRegistry(input: { institutionCode: "00000000", registry: "CAT", contacts: [], startPeriod: "2026K1" }) { __typename } }',
    allowed: ADMINS,
  },
  'Mutation.moveParticipation': { call: `mutation { moveParticipation(input: { id: "${NO_ID}", to: ENDED }) { __typename } }`, allowed: ADMINS },
  'Mutation.recordVendorChange': {
    call: `mutation { recordVendorChange(input: { participationId: "${NO_ID}", fromVendor: "A", toVendor: "B", changedOn: "2026-11-01" }) { __typename } }`,
    allowed: ADMINS,
  },
  'Mutation.setGoLiveSettings': {
    call: 'mutation { setGoLiveSettings(input: { registry: "NOPE", minCleanTestDeliveries: 1, autoGoLive: false, vendorChangeBackToTesting: false }) { __typename } }',
    allowed: HUB,
  },
  'Query.goLiveChecklist': { call: `{ goLiveChecklist(participationId: "${NO_ID}") { met } }`, allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'] },
  'Query.myDataRequests': { call: '{ myDataRequests(first: 1) { totalCount } }', allowed: ['REQUESTER', 'LOCAL_ADMIN'] },
  'Query.dataRequests': { call: '{ dataRequests(first: 1) { totalCount } }', allowed: HUB },
  'Query.dataRequest': { call: `{ dataRequest(id: "${NO_ID}") { id } }`, allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'] },
  'Query.dataRequestsForInstitution': { call: '{ dataRequestsForInstitution(institutionCode: "11111111", first: 1) { totalCount } }', allowed: ADMINS },
  'Query.dataRequestAuthorities': { call: `{ dataRequestAuthorities(userId: "${NO_ID}") { kind } }`, allowed: ['HUB_STAFF'] },
  'Query.dataRequestChecklist': { call: '{ dataRequestChecklist(dataset: "LBZ") { name } }', allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'] },
  'Query.dataRequestFeeProposal': { call: `{ dataRequestFeeProposal(id: "${NO_ID}", fee: { weight: 0 }) { __typename } }`, allowed: HUB },
  'Mutation.createDataRequest': {
    call: 'mutation { createDataRequest(input: { dataset: "NOPE" }) { __typename } }',
    allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'],
  },
  'Mutation.updateDataRequest': {
    call: `mutation { updateDataRequest(id: "${NO_ID}", input: {}) { __typename } }`,
    allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'],
  },
  'Mutation.cloneDataRequest': { call: `mutation { cloneDataRequest(id: "${NO_ID}") { __typename } }`, allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'] },
  'Mutation.submitDataRequest': {
    call: `mutation { submitDataRequest(id: "${NO_ID}", acceptedProtocolVersion: "2.2") { __typename } }`,
    allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'],
  },
  'Mutation.moveDataRequest': {
    call: `mutation { moveDataRequest(input: { id: "${NO_ID}", to: WITHDRAWN }) { __typename } }`,
    allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'],
  },
  'Mutation.confirmDataRequestKind': {
    call: `mutation { confirmDataRequestKind(input: { id: "${NO_ID}", kind: THIRD_PARTY, usageContext: POLICY }) { __typename } }`,
    allowed: HUB,
  },
  'Mutation.recordDataRequestAssessment': {
    call: `mutation { recordDataRequestAssessment(id: "${NO_ID}", considerations: { legal: "l", privacy: "p", competition: "c", sector: "s" }) { __typename } }`,
    allowed: HUB,
  },
  'Mutation.recordCommitteeAdvice': { call: `mutation { recordCommitteeAdvice(id: "${NO_ID}", advice: "a") { __typename } }`, allowed: HUB },
  'Mutation.giveDataRequestConsent': {
    call: `mutation { giveDataRequestConsent(input: { requestId: "${NO_ID}", institutionCode: "00000000", kind: CONSENT }) { __typename } }`,
    allowed: ['LOCAL_ADMIN'],
  },
  'Mutation.setDataRequestAuthority': {
    call: `mutation { setDataRequestAuthority(input: { userId: "${NO_ID}", kind: COMMITTEE, granted: false }) { __typename } }`,
    allowed: HUB,
  },
  'Mutation.setDataRequestQuote': { call: `mutation { setDataRequestQuote(id: "${NO_ID}", fee: { weight: 0 }) { __typename } }`, allowed: HUB },
  'Mutation.signDataRequestQuote': {
    call: `mutation { signDataRequestQuote(input: { id: "${NO_ID}", name: "n", function: "f" }) { __typename } }`,
    allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'],
  },
  'Mutation.recordDataRequestInvoice': {
    call: `mutation { recordDataRequestInvoice(id: "${NO_ID}", invoiceDate: "2026-12-01") { __typename } }`,
    allowed: HUB,
  },
  'Mutation.prepareDataRequestExtract': { call: `mutation { prepareDataRequestExtract(id: "${NO_ID}") { __typename } }`, allowed: HUB },
  'Mutation.confirmDataRequestDestruction': {
    call: `mutation { confirmDataRequestDestruction(input: { id: "${NO_ID}", statement: "s", name: "n", function: "f" }) { __typename } }`,
    allowed: ['HUB_STAFF', 'REQUESTER', 'LOCAL_ADMIN'],
  },
  'Mutation.markDataRequestInvoicePaid': { call: `mutation { markDataRequestInvoicePaid(id: "${NO_ID}", paidOn: "2026-12-01") { __typename } }`, allowed: HUB },
  'Mutation.setDataRequestRegisterEntry': {
    call: `mutation { setDataRequestRegisterEntry(id: "${NO_ID}", published: false) { __typename } }`,
    allowed: HUB,
  },
  'Query.approvedDataRequestRegister': { call: '{ approvedDataRequestRegister(first: 1) { edges { cursor } } }', allowed: SIGNED_IN },
  'Query.participationBoard': { call: '{ participationBoard(first: 1) { totalCount } }', allowed: HUB },
  'Query.participationCounts': { call: '{ participationCounts { state count } }', allowed: HUB },
  'Mutation.setDeadlineException': {
    call: 'mutation { setDeadlineException(input: { institutionCode: "00000000", registry: "CAT", subDelivery: "Cataract", period: "2026K1", exempt: true, reason: "matrix" }) { __typename } }',
    allowed: HUB,
  },
  'Mutation.removeDeadlineException': { call: `mutation { removeDeadlineException(id: "${NO_ID}") { __typename } }`, allowed: HUB },
  'Query.agreements': { call: '{ agreements(institutionCode: "11111111") { id } }', allowed: ADMINS },
  'Query.afnames': { call: '{ afnames(institutionCode: "11111111") { nodes { id } } }', allowed: ADMINS },
  'Query.deliveryLineage': { call: '{ deliveryLineage(deliveryId: "00000000-0000-4000-8000-000000000000") { deliveryId } }', allowed: ADMINS },
  'Query.recordLineage': {
    call: '{ recordLineage(institutionCode: "11111111", subDeliveryId: "00000000-0000-4000-8000-000000000000", recordKey: "K1") { version } }',
    allowed: ADMINS,
  },
  'Mutation.recordAgreement': {
    call: 'mutation { recordAgreement(input: { institutionCode: "00000000", kind: GENERAL_SERVICE }) { __typename } }',
    allowed: HUB,
  },
  'Mutation.setAgreementStatus': { call: `mutation { setAgreementStatus(input: { agreementId: "${NO_ID}", status: SENT }) { __typename } }`, allowed: HUB },
  'Mutation.uploadAgreementDocument': {
    call: `mutation ($file: Upload!) { uploadAgreementDocument(agreementId: "${NO_ID}", file: $file) { __typename } }`,
    allowed: ADMINS,
    upload: true,
  },
  'Query.registryContacts': { call: '{ registryContacts(institutionCode: "11111111") { id } }', allowed: ADMINS },
  'Mutation.addRegistryContact': {
    call: 'mutation { addRegistryContact(input: { institutionCode: "00000000", registry: "CAT", name: "M", role: "R", email: "m@y.test" }) { __typename } }',
    allowed: ADMINS,
  },
  'Mutation.updateRegistryContact': {
    call: `mutation { updateRegistryContact(id: "${NO_ID}", input: { name: "M", role: "R", email: "m@y.test" }) { __typename } }`,
    allowed: ADMINS,
  },
  'Mutation.removeRegistryContact': { call: `mutation { removeRegistryContact(id: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Mutation.sendAnnouncement': { call: 'mutation { sendAnnouncement(registry: "NOPE", subject: "s", body: "b") { __typename } }', allowed: HUB },
  'Query.announcements': { call: '{ announcements(registry: "CAT") { nodes { id } } }', allowed: HUB },
  'Query.activeChannel': {
    call: '{ activeChannel(institutionCode: "11111111", registry: "CAT") }',
    allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'],
  },
  'Query.channelSwitchRequests': { call: '{ channelSwitchRequests { id } }', allowed: ADMINS },
  'Mutation.requestChannelSwitch': {
    call: 'mutation { requestChannelSwitch(input: { registry: "NOPE", channel: FHIR, reason: "m", desiredPeriod: "2026K1" }) { __typename } }',
    allowed: ['LOCAL_ADMIN'],
  },
  'Mutation.decideChannelSwitch': { call: `mutation { decideChannelSwitch(input: { id: "${NO_ID}", decision: DECLINE }) { __typename } }`, allowed: HUB },
  'Query.institutionMergers': { call: '{ institutionMergers { id } }', allowed: HUB },
  'Mutation.mergeInstitution': {
    call: 'mutation { mergeInstitution(input: { from: "00000000", into: "00000001", effectiveDate: "2026-01-01", note: "matrix" }) { __typename } }',
    allowed: HUB,
  },
  'Mutation.createRegistry': {
    call: 'mutation { createRegistry(input: { code: "x", name: "", holder: "", acceptedChannels: [] }) { __typename } }',
    allowed: HUB,
  },
  'Mutation.updateRegistry': { call: 'mutation { updateRegistry(input: { code: "NOPE" }) { __typename } }', allowed: HUB },
  'Mutation.createSubDelivery': {
    call: 'mutation { createSubDelivery(input: { registry: "NOPE", code: "!", name: "", frequency: QUARTER, deadlineRule: { kind: FIXED_DATE } }) { __typename } }',
    allowed: HUB,
  },
  'Mutation.uploadDictionaryPackage': {
    call: 'mutation ($file: Upload!) { uploadDictionaryPackage(registry: "NOPE", subDelivery: "NOPE", file: $file) { __typename } }',
    allowed: HUB,
    upload: true,
  },
  'Mutation.publishDictionaryVersion': {
    call: `mutation { publishDictionaryVersion(id: "${NO_ID}", input: { acceptedFrom: "2026-01-01" }) { __typename } }`,
    allowed: HUB,
  },
  'Query.dictionaryDiff': { call: `{ dictionaryDiff(subDelivery: "${NO_ID}", from: "1.4", to: "1.5") { from } }`, allowed: EVERYONE },
  'Query.dictionaryAdoption': { call: `{ dictionaryAdoption(subDelivery: "${NO_ID}") { version } }`, allowed: HUB },
  'Query.processorLinks': { call: '{ processorLinks { id } }', allowed: ['HUB_STAFF', 'LOCAL_ADMIN', 'PROCESSOR'] },
  'Mutation.linkProcessor': {
    call: `mutation { linkProcessor(input: { organisationId: "${NO_ID}", registry: "NOPE", fields: [] }) { __typename } }`,
    allowed: HUB,
  },
  'Mutation.updateProcessorLink': { call: `mutation { updateProcessorLink(input: { linkId: "${NO_ID}", fields: [] }) { __typename } }`, allowed: HUB },
  'Mutation.removeProcessorLink': { call: `mutation { removeProcessorLink(linkId: "${NO_ID}") { __typename } }`, allowed: HUB },
  'Query.authorisations': { call: '{ authorisations(institutionCode: "11111111") { totalCount } }', allowed: ADMINS },
  'Query.myAuthorisations': { call: '{ myAuthorisations { totalCount } }', allowed: ['PROCESSOR'] },
  'Query.afnamesCsv': { call: '{ afnamesCsv(institutionCode: "00000000") }', allowed: ADMINS },
  'Query.allAuthorisations': { call: '{ allAuthorisations { totalCount } }', allowed: HUB },
  'Query.forwardedRecords': { call: `{ forwardedRecords(authorisationId: "${NO_ID}") { __typename } }`, allowed: ['PROCESSOR'] },
  'Mutation.grantAuthorisation': {
    call: `mutation { grantAuthorisation(input: { institutionCode: "00000000", linkId: "${NO_ID}", purpose: "matrix", fields: [] }) { __typename } }`,
    allowed: ADMINS,
  },
  'Mutation.updateAuthorisation': { call: `mutation { updateAuthorisation(input: { authorisationId: "${NO_ID}" }) { __typename } }`, allowed: ADMINS },
  'Mutation.revokeAuthorisation': { call: `mutation { revokeAuthorisation(authorisationId: "${NO_ID}") { __typename } }`, allowed: ADMINS },
  'Query.noticeEndpoint': { call: '{ noticeEndpoint { id } }', allowed: ['HUB_STAFF', 'PROCESSOR'] },
  'Query.notices': { call: '{ notices { nodes { id } } }', allowed: ['HUB_STAFF', 'PROCESSOR'] },
  'Mutation.registerNoticeEndpoint': { call: 'mutation { registerNoticeEndpoint(url: "http://matrix.invalid/") { __typename } }', allowed: ['PROCESSOR'] },
  'Mutation.rotateNoticeSecret': { call: `mutation { rotateNoticeSecret(organisationId: "${NO_ID}") { __typename } }`, allowed: ['PROCESSOR'] },
  'Mutation.removeNoticeEndpoint': { call: `mutation { removeNoticeEndpoint(organisationId: "${NO_ID}") { __typename } }`, allowed: ['PROCESSOR'] },
  'Query.entryPortalTargets': { call: '{ entryPortalTargets { version } }', allowed: ['SUBMITTER'] },
  'Query.entryDrafts': {
    call: `{ entryDrafts(institutionId: "${NO_ID}", subDeliveryId: "${NO_ID}", period: "2026K1") { totalCount } }`,
    allowed: ['SUBMITTER'],
  },
  'Query.entryDraft': { call: `{ entryDraft(id: "${NO_ID}") { __typename } }`, allowed: ['SUBMITTER'] },
  'Mutation.saveEntryDraft': {
    call: `mutation { saveEntryDraft(input: { institutionId: "${NO_ID}", unit: 0, subDeliveryId: "${NO_ID}", version: "1.4", period: "2026K1", values: [] }) { __typename } }`,
    allowed: ['SUBMITTER'],
  },
  'Mutation.deleteEntryDraft': { call: `mutation { deleteEntryDraft(id: "${NO_ID}") { __typename } }`, allowed: ['SUBMITTER'] },
  'Mutation.submitEntryPeriod': {
    call: `mutation { submitEntryPeriod(institutionId: "${NO_ID}", subDeliveryId: "${NO_ID}", period: "2026K1", unit: 0) { __typename } }`,
    allowed: ['SUBMITTER'],
  },
};

describe('role matrix: every operation as every role and anonymously', () => {
  let server: TestServer;
  const tokens = new Map<Actor, string>();
  before(async () => {
    server = await startTestServer();
    for (const [actor, email] of Object.entries(ACTORS) as [Actor, string | null][]) if (email) tokens.set(actor, await tokenFor(server, email));
  });

  it('covers every operation of the schema', async () => {
    expect(operationsOf(await buildDatahubSchema()).sort()).to.deep.equal(Object.keys(MATRIX).sort());
  });

  for (const [operation, { call, variables, allowed, upload }] of Object.entries(MATRIX)) {
    const who = allowed.length === EVERYONE.length ? 'open to everyone' : `only ${allowed.join(', ')} get past the gate`;
    it(`${operation}: ${who}`, async () => {
      const outcome: Record<string, string> = {};
      for (const actor of EVERYONE) {
        const token = tokens.get(actor);
        const response = upload
          ? await uploadRequest(
              server.url,
              call,
              {},
              { name: 'x.csv', content: 'OperatieID\n1\n' },
              { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            )
          : await asUser(server, token ?? '', call, variables);
        const code = response.errors?.[0]?.extensions?.code;
        outcome[actor] = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 'refused' : 'allowed';
        if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'INTERNAL_SERVER_ERROR')
          throw new Error(`${operation} as ${actor}: ${JSON.stringify(response.errors)}`);
      }
      const expected = Object.fromEntries(EVERYONE.map((actor) => [actor, allowed.includes(actor) ? 'allowed' : 'refused']));
      expect(outcome).to.deep.equal(expected);
    });
  }
});
