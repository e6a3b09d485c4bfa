import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import { isHubStaff } from '../kernel/actor';
import { type Connection, connectionTypes, type PageArgs } from '../common/pagination';
import { type FileUpload, GraphQLUpload } from '../kernel/upload';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Institution } from '../institutions/institution.entity';
import { Organisation } from '../access/organisation.entity';
import { DataRequest, DataRequestTransition } from './data-request.entity';
import { DataRequestAuthority, DataRequestConsent } from './data-request-consent.entity';
import { DataRequestQuote, QuoteLine } from './data-request-quote.entity';
import {
  ConfirmKindInput,
  ConsiderationsInput,
  DataRequestFilterInput,
  DestructionInput,
  DataRequestFormInput,
  FeeInput,
  GiveConsentInput,
  MoveDataRequestInput,
  SetAuthorityInput,
  SignQuoteInput,
} from './data-request.inputs';
import {
  checklist,
  cloneDataRequest,
  type CountedPage,
  createDataRequest,
  DATA_REQUEST_PAGING,
  DataRequestConnection,
  dataRequestById,
  dataRequestQueue,
  dataRequestsForInstitution,
  isRequester,
  moveDataRequest,
  myDataRequests,
  signQuote,
  submitDataRequest,
  updateDataRequest,
  UUID,
} from './data-request.service';
import { confirmKind, feeProposalFor, giveConsent, recordAssessment, recordCommitteeAdvice, recordInvoice, setAuthority, setQuote } from './handling.service';
import type { FeeProposal } from './fees';
import { LBZ_FOOTNOTES } from './lbz-checklist';
import { DataRequestState as S } from './data-request-state';
import { prepareExtract } from './extract.service';
import { confirmDestruction, markInvoicePaid, REGISTER_PAGING, registerPage, setRegisterEntry, storeSignedCopy } from './aftercare.service';

@ObjectType({ description: "A data request's delivery extract: stored encrypted, downloaded at /api/data-requests/{id}/extract.csv." })
class DataRequestExtract {
  @Field(() => Int, { description: 'Rows (detail: records; aggregated: cells).' })
  rowCount!: number;

  @Field(() => Int, { description: 'Aggregated cells suppressed for counting fewer than 10 records.' })
  suppressedCells!: number;

  @Field(() => GraphQLSafeInt, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 (hex) of the CSV.' })
  sha256!: string;

  @Field(() => Date, { description: 'When it was prepared (UTC).' })
  createdAt!: Date;

  @Field(() => String, { description: 'Who prepared it.' })
  createdBy!: string;
}

@ObjectType({ description: 'The statement that the delivered data was destroyed.' })
class DataRequestDestruction {
  @Field(() => String, { description: 'The statement.' })
  statement!: string;

  @Field(() => String, { description: 'Name of who made it.' })
  name!: string;

  @Field(() => String, { description: 'Function of who made it.' })
  function!: string;

  @Field(() => Date, { description: 'When it was made (UTC).' })
  confirmedAt!: Date;

  @Field(() => Boolean, { description: 'Recorded by hub staff on receipt, rather than by the requester in the system.' })
  recordedByHub!: boolean;

  @Field(() => String, { nullable: true, description: 'The kind of evidence uploaded (PDF, PNG, JPEG), if any.' })
  evidenceType!: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Size in bytes of the evidence, if any.' })
  evidenceSize!: number | null;
}

@ObjectType({ description: 'An entry of the register of approved data requests.' })
class DataRequestRegisterEntry {
  @Field(() => ID, { description: 'The data request.' })
  id!: string;

  @Field(() => String, { description: 'The requesting organisation.' })
  requesterOrganisation!: string;

  @Field(() => String, { description: 'The purpose (as narrowed by the decision).' })
  purpose!: string;

  @Field(() => String, { description: '`LBZ` or the code of a registry.' })
  dataset!: string;

  @Field(() => [Int], { description: 'The registration years (as narrowed).' })
  years!: number[];

  @Field(() => Date, { nullable: true, description: 'When it was decided (UTC).' })
  decidedAt!: Date | null;

  @Field(() => Date, { description: 'Published since (UTC).' })
  publishedAt!: Date;
}

const { Connection: RegisterConnection } = connectionTypes(() => DataRequestRegisterEntry, {
  name: 'DataRequestRegisterEntry',
  description: 'A page of the register of approved data requests, newest publication first.',
});

@ObjectType({ description: "A field a data request can ask for, from its dataset's checklist." })
class ChecklistItem {
  @Field(() => String, { description: 'The field.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its group on the checklist (LBZ).' })
  group!: string | null;

  @Field(() => String, { nullable: true, description: 'The footnote that applies, in words.' })
  footnote!: string | null;

  @Field(() => Boolean, { description: 'Asking for it asks for identifying data.' })
  identifying!: boolean;
}

@ObjectType({ description: "The fee engine's proposal: bounds per year, fee lines, VAT and totals in euro cents." })
class FeeProposalView {
  @Field(() => Int, { description: 'Lower bound per registration year, cents.' })
  minPerYearCents!: number;

  @Field(() => Int, { description: 'Upper bound per registration year, cents.' })
  maxPerYearCents!: number;

  @Field(() => Int, { description: 'The weighted fee per year, cents.' })
  weightedPerYearCents!: number;

  @Field(() => Int, { description: 'The fee per year that would be quoted, cents.' })
  perYearCents!: number;

  @Field(() => Boolean, { description: 'The fee lies outside the bounds (a reason is then required).' })
  deviates!: boolean;

  @Field(() => [QuoteLine], { description: 'The lines.' })
  lines!: QuoteLine[];

  @Field(() => Int, { description: 'Total excluding VAT, cents.' })
  totalExclVatCents!: number;

  @Field(() => Int, { description: 'VAT, cents.' })
  vatCents!: number;

  @Field(() => Int, { description: 'Total including VAT, cents.' })
  totalInclVatCents!: number;
}

@ObjectType({ description: "A user's data request flags, as they stand after the change." })
class DataRequestAuthorities {
  @Field(() => [DataRequestAuthority], { description: 'The flags the user holds.' })
  authorities!: DataRequestAuthority[];
}

const DataRequestResult = resultUnion('DataRequestResult', 'The data request as stored, or why not.', DataRequest);
const QuoteResult = resultUnion('DataRequestQuoteResult', 'The quote as stored, or why not.', DataRequestQuote);
const ConsentResult = resultUnion('DataRequestConsentResult', 'The consent or written order as stored, or why not.', DataRequestConsent);
const FeeProposalResult = resultUnion('FeeProposalResult', "The fee engine's proposal, or why not.", FeeProposalView);
const AuthorityResult = resultUnion('DataRequestAuthorityResult', "The user's flags, or why not.", DataRequestAuthorities);

const ID_ARG = { description: 'The data request.' };

function toView(proposal: FeeProposal): FeeProposalView {
  return Object.assign(new FeeProposalView(), {
    minPerYearCents: proposal.bounds.minCents,
    maxPerYearCents: proposal.bounds.maxCents,
    weightedPerYearCents: proposal.weightedPerYearCents,
    perYearCents: proposal.perYearCents,
    deviates: proposal.deviates,
    lines: proposal.lines,
    totalExclVatCents: proposal.totalExclVatCents,
    vatCents: proposal.vatCents,
    totalInclVatCents: proposal.totalInclVatCents,
  });
}

/** Data requests (gegevensverzoeken): the requester's form, hub staff's handling, institutions' consents and the quote. */
@Resolver(() => DataRequest)
export class DataRequestResolver {
  @Authorized(Role.REQUESTER, Role.LOCAL_ADMIN)
  @Query(() => DataRequestConnection, {
    description: "The data requests of your organisation, drafts included, newest first (requesters, institutions' local administrators).",
  })
  myDataRequests(@Ctx() ctx: RequestContext, @Args(() => DATA_REQUEST_PAGING.Args) page: PageArgs): Promise<CountedPage<DataRequest>> {
    return myDataRequests(ctx, page);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => DataRequestConnection, { description: "Hub staff's queue of submitted data requests, newest first, by state and overdue step." })
  dataRequests(
    @Ctx() ctx: RequestContext,
    @Args(() => DATA_REQUEST_PAGING.Args) page: PageArgs,
    @Arg('filter', () => DataRequestFilterInput, { nullable: true, description: 'Filters; none: every request past draft.' })
    filter?: DataRequestFilterInput | null,
  ): Promise<CountedPage<DataRequest>> {
    return dataRequestQueue(ctx, filter ?? {}, page);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => DataRequestConnection, {
    description:
      'Submitted data requests that ask an institution a consent (joint) or a written order (identifying data), newest first (hub staff, its local administrators); empty for an unknown or foreign institution.',
  })
  dataRequestsForInstitution(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Args(() => DATA_REQUEST_PAGING.Args) page: PageArgs,
  ): Promise<CountedPage<DataRequest>> {
    return dataRequestsForInstitution(ctx, institutionCode, page);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Query(() => DataRequest, {
    nullable: true,
    description:
      'One data request: for hub staff, its requesting organisation, and local administrators of institutions it asks a consent or written order of; null otherwise.',
  })
  dataRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID, ID_ARG) id: string): Promise<DataRequest | null> {
    return dataRequestById(ctx, id);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Query(() => [ChecklistItem], {
    description: "The checklist of a dataset: LBZ's from the protocol's appendix, or a registry's non-identifying dictionary fields.",
  })
  async dataRequestChecklist(
    @Ctx() ctx: RequestContext,
    @Arg('dataset', () => String, { description: '`LBZ` or a registry code.' }) dataset: string,
  ): Promise<ChecklistItem[]> {
    return (await checklist(ctx, dataset)).map((item) =>
      Object.assign(new ChecklistItem(), { ...item, footnote: item.footnote ? `${item.footnote} ${LBZ_FOOTNOTES[item.footnote] ?? ''}`.trim() : null }),
    );
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => [DataRequestAuthority], {
    description: 'The data request flags a user holds (director of an institution, privacy committee member), by kind (hub staff); empty for an unknown user.',
  })
  dataRequestAuthorities(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user.' }) userId: string): Promise<DataRequestAuthority[]> {
    return UUID.test(userId) ? ctx.em.find(DataRequestAuthority, { userId }, { orderBy: { kind: 'asc' } }) : Promise.resolve([]);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => FeeProposalResult, {
    description: "The fee engine's proposal for a request (its years and usage context), with the bounds it must stay within; nothing stored.",
  })
  async dataRequestFeeProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('fee', () => FeeInput, { description: 'Weight, chosen fee and handling costs.' }) fee: FeeInput,
  ): Promise<FeeProposalView | Refused> {
    const result = await feeProposalFor(ctx, id, fee);
    return 'bounds' in result ? toView(result) : result;
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, { description: 'Makes a DRAFT data request (hub staff: for the requesting organisation named). Audited.' })
  createDataRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DataRequestFormInput, { description: 'The form.' }) input: DataRequestFormInput,
  ): Promise<DataRequest | Refused> {
    return createDataRequest(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, { description: 'Changes the form of a DRAFT (or RETURNED_FOR_CHANGES) data request. Audited.' })
  updateDataRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => DataRequestFormInput, { description: 'The parts that change.' }) input: DataRequestFormInput,
  ): Promise<DataRequest | Refused> {
    return updateDataRequest(ctx, id, input);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, { description: "Makes a new DRAFT with another request's form. Audited." })
  cloneDataRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID, ID_ARG) id: string): Promise<DataRequest | Refused> {
    return cloneDataRequest(ctx, id);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, { description: 'Submits a complete draft with the protocol version accepted; its kind is detected. Audited.' })
  submitDataRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('acceptedProtocolVersion', () => String, { description: 'The protocol version accepted with its delivery conditions.' }) version: string,
  ): Promise<DataRequest | Refused> {
    return submitDataRequest(ctx, id, version);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, {
    description: 'Moves a data request when its life cycle allows the move for your role; checks name what is missing. Audited.',
  })
  moveDataRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MoveDataRequestInput, { description: 'The move.' }) input: MoveDataRequestInput,
  ): Promise<DataRequest | Refused> {
    return moveDataRequest(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DataRequestResult, { description: 'Confirms or corrects the kind and usage context of a submitted request (hub staff; audited).' })
  confirmDataRequestKind(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConfirmKindInput, { description: 'Kind and usage context.' }) input: ConfirmKindInput,
  ): Promise<DataRequest | Refused> {
    return confirmKind(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DataRequestResult, { description: "Records the assessment's considerations (hub staff; audited)." })
  recordDataRequestAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('considerations', () => ConsiderationsInput, { description: 'The considerations.' }) considerations: ConsiderationsInput,
  ): Promise<DataRequest | Refused> {
    return recordAssessment(ctx, id, considerations);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DataRequestResult, { description: "Records the privacy committee's advice (committee members only; audited)." })
  recordCommitteeAdvice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('advice', () => String, { description: 'The advice.' }) advice: string,
  ): Promise<DataRequest | Refused> {
    return recordCommitteeAdvice(ctx, id, advice);
  }

  @Authorized(Role.LOCAL_ADMIN)
  @Mutation(() => ConsentResult, {
    description: "Gives an institution's consent to a joint request, or its written order for identifying data (directors only). Audited.",
  })
  giveDataRequestConsent(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GiveConsentInput, { description: 'The consent.' }) input: GiveConsentInput,
  ): Promise<DataRequestConsent | Refused> {
    return giveConsent(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => AuthorityResult, {
    description: "Sets or clears a user's director authority for an institution or privacy committee membership (hub staff; audited).",
  })
  async setDataRequestAuthority(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetAuthorityInput, { description: 'The flag.' }) input: SetAuthorityInput,
  ): Promise<DataRequestAuthorities | Refused> {
    const result = await setAuthority(ctx, input);
    return Array.isArray(result) ? Object.assign(new DataRequestAuthorities(), { authorities: result }) : result;
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => QuoteResult, { description: 'Sets the quote from the fee engine while the request is approved and the quote not sent (hub staff; audited).' })
  setDataRequestQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('fee', () => FeeInput, { description: 'Weight, chosen fee and handling costs.' }) fee: FeeInput,
  ): Promise<DataRequestQuote | Refused> {
    return setQuote(ctx, id, fee);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, {
    description:
      'Signs the sent quote (the requester), or records a signed copy received (hub staff); either may attach the signed PDF (GraphQL multipart request with header Apollo-Require-Preflight), stored encrypted. Audited.',
  })
  async signDataRequestQuote(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SignQuoteInput, { description: 'The signature.' }) input: SignQuoteInput,
    @Arg('signedCopy', () => GraphQLUpload, { nullable: true, description: 'The signed quote as PDF, at most DATAHUB_AGREEMENT_MAX_BYTES.' })
    signedCopy?: Promise<FileUpload> | null,
  ): Promise<DataRequest | Refused> {
    const upload = signedCopy ? await signedCopy : null;
    if (!upload) return signQuote(ctx, input.id, input.name, input.function);
    // Nothing is stored for a request the actor may not sign (or not now): the refusal comes first.
    const request = await dataRequestById(ctx, input.id);
    if (!request || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, request)) || request.state !== S.QUOTE_SENT) {
      upload.createReadStream().destroy();
      return signQuote(ctx, input.id, input.name, input.function);
    }
    const stored = await storeSignedCopy(ctx, upload);
    if (!('key' in stored)) return stored;
    try {
      const signed = await signQuote(ctx, input.id, input.name, input.function, stored);
      if (!(signed instanceof DataRequest)) await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
      return signed;
    } catch (error) {
      await ctx.services.fileStore.remove(stored.key).catch(() => undefined);
      throw error;
    }
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => QuoteResult, { description: 'Records the invoice date of a signed quote; due 14 calendar days later (hub staff; audited).' })
  recordDataRequestInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('invoiceDate', () => String, { description: 'YYYY-MM-DD.' }) invoiceDate: string,
  ): Promise<DataRequestQuote | Refused> {
    return recordInvoice(ctx, id, invoiceDate);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DataRequestResult, {
    description:
      'Prepares the delivery extract from the held records in the narrowed scope (after the signed quote; own data: once approved), stored encrypted; again before delivery replaces it. LBZ is refused (DATASET_NOT_HELD). Hub staff; audited.',
  })
  prepareDataRequestExtract(@Ctx() ctx: RequestContext, @Arg('id', () => ID, ID_ARG) id: string): Promise<DataRequest | Refused> {
    return prepareExtract(ctx, id);
  }

  @Authorized(Role.HUB_STAFF, Role.REQUESTER, Role.LOCAL_ADMIN)
  @Mutation(() => DataRequestResult, {
    description:
      'Confirms the destruction of the delivered data after the usage right ended (the requester; hub staff on receipt): statement, name, function, optional evidence (PDF, PNG or JPEG by content; GraphQL multipart request with header Apollo-Require-Preflight), stored encrypted. Audited.',
  })
  async confirmDataRequestDestruction(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DestructionInput, { description: 'The statement.' }) input: DestructionInput,
    @Arg('evidence', () => GraphQLUpload, {
      nullable: true,
      description: 'Evidence of the destruction (PDF, PNG or JPEG), at most DATAHUB_AGREEMENT_MAX_BYTES.',
    })
    evidence?: Promise<FileUpload> | null,
  ): Promise<DataRequest | Refused> {
    return confirmDestruction(ctx, input, evidence ? await evidence : null);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => QuoteResult, { description: 'Marks the invoice of a request paid on a day (hub staff; audited); it leaves the overdue invoices.' })
  markDataRequestInvoicePaid(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('paidOn', () => String, { description: 'YYYY-MM-DD.' }) paidOn: string,
  ): Promise<DataRequestQuote | Refused> {
    return markInvoicePaid(ctx, id, paidOn);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DataRequestResult, {
    description: 'Publishes an approved request in the register of approved requests, or takes it out (hub staff; audited).',
  })
  setDataRequestRegisterEntry(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('published', () => Boolean, { description: 'True publishes, false takes it out.' }) published: boolean,
  ): Promise<DataRequest | Refused> {
    return setRegisterEntry(ctx, id, published);
  }

  @Authorized()
  @Query(() => RegisterConnection, {
    description: 'The register of approved data requests: the published entries, newest publication first (any signed-in user).',
  })
  async approvedDataRequestRegister(
    @Ctx() ctx: RequestContext,
    @Args(() => REGISTER_PAGING.Args) page: PageArgs,
  ): Promise<Connection<DataRequestRegisterEntry>> {
    const found = await registerPage(ctx, page);
    const organisations = await ctx.em.find(Organisation, { id: { $in: [...new Set(found.nodes.map((node) => node.requesterOrganisation.id))] } });
    const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    const entry = (request: DataRequest) =>
      Object.assign(new DataRequestRegisterEntry(), {
        id: request.id,
        requesterOrganisation: names.get(request.requesterOrganisation.id) ?? '',
        purpose: request.narrowedPurpose ?? request.purpose,
        dataset: request.dataset,
        years: request.narrowedYears ?? request.years,
        decidedAt: request.decidedAt ?? null,
        publishedAt: request.registerPublishedAt as Date,
      });
    return { ...found, edges: found.edges.map((edge) => ({ ...edge, node: entry(edge.node) })), nodes: found.nodes.map(entry) };
  }

  @FieldResolver(() => DataRequestExtract, { nullable: true, description: 'The delivery extract, once prepared.' })
  extract(@Root() request: DataRequest): DataRequestExtract | null {
    if (!request.extractKey) return null;
    return Object.assign(new DataRequestExtract(), {
      rowCount: request.extractRowCount ?? 0,
      suppressedCells: request.extractSuppressedCells ?? 0,
      size: Number(request.extractSize ?? 0),
      sha256: request.extractSha256 ?? '',
      createdAt: request.extractCreatedAt as Date,
      createdBy: request.extractCreatedBy ?? '',
    });
  }

  @FieldResolver(() => DataRequestDestruction, { nullable: true, description: 'The destruction statement, once made.' })
  destruction(@Root() request: DataRequest): DataRequestDestruction | null {
    if (!request.destructionConfirmedAt) return null;
    return Object.assign(new DataRequestDestruction(), {
      statement: request.destructionStatement ?? '',
      name: request.destructionName ?? '',
      function: request.destructionFunction ?? '',
      confirmedAt: request.destructionConfirmedAt,
      recordedByHub: request.destructionRecordedByHub ?? false,
      evidenceType: request.destructionEvidenceType ?? null,
      evidenceSize: request.destructionEvidenceSize ? Number(request.destructionEvidenceSize) : null,
    });
  }

  @FieldResolver(() => String, { description: 'The requesting organisation.' })
  async requesterOrganisation(@Root() request: DataRequest, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.em.findOneOrFail(Organisation, { id: request.requesterOrganisation.id })).name;
  }

  @FieldResolver(() => [Institution], { description: 'The institutions of a LIST selection.' })
  institutions(@Root() request: DataRequest, @Ctx() ctx: RequestContext): Promise<Institution[]> {
    return request.institutionIds.length
      ? ctx.em.find(Institution, { id: { $in: request.institutionIds } }, { orderBy: { code: 'asc' } })
      : Promise.resolve([]);
  }

  @FieldResolver(() => [Institution], { nullable: true, description: 'The institutions as narrowed by the decision.' })
  narrowedInstitutions(@Root() request: DataRequest, @Ctx() ctx: RequestContext): Promise<Institution[]> | null {
    return request.narrowedInstitutionIds ? ctx.em.find(Institution, { id: { $in: request.narrowedInstitutionIds } }, { orderBy: { code: 'asc' } }) : null;
  }

  @FieldResolver(() => [DataRequestTransition], { description: 'The history, oldest first.' })
  transitions(@Root() request: DataRequest, @Ctx() ctx: RequestContext): Promise<DataRequestTransition[]> {
    return ctx.em.find(DataRequestTransition, { request: request.id }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [DataRequestConsent], { description: 'Consents and written orders given.' })
  consents(@Root() request: DataRequest, @Ctx() ctx: RequestContext): Promise<DataRequestConsent[]> {
    return ctx.em.find(DataRequestConsent, { request: request.id }, { orderBy: { givenAt: 'asc' } });
  }

  @FieldResolver(() => DataRequestQuote, { nullable: true, description: 'The quote; for the requester only once it was sent.' })
  async quote(@Root() request: DataRequest, @Ctx() ctx: RequestContext): Promise<DataRequestQuote | null> {
    const quote = await ctx.em.findOne(DataRequestQuote, { request: request.id });
    if (!quote || isHubStaff(ctx.actor)) return quote;
    return isRequester(ctx.actor, request) && !['APPROVED', 'APPROVED_WITH_CONDITIONS'].includes(request.state) ? quote : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The source citation the requester must use in publications.' })
  sourceCitation(@Root() request: DataRequest): string | null {
    const years = request.narrowedYears ?? request.years;
    return years.length ? `bron: Dutch Hospital Data, ${request.dataset}, ${years.join(', ')}` : null;
  }
}

@Resolver(() => DataRequestConsent)
export class DataRequestConsentResolver {
  @FieldResolver(() => Institution, { description: 'The institution.' })
  institution(@Root() consent: DataRequestConsent, @Ctx() ctx: RequestContext): Promise<Institution> {
    return ctx.em.findOneOrFail(Institution, { id: consent.institution.id });
  }
}

@Resolver(() => DataRequestAuthority)
export class DataRequestAuthorityResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The institution code of a DIRECTOR flag.' })
  async institutionCode(@Root() authority: DataRequestAuthority, @Ctx() ctx: RequestContext): Promise<string | null> {
    return authority.institution ? (await ctx.em.findOneOrFail(Institution, { id: authority.institution.id })).code : null;
  }
}
