import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { type Actor, administersInstitution, hasRole, isHubStaff } from '../kernel/actor';
import { Role } from '../kernel/role';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { type Language, messages } from '../common/messages';
import { parseIsoDate, todayInAmsterdam } from '../common/calendar';
import { type Connection, connectionTypes, definePaging, findPage, type PageArgs } from '../common/pagination';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Organisation, OrganisationKind } from '../access/organisation.entity';
import { Institution } from '../institutions/institution.entity';
import { institutionByCode } from '../institutions/institution-by-code';
import { Registry } from '../registries/registry.entity';
import { currentFields } from '../authorisations/dictionary-fields';
import { DataRequest, DataRequestTransition } from './data-request.entity';
import { DataRequestState as S } from './data-request-state';
import { ConsentKind, DataLevel, DataRequestKind, InstitutionSelection } from './data-request-enums';
import { DataRequestConsent } from './data-request-consent.entity';
import { DataRequestQuote } from './data-request-quote.entity';
import type { DataRequestFilterInput, DataRequestFormInput, MoveDataRequestInput } from './data-request.inputs';
import { EDITABLE, findMove, type Move, type Mover, movesFrom, TARGET_WORKING_DAYS } from './lifecycle';
import { LBZ_CHECKLIST, PROTOCOL_VERSION } from './lbz-checklist';
import { addWorkingDays, usageTerm } from './working-days';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTE_MAX = 1000;
const TEXT_MAX = 10_000;

/** Newest first. */
export const DATA_REQUEST_PAGING = definePaging({
  tag: 'dataRequests',
  keys: [
    { column: 'e.created_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 20,
  maxSize: 50,
});

export const { Connection: DataRequestConnection } = connectionTypes(() => DataRequest, {
  name: 'DataRequest',
  description: 'A page of data requests, newest first.',
  totalCount: 'How many match.',
});

export type CountedPage<T> = Connection<T> & { totalCount: number };

export function today(ctx: Pick<RequestContext, 'services'>): string {
  return todayInAmsterdam(ctx.services.clock.now());
}

function actorName(ctx: MoveContext): string {
  return ctx.actor.user?.name ?? ctx.actor.channel;
}

/** The actor belongs to the requesting organisation (a requester's or an institution's user). */
export function isRequester(actor: Actor, request: DataRequest): boolean {
  return hasRole(actor, Role.REQUESTER, Role.LOCAL_ADMIN) && actor.user?.organisationId === request.requesterOrganisation.id;
}

/** Institutions a local administrator acts for. */
function adminInstitutions(actor: Actor): Set<string> {
  return new Set(actor.grants.filter((grant) => grant.role === Role.LOCAL_ADMIN && grant.institutionId).map((grant) => grant.institutionId as string));
}

/** The requester's own institution, when the requesting organisation is an institution. */
async function requesterInstitution(em: EntityManager, request: DataRequest): Promise<string | null> {
  const organisation = await em.findOneOrFail(Organisation, { id: request.requesterOrganisation.id });
  return organisation.kind === OrganisationKind.INSTITUTION ? (organisation.institution?.id ?? null) : null;
}

/** The institutions whose data the request concerns (its decision's narrowing included). */
export async function institutionsConcerned(em: EntityManager, request: DataRequest): Promise<string[]> {
  if (request.narrowedInstitutionIds?.length) return request.narrowedInstitutionIds;
  if (request.institutionSelection === InstitutionSelection.LIST) return request.institutionIds;
  if (request.institutionSelection === InstitutionSelection.OWN) {
    const own = await requesterInstitution(em, request);
    return own ? [own] : [];
  }
  return (await em.find(Institution, { active: true }, { fields: ['id'] })).map((institution) => institution.id);
}

/** Institutions whose consent a joint request needs: those listed besides the requester's own. */
async function consentsNeeded(em: EntityManager, request: DataRequest): Promise<string[]> {
  const own = await requesterInstitution(em, request);
  return request.institutionIds.filter((id) => id !== own);
}

/**
 * May see the request: hub staff, its requesting organisation, and local administrators of the
 * institutions it asks something of (a joint request's consent, a written order for identifying
 * data). Other institutions do not see who asks for what.
 */
export async function mayView(em: EntityManager, actor: Actor, request: DataRequest): Promise<boolean> {
  if (isHubStaff(actor) || isRequester(actor, request)) return true;
  const administered = adminInstitutions(actor);
  if (!administered.size || request.state === S.DRAFT) return false;
  const asked = [
    ...(request.kind === DataRequestKind.JOINT ? await consentsNeeded(em, request) : []),
    ...(request.identifyingData ? await institutionsConcerned(em, request) : []),
  ];
  return asked.some((id) => administered.has(id));
}

async function loadForChange(tx: EntityManager, ctx: RequestContext, id: string, action: string): Promise<DataRequest | null> {
  const request = UUID.test(id) ? await tx.findOne(DataRequest, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (request && (await mayView(tx, ctx.actor, request))) return request;
  await recordRefusal(ctx, { action, objectType: 'DataRequest', objectId: id, institutionId: null });
  return null;
}

async function audit(tx: EntityManager, actor: Actor, request: DataRequest, action: string, detail: string, event = AuditEventType.UPDATE): Promise<void> {
  await recordAudit(tx, actor, { event, action, objectType: 'DataRequest', objectId: request.id, institutionId: null, detail });
}

/** What a move needs of its context: the clock and who moves it (a request, the download route or the periodic task). */
export type MoveContext = Pick<RequestContext, 'services' | 'actor'>;

function history(tx: EntityManager, ctx: MoveContext, request: DataRequest, from: S | null, note: string | null): void {
  tx.create(DataRequestTransition, {
    request,
    fromState: from,
    toState: request.state,
    at: ctx.services.clock.now(),
    actorUserId: ctx.actor.user?.id ?? null,
    actorName: actorName(ctx),
    note,
  });
}

/** Sets the state with its history row, its step target in working days and its audit row. */
export async function enter(tx: EntityManager, ctx: MoveContext, request: DataRequest, to: S, note: string | null, action: string): Promise<void> {
  const from = request.state;
  request.state = to;
  request.stateSince = ctx.services.clock.now();
  const target = TARGET_WORKING_DAYS[to];
  request.stepDueOn = target === undefined ? null : addWorkingDays(today(ctx), target);
  history(tx, ctx, request, from, note);
  await tx.flush();
  await audit(tx, ctx.actor, request, action, `${from} → ${to}`);
}

// ---------------------------------------------------------------- the form

async function fieldsOf(ctx: RequestContext, dataset: string): Promise<{ name: string; identifying: boolean }[] | null> {
  if (dataset === 'LBZ') return LBZ_CHECKLIST.map((field) => ({ name: field.name, identifying: field.identifying }));
  const registry = await ctx.em.findOne(Registry, { code: dataset });
  return registry ? currentFields(ctx, registry, null) : null;
}

/** The checklist a form chooses fields from: LBZ's appendix, or a registry's non-identifying dictionary fields. */
export async function checklist(
  ctx: RequestContext,
  dataset: string,
): Promise<{ name: string; group: string | null; footnote: string | null; identifying: boolean }[]> {
  if (dataset === 'LBZ') return [...LBZ_CHECKLIST];
  const fields = (await fieldsOf(ctx, dataset)) ?? [];
  return fields.filter((field) => !field.identifying).map((field) => ({ name: field.name, group: null, footnote: null, identifying: false }));
}

function validDate(text: string | null | undefined): boolean {
  return text === null || text === undefined || parseIsoDate(text) !== null;
}

/** Applies the form to a draft; a refusal when a part is out of place. Completeness is checked at submission. */
async function applyForm(ctx: RequestContext, request: DataRequest, input: DataRequestFormInput): Promise<Refused | null> {
  const language = ctx.actor.language;
  const text = (value: string | null | undefined, field: string): string | Refused | undefined => {
    if (value === undefined || value === null) return undefined;
    const trimmed = value.trim();
    return trimmed.length > TEXT_MAX ? refuse(language, RefusalCode.TEXT_REQUIRED, { field, params: { field, max: TEXT_MAX } }) : trimmed;
  };
  const purpose = text(input.purpose, 'purpose');
  if (typeof purpose === 'object') return purpose;
  if (purpose !== undefined) request.purpose = purpose;
  if (input.coRequesters) request.coRequesters = input.coRequesters.map((name) => name.trim()).filter(Boolean);
  if (input.usageContext) request.usageContext = request.declaredUsageContext = input.usageContext;
  if (input.termMonths !== undefined) {
    if (input.termMonths !== null && (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > 120)) {
      return refuse(language, RefusalCode.DATA_REQUEST_INCOMPLETE, { field: 'termMonths', params: { missing: 'termMonths 1–120' } });
    }
    request.termMonths = input.termMonths;
  }
  for (const key of ['periodFrom', 'periodTo', 'desiredDeliveryOn'] as const) {
    if (!validDate(input[key])) return refuse(language, RefusalCode.DATA_REQUEST_INCOMPLETE, { field: key, params: { missing: `${key} (YYYY-MM-DD)` } });
    if (input[key] !== undefined) request[key] = input[key];
  }
  if (input.level) request.level = input.level;
  const aggregation = text(input.aggregation, 'aggregation');
  if (typeof aggregation === 'object') return aggregation;
  if (aggregation !== undefined) request.aggregation = aggregation || null;
  if (input.years) request.years = [...new Set(input.years)].sort((a, b) => a - b);
  if (input.identifyingData !== undefined && input.identifyingData !== null) request.identifyingData = input.identifyingData;
  if (input.institutionSelection) request.institutionSelection = input.institutionSelection;
  if (input.institutionCodes) {
    const institutions = await ctx.em.find(Institution, { code: { $in: input.institutionCodes } });
    const unknown = input.institutionCodes.filter((code) => !institutions.some((institution) => institution.code === code));
    if (unknown.length) return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { field: 'institutionCodes', params: { code: unknown.join(', ') } });
    request.institutionIds = institutions.map((institution) => institution.id);
  }
  if (input.dataset) request.dataset = input.dataset.trim();
  if (input.dataset || input.fields) {
    const known = await fieldsOf(ctx, request.dataset);
    if (!known) return refuse(language, RefusalCode.UNKNOWN_DATASET, { field: 'dataset', params: { dataset: request.dataset } });
    const asked = input.fields ?? request.fields;
    const byName = new Map(known.map((field) => [field.name, field]));
    const unknown = asked.filter((name) => !byName.has(name));
    if (unknown.length)
      return refuse(language, RefusalCode.UNKNOWN_FIELDS, { field: 'fields', params: { registry: request.dataset, fields: unknown.join(', ') } });
    // A registry's identifying fields are never on its checklist; LBZ's patient identification is, and asks for identifying data.
    const identifying = asked.filter((name) => byName.get(name)?.identifying);
    if (identifying.length && request.dataset !== 'LBZ') {
      return refuse(language, RefusalCode.IDENTIFYING_FIELDS, { field: 'fields', params: { fields: identifying.join(', ') } });
    }
    if (identifying.length) request.identifyingData = true;
    const order = new Map(known.map((field, index) => [field.name, index]));
    request.fields = [...new Set(asked)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  return null;
}

/** What a submitted form still lacks (names of the form's parts). */
function missingParts(request: DataRequest): string[] {
  const missing: string[] = [];
  if (!request.purpose) missing.push('purpose');
  if (!request.fields.length) missing.push('fields');
  if (!request.years.length) missing.push('years');
  if (request.level === DataLevel.AGGREGATED && !request.aggregation) missing.push('aggregation');
  if (request.institutionSelection === InstitutionSelection.LIST && !request.institutionIds.length) missing.push('institutionCodes');
  if (!request.periodFrom || !request.periodTo) missing.push('period');
  if (!request.desiredDeliveryOn) missing.push('desiredDeliveryOn');
  return missing;
}

/** The requesting organisation: the actor's own, or the one hub staff name when entering a mailed form. */
async function requestingOrganisation(ctx: RequestContext, input: DataRequestFormInput): Promise<Organisation | Refused> {
  if (isHubStaff(ctx.actor)) {
    const organisation =
      input.requesterOrganisationId && UUID.test(input.requesterOrganisationId)
        ? await ctx.em.findOne(Organisation, { id: input.requesterOrganisationId })
        : null;
    return organisation ?? notFound(ctx.actor.language, 'organisation');
  }
  return ctx.em.findOneOrFail(Organisation, { id: ctx.actor.user?.organisationId as string });
}

export async function createDataRequest(ctx: RequestContext, input: DataRequestFormInput): Promise<DataRequest | Refused> {
  if (!ctx.actor.user) return refuse(ctx.actor.language, RefusalCode.FORBIDDEN);
  const organisation = await requestingOrganisation(ctx, input);
  if (!(organisation instanceof Organisation)) return organisation;
  return ctx.em.transactional(async (tx) => {
    const request = tx.create(DataRequest, {
      requesterOrganisation: organisation,
      createdByUserId: ctx.actor.user?.id ?? null,
      createdAt: ctx.services.clock.now(),
    });
    const refused = await applyForm({ ...ctx, em: tx }, request, input);
    if (refused) return refused;
    history(tx, ctx, request, null, null);
    await tx.flush();
    await audit(tx, ctx.actor, request, 'createDataRequest', `${request.dataset}`, AuditEventType.CREATE);
    return request;
  });
}

export async function updateDataRequest(ctx: RequestContext, id: string, input: DataRequestFormInput): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = await loadForChange(tx, ctx, id, 'updateDataRequest');
    if (!request || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, request))) return notFound(language, 'dataRequest');
    if (!EDITABLE.has(request.state)) return refuse(language, RefusalCode.NOT_EDITABLE);
    const refused = await applyForm({ ...ctx, em: tx }, request, input);
    if (refused) return refused;
    await tx.flush();
    await audit(tx, ctx.actor, request, 'updateDataRequest', request.state);
    return request;
  });
}

/** A new DRAFT with the form of another request (not its assessment, decision or dates). */
export async function cloneDataRequest(ctx: RequestContext, id: string): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const source = UUID.test(id) ? await tx.findOne(DataRequest, { id }) : null;
    if (!source || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, source))) return notFound(language, 'dataRequest');
    const clone = tx.create(DataRequest, {
      requesterOrganisation: source.requesterOrganisation,
      createdByUserId: ctx.actor.user?.id ?? null,
      coRequesters: [...source.coRequesters],
      purpose: source.purpose,
      usageContext: source.declaredUsageContext,
      declaredUsageContext: source.declaredUsageContext,
      termMonths: source.termMonths,
      dataset: source.dataset,
      fields: [...source.fields],
      level: source.level,
      aggregation: source.aggregation,
      years: [...source.years],
      institutionSelection: source.institutionSelection,
      institutionIds: [...source.institutionIds],
      periodFrom: source.periodFrom,
      periodTo: source.periodTo,
      desiredDeliveryOn: source.desiredDeliveryOn,
      identifyingData: source.identifyingData,
      clonedFromId: source.id,
      createdAt: ctx.services.clock.now(),
    });
    history(tx, ctx, clone, null, null);
    await tx.flush();
    await audit(tx, ctx.actor, clone, 'cloneDataRequest', `from ${source.id}`, AuditEventType.CREATE);
    return clone;
  });
}

/** The kind a submitted request looks like: own data, joint, or third party (NFU/NVZ is for hub staff to say). */
async function detectKind(em: EntityManager, request: DataRequest): Promise<DataRequestKind> {
  const own = await requesterInstitution(em, request);
  if (!own) return DataRequestKind.THIRD_PARTY;
  if (request.institutionSelection === InstitutionSelection.OWN) return DataRequestKind.OWN_DATA;
  if (request.institutionSelection === InstitutionSelection.LIST && request.institutionIds.includes(own)) {
    return request.institutionIds.length === 1 ? DataRequestKind.OWN_DATA : DataRequestKind.JOINT;
  }
  return DataRequestKind.THIRD_PARTY;
}

export async function submitDataRequest(ctx: RequestContext, id: string, acceptedProtocolVersion: string): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = await loadForChange(tx, ctx, id, 'submitDataRequest');
    if (!request || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, request))) return notFound(language, 'dataRequest');
    const move = findMove(request.state, S.SUBMITTED);
    if (!move) return forbiddenMove(language, request.state, S.SUBMITTED);
    if (acceptedProtocolVersion !== PROTOCOL_VERSION) {
      return refuse(language, RefusalCode.PROTOCOL_NOT_ACCEPTED, { field: 'acceptedProtocolVersion', params: { version: PROTOCOL_VERSION } });
    }
    const missing = missingParts(request);
    if (missing.length) return refuse(language, RefusalCode.DATA_REQUEST_INCOMPLETE, { params: { missing: missing.join(', ') } });
    if (request.institutionSelection === InstitutionSelection.OWN && !(await requesterInstitution(tx, request))) {
      return refuse(language, RefusalCode.DATA_REQUEST_INCOMPLETE, { field: 'institutionSelection', params: { missing: 'institutionCodes' } });
    }
    request.protocolVersion = PROTOCOL_VERSION;
    request.kind = await detectKind(tx, request);
    request.kindConfirmed = false;
    await enter(tx, ctx, request, S.SUBMITTED, null, 'submitDataRequest');
    return request;
  });
}

// ---------------------------------------------------------------- moves

export function forbiddenMove(language: Language, from: S, to: S): Refused {
  const words = messages(language).dataRequest;
  const open = movesFrom(from).map((move) => words.state[move.to]);
  return refuse(language, RefusalCode.TRANSITION_NOT_ALLOWED, {
    params: { from: words.state[from], to: words.state[to], open: open.length ? open.join(', ') : words.none },
    field: 'to',
  });
}

function wrongRole(language: Language, move: Move): Refused {
  const words = messages(language).dataRequest;
  return refuse(language, RefusalCode.TRANSITION_ROLE, {
    params: { from: words.state[move.from], to: words.state[move.to], who: move.by.map((mover) => words.mover[mover]).join(words.or) },
    field: 'to',
  });
}

async function institutionNames(em: EntityManager, ids: string[]): Promise<string> {
  const institutions = await em.find(Institution, { id: { $in: ids } }, { orderBy: { code: 'asc' } });
  return institutions.map((institution) => `${institution.name} (${institution.code})`).join(', ');
}

/** Institutions concerned without a written order for identifying data. */
export async function missingWrittenOrders(em: EntityManager, request: DataRequest): Promise<string[]> {
  if (!request.identifyingData) return [];
  const concerned = await institutionsConcerned(em, request);
  const given = new Set((await em.find(DataRequestConsent, { request: request.id, kind: ConsentKind.WRITTEN_ORDER })).map((row) => row.institution.id));
  return concerned.filter((id) => !given.has(id));
}

/** Runs a move's checks; a refusal naming what is missing, or null. */
async function checkMove(tx: EntityManager, ctx: RequestContext, request: DataRequest, move: Move, input: MoveDataRequestInput): Promise<Refused | null> {
  const language = ctx.actor.language;
  for (const check of move.checks ?? []) {
    if (check === 'KIND_CONFIRMED' && !request.kindConfirmed) return refuse(language, RefusalCode.KIND_NOT_CONFIRMED, { field: 'to' });
    const kindMismatch = refuse(language, RefusalCode.KIND_MISMATCH, { field: 'to', params: { kind: request.kind ?? '-' } });
    if (check === 'OWN_DATA' && request.kind !== DataRequestKind.OWN_DATA) return kindMismatch;
    if (check === 'NOT_OWN_DATA' && request.kind === DataRequestKind.OWN_DATA) return kindMismatch;
    if (check === 'JOINT' && request.kind !== DataRequestKind.JOINT) return kindMismatch;
    if (check === 'CONSENTS' && request.kind === DataRequestKind.JOINT) {
      const given = new Set((await tx.find(DataRequestConsent, { request: request.id, kind: ConsentKind.CONSENT })).map((row) => row.institution.id));
      const missing = (await consentsNeeded(tx, request)).filter((id) => !given.has(id));
      if (missing.length) return refuse(language, RefusalCode.CONSENTS_MISSING, { field: 'to', params: { missing: await institutionNames(tx, missing) } });
    }
    if (check === 'DECISION') {
      if (!input.decision?.letter.trim())
        return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'decision', params: { field: 'decision.letter', max: TEXT_MAX } });
      // Own data goes without assessment; everything else is decided on recorded considerations and, when referred, the committee's advice.
      if (request.kind !== DataRequestKind.OWN_DATA && !request.considerations) return refuse(language, RefusalCode.ASSESSMENT_MISSING, { field: 'to' });
      if (request.committeeReferred && !request.committeeAdvice) return refuse(language, RefusalCode.COMMITTEE_ADVICE_MISSING, { field: 'to' });
    }
    if ((check === 'DECISION' && move.to !== S.REJECTED) || check === 'DELIVERY') {
      const missing = await missingWrittenOrders(tx, request);
      if (missing.length)
        return refuse(language, RefusalCode.WRITTEN_ORDERS_MISSING, { field: 'to', params: { missing: await institutionNames(tx, missing) } });
    }
    if (check === 'QUOTE' && !(await tx.count(DataRequestQuote, { request: request.id }))) return refuse(language, RefusalCode.QUOTE_MISSING, { field: 'to' });
    if (check === 'EXTRACT' && !request.extractKey) return refuse(language, RefusalCode.EXTRACT_MISSING, { field: 'to' });
  }
  return null;
}

/** Records the decision's letter, conditions and narrowed scope (each narrowing within what was asked). */
async function applyDecision(tx: EntityManager, ctx: RequestContext, request: DataRequest, input: MoveDataRequestInput): Promise<Refused | null> {
  const decision = input.decision;
  if (!decision) return null;
  const language = ctx.actor.language;
  request.decisionLetter = decision.letter.trim();
  request.conditions = decision.conditions?.trim() || null;
  request.narrowedPurpose = decision.narrowedPurpose?.trim() || null;
  if (decision.narrowedFields) {
    const outside = decision.narrowedFields.filter((name) => !request.fields.includes(name));
    if (outside.length)
      return refuse(language, RefusalCode.UNKNOWN_FIELDS, {
        field: 'decision.narrowedFields',
        params: { registry: request.dataset, fields: outside.join(', ') },
      });
    request.narrowedFields = request.fields.filter((name) => decision.narrowedFields?.includes(name));
  }
  if (decision.narrowedYears) {
    if (decision.narrowedYears.some((year) => !request.years.includes(year)) || !decision.narrowedYears.length) {
      return refuse(language, RefusalCode.YEARS_REQUIRED, { field: 'decision.narrowedYears' });
    }
    request.narrowedYears = [...new Set(decision.narrowedYears)].sort((a, b) => a - b);
  }
  if (decision.narrowedInstitutionCodes) {
    const concerned = new Set(await institutionsConcerned(tx, request));
    const institutions = await tx.find(Institution, { code: { $in: decision.narrowedInstitutionCodes } });
    const outside = decision.narrowedInstitutionCodes.filter(
      (code) => !institutions.some((institution) => institution.code === code && concerned.has(institution.id)),
    );
    if (outside.length)
      return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { field: 'decision.narrowedInstitutionCodes', params: { code: outside.join(', ') } });
    request.narrowedInstitutionIds = institutions.map((institution) => institution.id);
  }
  return null;
}

/**
 * Moves a data request along its life cycle (lifecycle.ts says which moves exist and who may make
 * them); the move's checks name what is missing. The move, its history row and its audit row
 * commit together.
 */
export async function moveDataRequest(ctx: RequestContext, input: MoveDataRequestInput): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) return refuse(language, RefusalCode.NOTE_TOO_LONG, { field: 'note' });
  return ctx.em.transactional(async (tx) => {
    const request = await loadForChange(tx, ctx, input.id, 'moveDataRequest');
    if (!request || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, request))) return notFound(language, 'dataRequest');
    const move = findMove(request.state, input.to);
    if (!move) return forbiddenMove(language, request.state, input.to);
    const mover: Mover = isHubStaff(ctx.actor) ? 'HUB' : 'REQUESTER';
    if (!move.by.includes(mover)) return wrongRole(language, move);
    if (move.to === S.SUBMITTED) return refuse(language, RefusalCode.PROTOCOL_NOT_ACCEPTED, { field: 'to', params: { version: PROTOCOL_VERSION } });
    if (move.to === S.QUOTE_SIGNED) return refuse(language, RefusalCode.SIGNATURE_REQUIRED, { field: 'to' });
    const refused = await checkMove(tx, ctx, request, move, input);
    if (refused) return refused;
    const decided = await applyDecision(tx, ctx, request, input);
    if (decided) return decided;
    if (move.to === S.PRIVACY_COMMITTEE) request.committeeReferred = true;
    if (move.checks?.includes('DECISION')) request.decidedAt = ctx.services.clock.now();
    if (move.to === S.DELIVERED) {
      const term = usageTerm(today(ctx), request.termMonths ?? null);
      request.deliveredOn = term.from;
      request.usageEndsOn = term.endsOn;
      request.destructionDueOn = term.destructionDueOn;
    }
    await enter(tx, ctx, request, input.to, note, 'moveDataRequest');
    return request;
  });
}

/** The requester's sign-off of the sent quote (or hub staff's record of a signed copy received), moving it to QUOTE_SIGNED. */
export async function signQuote(
  ctx: RequestContext,
  id: string,
  name: string,
  role: string,
  copy: { key: string; size: number; sha256: string } | null = null,
): Promise<DataRequest | Refused> {
  const language = ctx.actor.language;
  return ctx.em.transactional(async (tx) => {
    const request = await loadForChange(tx, ctx, id, 'signDataRequestQuote');
    if (!request || !(isHubStaff(ctx.actor) || isRequester(ctx.actor, request))) return notFound(language, 'dataRequest');
    if (!findMove(request.state, S.QUOTE_SIGNED)) return forbiddenMove(language, request.state, S.QUOTE_SIGNED);
    if (!name.trim() || name.length > 200) return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'name', params: { field: 'name', max: 200 } });
    if (!role.trim() || role.length > 200) return refuse(language, RefusalCode.TEXT_REQUIRED, { field: 'function', params: { field: 'function', max: 200 } });
    const quote = await tx.findOneOrFail(DataRequestQuote, { request: request.id });
    quote.signedName = name.trim();
    quote.signedFunction = role.trim();
    quote.signedAt = ctx.services.clock.now();
    quote.signedOnPaper = isHubStaff(ctx.actor);
    if (copy) Object.assign(quote, { signedCopyKey: copy.key, signedCopySize: String(copy.size), signedCopySha256: copy.sha256 });
    await enter(tx, ctx, request, S.QUOTE_SIGNED, copy ? `signed copy ${copy.size} bytes sha256:${copy.sha256}` : null, 'signDataRequestQuote');
    return request;
  });
}

// ---------------------------------------------------------------- lists

function emptyPage(ctx: RequestContext, args: PageArgs): CountedPage<DataRequest> {
  return { ...DATA_REQUEST_PAGING.empty(DATA_REQUEST_PAGING.window(args, ctx.actor.language)), totalCount: 0 };
}

async function page(ctx: RequestContext, where: object, args: PageArgs): Promise<CountedPage<DataRequest>> {
  const window = DATA_REQUEST_PAGING.window(args, ctx.actor.language);
  return { ...(await findPage(ctx.em, DataRequest, where, DATA_REQUEST_PAGING, window)), totalCount: await ctx.em.count(DataRequest, where) };
}

/** The requests of the actor's organisation, drafts included. */
export function myDataRequests(ctx: RequestContext, args: PageArgs): Promise<CountedPage<DataRequest>> {
  const organisationId = ctx.actor.user?.organisationId;
  if (!organisationId) return Promise.resolve(emptyPage(ctx, args));
  return page(ctx, { requesterOrganisation: organisationId }, args);
}

/** Hub staff's queue: every request past DRAFT, by state and overdue step. */
export async function dataRequestQueue(ctx: RequestContext, filter: DataRequestFilterInput, args: PageArgs): Promise<CountedPage<DataRequest>> {
  const where: Record<string, unknown> = { state: filter.states?.length ? { $in: filter.states } : { $ne: S.DRAFT } };
  if (filter.overdue) where.stepDueOn = { $lt: today(ctx) };
  if (filter.destructionOverdue) {
    where.state = S.USAGE_ENDED;
    where.destructionDueOn = { $lt: today(ctx) };
  }
  if (filter.invoiceOverdue) {
    // Requests whose quote's invoice is past its due date and not marked paid.
    const unpaid = await ctx.em.find(DataRequestQuote, { paidOn: null, invoiceDueOn: { $lt: today(ctx) } }, { fields: ['request'] });
    where.id = { $in: unpaid.map((quote) => quote.request.id) };
  }
  return page(ctx, where, args);
}

/**
 * The submitted requests that ask an institution something: a joint request's consent (the
 * institution listed besides the requester's own) or a written order for identifying data. For hub
 * staff and the institution's local administrators; empty for anyone else, as for an unknown code.
 */
export async function dataRequestsForInstitution(ctx: RequestContext, institutionCode: string, args: PageArgs): Promise<CountedPage<DataRequest>> {
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return emptyPage(ctx, args);
  const id = institution.id;
  return page(
    ctx,
    {
      state: { $ne: S.DRAFT },
      $or: [
        { kind: DataRequestKind.JOINT, institutionIds: { $contains: [id] }, requesterOrganisation: { institution: { $ne: id } } },
        {
          identifyingData: true,
          $or: [
            { institutionSelection: InstitutionSelection.ALL },
            { institutionSelection: InstitutionSelection.LIST, institutionIds: { $contains: [id] } },
            { institutionSelection: InstitutionSelection.OWN, requesterOrganisation: { institution: id } },
          ],
        },
      ],
    },
    args,
  );
}

export async function dataRequestById(ctx: RequestContext, id: string): Promise<DataRequest | null> {
  const request = UUID.test(id) ? await ctx.em.findOne(DataRequest, { id }) : null;
  return request && (await mayView(ctx.em, ctx.actor, request)) ? request : null;
}
