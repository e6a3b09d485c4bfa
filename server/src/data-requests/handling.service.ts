import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { User } from '../access/user.entity';
import { OrganisationKind } from '../access/organisation.entity';
import { Role } from '../kernel/role';
import { Institution } from '../institutions/institution.entity';
import { DataRequest } from './data-request.entity';
import { DataRequestState as S } from './data-request-state';
import { AuthorityKind, ConsentKind, DataRequestKind, UsageContext } from './data-request-enums';
import { DataRequestAuthority, DataRequestConsent } from './data-request-consent.entity';
import { DataRequestQuote } from './data-request-quote.entity';
import type { ConfirmKindInput, ConsiderationsInput, FeeInput, GiveConsentInput, SetAuthorityInput } from './data-request.inputs';
import { type FeeProblem, type FeeProposal, proposeFee } from './fees';
import { institutionsConcerned, today, UUID } from './data-request.service';
import { invoiceDueOn } from './working-days';
import { parseIsoDate } from '../common/calendar';

const TEXT_MAX = 10_000;

async function audit(
  tx: EntityManager,
  ctx: RequestContext,
  objectType: string,
  objectId: string,
  action: string,
  detail: string,
  institutionId: string | null = null,
) {
  await recordAudit(tx, ctx.actor, { event: AuditEventType.UPDATE, action, objectType, objectId, institutionId, detail });
}

async function hubRequest(tx: EntityManager, id: string): Promise<DataRequest | null> {
  return UUID.test(id) ? tx.findOne(DataRequest, { id }) : null;
}

function textOrRefusal(ctx: RequestContext, value: string, field: string): string | Refused {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > TEXT_MAX) return refuse(ctx.actor.language, RefusalCode.TEXT_REQUIRED, { field, params: { field, max: TEXT_MAX } });
  return trimmed;
}

/** Hub staff confirm (or correct) the kind and usage context of a submitted request. */
export async function confirmKind(ctx: RequestContext, input: ConfirmKindInput): Promise<DataRequest | Refused> {
  return ctx.em.transactional(async (tx) => {
    const request = await hubRequest(tx, input.id);
    if (!request) return notFound(ctx.actor.language, 'dataRequest');
    if (![S.SUBMITTED, S.AWAITING_CONSENTS, S.IN_ASSESSMENT, S.PRIVACY_COMMITTEE].includes(request.state))
      return refuse(ctx.actor.language, RefusalCode.NOT_EDITABLE);
    request.kind = input.kind;
    request.usageContext = input.usageContext;
    request.kindConfirmed = true;
    await tx.flush();
    await audit(tx, ctx, 'DataRequest', request.id, 'confirmDataRequestKind', `${input.kind} ${input.usageContext}`);
    return request;
  });
}

/** Hub staff record the assessment's considerations (protocol art. 5). */
export async function recordAssessment(ctx: RequestContext, id: string, input: ConsiderationsInput): Promise<DataRequest | Refused> {
  return ctx.em.transactional(async (tx) => {
    const request = await hubRequest(tx, id);
    if (!request) return notFound(ctx.actor.language, 'dataRequest');
    if (![S.IN_ASSESSMENT, S.PRIVACY_COMMITTEE].includes(request.state)) return refuse(ctx.actor.language, RefusalCode.NOT_EDITABLE);
    const considerations = { legal: '', privacy: '', competition: '', sector: '' };
    for (const key of Object.keys(considerations) as (keyof typeof considerations)[]) {
      const text = textOrRefusal(ctx, input[key], key);
      if (typeof text !== 'string') return text;
      considerations[key] = text;
    }
    request.considerations = considerations;
    await tx.flush();
    await audit(tx, ctx, 'DataRequest', request.id, 'recordDataRequestAssessment', request.state);
    return request;
  });
}

async function hasAuthority(em: EntityManager, userId: string | undefined, kind: AuthorityKind, institutionId: string | null): Promise<boolean> {
  return !!userId && (await em.count(DataRequestAuthority, { userId, kind, institution: institutionId })) > 0;
}

/** A privacy committee member (hub user with the committee flag) records the committee's advice. */
export async function recordCommitteeAdvice(ctx: RequestContext, id: string, advice: string): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = await hubRequest(tx, id);
    if (!request) return notFound(language, 'dataRequest');
    if (!(await hasAuthority(tx, ctx.actor.user?.id, AuthorityKind.COMMITTEE, null))) return refuse(language, RefusalCode.NOT_COMMITTEE_MEMBER);
    if (request.state !== S.PRIVACY_COMMITTEE) return refuse(language, RefusalCode.NOT_EDITABLE);
    const text = textOrRefusal(ctx, advice, 'advice');
    if (typeof text !== 'string') return text;
    request.committeeAdvice = text;
    request.committeeAdviceBy = ctx.actor.user?.name ?? null;
    await tx.flush();
    await audit(tx, ctx, 'DataRequest', request.id, 'recordCommitteeAdvice', request.state);
    return request;
  });
}

/**
 * An institution's consent to a joint request (its local administrator) or written order for
 * identifying data (a local administrator holding the institution's director authority).
 */
export async function giveConsent(ctx: RequestContext, input: GiveConsentInput): Promise<DataRequestConsent | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = UUID.test(input.requestId) ? await tx.findOne(DataRequest, { id: input.requestId }) : null;
    const institution = await tx.findOne(Institution, { code: input.institutionCode });
    const administers = !!institution && ctx.actor.grants.some((grant) => grant.role === Role.LOCAL_ADMIN && grant.institutionId === institution.id);
    if (!request || !institution || !administers || request.state === S.DRAFT) return notFound(language, 'dataRequest');
    const concerned = await institutionsConcerned(tx, request);
    const needed =
      input.kind === ConsentKind.CONSENT
        ? request.kind === DataRequestKind.JOINT && concerned.includes(institution.id)
        : request.identifyingData && concerned.includes(institution.id);
    if (!needed) return refuse(language, RefusalCode.INSTITUTION_NOT_CONCERNED, { field: 'institutionCode', params: { name: institution.name } });
    if (input.kind === ConsentKind.WRITTEN_ORDER && !(await hasAuthority(tx, ctx.actor.user?.id, AuthorityKind.DIRECTOR, institution.id))) {
      return refuse(language, RefusalCode.NOT_DIRECTOR, { params: { name: institution.name } });
    }
    const existing = await tx.findOne(DataRequestConsent, { request: request.id, institution: institution.id, kind: input.kind });
    const consent =
      existing ??
      tx.create(DataRequestConsent, {
        request,
        institution,
        kind: input.kind,
        givenByUserId: ctx.actor.user?.id ?? null,
        givenByName: ctx.actor.user?.name ?? ctx.actor.channel,
        givenAt: ctx.services.clock.now(),
        note: input.note?.trim() || null,
      });
    await tx.flush();
    await audit(tx, ctx, 'DataRequest', request.id, 'giveDataRequestConsent', `${input.kind} ${institution.code}`, institution.id);
    return consent;
  });
}

/** Hub staff set or clear a director authority (for an institution) or a committee membership (hub users only). */
export async function setAuthority(ctx: RequestContext, input: SetAuthorityInput): Promise<DataRequestAuthority[] | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const user = UUID.test(input.userId) ? await tx.findOne(User, { id: input.userId }, { populate: ['organisation'] }) : null;
    if (!user) return notFound(language, 'user');
    let institution: Institution | null = null;
    if (input.kind === AuthorityKind.DIRECTOR) {
      institution = input.institutionCode ? await tx.findOne(Institution, { code: input.institutionCode }) : null;
      if (!institution || user.organisation.getEntity().institution?.id !== institution.id) {
        return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { field: 'institutionCode', params: { code: input.institutionCode ?? '' } });
      }
    } else if (user.organisation.getEntity().kind !== OrganisationKind.HUB) {
      return refuse(language, RefusalCode.HUB_STAFF_ONLY, { field: 'userId' });
    }
    const where = { userId: user.id, kind: input.kind, institution: institution?.id ?? null };
    const existing = await tx.findOne(DataRequestAuthority, where);
    if (input.granted && !existing) tx.create(DataRequestAuthority, { userId: user.id, kind: input.kind, institution, grantedAt: ctx.services.clock.now() });
    if (!input.granted && existing) tx.remove(existing);
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'setDataRequestAuthority',
      objectType: 'User',
      objectId: user.id,
      institutionId: institution?.id ?? null,
      detail: `${input.kind} ${input.granted ? 'set' : 'cleared'}`,
    });
    return tx.find(DataRequestAuthority, { userId: user.id }, { orderBy: { kind: 'asc' } });
  });
}

function feeRefusal(ctx: RequestContext, problem: FeeProblem, commercial: boolean): Refused {
  const bounds = commercial ? { min: 200_000, max: 2_500_000 } : { min: 100_000, max: 1_250_000 };
  return refuse(ctx.actor.language, RefusalCode[problem], { field: 'fee', params: problem === 'DEVIATION_REASON_REQUIRED' ? bounds : {} });
}

/** The fee engine's proposal for a request as it stands (its narrowed years, its usage context), without storing it. */
export async function feeProposalFor(ctx: RequestContext, id: string, input: FeeInput): Promise<FeeProposal | Refused> {
  const request = await hubRequest(ctx.em, id);
  if (!request) return notFound(ctx.actor.language, 'dataRequest');
  const commercial = request.usageContext === UsageContext.COMMERCIAL;
  const proposal = proposeFee({ ...input, years: request.narrowedYears ?? request.years, commercial, handling: input.handling ?? [] });
  return typeof proposal === 'string' ? feeRefusal(ctx, proposal, commercial) : proposal;
}

/** Hub staff set the quote from the fee engine while the request is approved and the quote not yet sent. */
export async function setQuote(ctx: RequestContext, id: string, input: FeeInput): Promise<DataRequestQuote | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = await hubRequest(tx, id);
    if (!request) return notFound(language, 'dataRequest');
    if (![S.APPROVED, S.APPROVED_WITH_CONDITIONS].includes(request.state)) return refuse(language, RefusalCode.QUOTE_LOCKED);
    const commercial = request.usageContext === UsageContext.COMMERCIAL;
    const proposal = proposeFee({ ...input, years: request.narrowedYears ?? request.years, commercial, handling: input.handling ?? [] });
    if (typeof proposal === 'string') return feeRefusal({ ...ctx, em: tx }, proposal, commercial);
    const values = {
      commercial,
      weight: input.weight,
      minPerYearCents: proposal.bounds.minCents,
      maxPerYearCents: proposal.bounds.maxCents,
      perYearCents: proposal.perYearCents,
      deviationReason: proposal.deviates ? (input.deviationReason?.trim() ?? null) : null,
      lines: proposal.lines,
      totalExclVatCents: proposal.totalExclVatCents,
      vatCents: proposal.vatCents,
      totalInclVatCents: proposal.totalInclVatCents,
      createdAt: ctx.services.clock.now(),
    };
    const existing = await tx.findOne(DataRequestQuote, { request: request.id });
    const quote = existing ? Object.assign(existing, values) : tx.create(DataRequestQuote, { request, ...values });
    await tx.flush();
    await audit(
      tx,
      ctx,
      'DataRequest',
      request.id,
      'setDataRequestQuote',
      `${proposal.totalExclVatCents} cents excl. VAT${proposal.deviates ? ' deviating' : ''}`,
    );
    return quote;
  });
}

/** Hub staff record the invoice date; it is due 14 calendar days later. */
export async function recordInvoice(ctx: RequestContext, id: string, invoiceDate: string): Promise<DataRequestQuote | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = await hubRequest(tx, id);
    const quote = request ? await tx.findOne(DataRequestQuote, { request: request.id }) : null;
    if (!request || !quote) return notFound(language, 'dataRequest');
    if (!quote.signedAt) return refuse(language, RefusalCode.QUOTE_LOCKED);
    if (!parseIsoDate(invoiceDate)) return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'invoiceDate', params: { field: 'invoiceDate', max: 10 } });
    quote.invoiceDate = invoiceDate;
    quote.invoiceDueOn = invoiceDueOn(invoiceDate);
    await tx.flush();
    await audit(tx, ctx, 'DataRequest', request.id, 'recordDataRequestInvoice', `${invoiceDate} due ${quote.invoiceDueOn} (today ${today(ctx)})`);
    return quote;
  });
}
