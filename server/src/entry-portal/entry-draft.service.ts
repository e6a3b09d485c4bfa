import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { todayInAmsterdam } from '../common/calendar';
import { connectionTypes, type Connection, definePaging, findPage, type PageArgs } from '../common/pagination';
import { Period } from '../common/period';
import { maySubmit } from '../deliveries/delivery-access';
import { InstitutionUnit } from '../institutions/institution-unit.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { EntryDraft } from './entry-draft.entity';
import { recheckDuplicateKeys } from './entry-duplicates';
import { entryDictionary, periodOption, resolveEntryTarget } from './entry-target';
import type { SaveEntryDraftInput } from './entry.types';
import { checkEntry, findingSummary, MAX_VALUE_LENGTH, sealValues, unsealValues } from './entry-values';

export const ENTRY_DRAFT_PAGING = definePaging({
  tag: 'entryDrafts',
  keys: [
    { column: 'e.created_at', type: 'timestamptz' },
    { column: 'e.id', type: 'uuid' },
  ],
  defaultSize: 50,
  maxSize: 200,
});

export const { Connection: EntryDraftConnection } = connectionTypes(() => EntryDraft, {
  name: 'EntryDraft',
  description: "A page of a period's entries, in the order they were entered.",
  totalCount: 'Entries of the period (one index range: cheap).',
});

/** The entry's own submitters may read and change it (whatever the channel is now). */
async function mayEnter(ctx: RequestContext, draft: EntryDraft): Promise<boolean> {
  const subDelivery = await ctx.em.findOne(SubDelivery, { id: draft.subDelivery.id });
  return (
    subDelivery !== null && maySubmit(ctx.actor, { institutionId: draft.institution.id, registryId: subDelivery.registry.id, subDeliveryId: subDelivery.id })
  );
}

export async function findEntryDraft(ctx: RequestContext, id: string): Promise<EntryDraft | Refused> {
  const draft = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(EntryDraft, { id }) : null;
  return draft && (await mayEnter(ctx, draft)) ? draft : notFound(ctx.actor.language, 'entryDraft');
}

/** A period's entries of an institution and sub-delivery, for its submitters (empty for anyone else). */
export async function listEntryDrafts(
  ctx: RequestContext,
  institutionId: string,
  subDeliveryId: string,
  period: Period,
  page: PageArgs,
): Promise<Connection<EntryDraft>> {
  const window = ENTRY_DRAFT_PAGING.window(page, ctx.actor.language);
  const subDelivery = await ctx.em.findOne(SubDelivery, { id: subDeliveryId });
  if (!subDelivery || !maySubmit(ctx.actor, { institutionId, registryId: subDelivery.registry.id, subDeliveryId })) {
    return { ...ENTRY_DRAFT_PAGING.empty<EntryDraft>(window), totalCount: 0 };
  }
  const where = { institution: institutionId, subDelivery: subDeliveryId, period: period.code };
  const connection = await findPage(ctx.em, EntryDraft, where, ENTRY_DRAFT_PAGING, window);
  connection.totalCount = await ctx.em.count(EntryDraft, where);
  return connection;
}

/**
 * Saves an entry (a new one, or a change to one of the same institution and sub-delivery): the
 * values are checked by the engine as processing would check the record, sealed and stored with a
 * summary of the findings. Saving is allowed with errors; the list shows which entries have them.
 * A change to a submitted entry makes it a draft again, for the next submit of its period.
 */
export async function saveEntryDraft(ctx: RequestContext, input: SaveEntryDraftInput): Promise<EntryDraft | Refused> {
  const language = ctx.actor.language;
  const target = await resolveEntryTarget(ctx, input.institutionId, input.subDeliveryId);
  if (!('institution' in target)) return target;
  let draft: EntryDraft | null = null;
  if (input.id) {
    const found = await findEntryDraft(ctx, input.id);
    if (!(found instanceof EntryDraft) || found.institution.id !== target.institution.id || found.subDelivery.id !== target.subDelivery.id) {
      return notFound(language, 'entryDraft');
    }
    draft = found;
  }
  if (!(await ctx.em.count(InstitutionUnit, { institution: target.institution.id, number: input.unit }))) {
    return refuse(language, RefusalCode.UNKNOWN_UNIT, { params: { code: target.institution.code, unit: input.unit }, field: 'unit' });
  }
  const found = await entryDictionary(ctx, target, input.version);
  if (!('dictionary' in found)) return found;
  const { dictionary, version } = found;
  const unknown = input.values.filter((value) => !dictionary.compiled.fieldIndex.has(value.field)).map((value) => value.field);
  if (unknown.length > 0) return refuse(language, RefusalCode.UNKNOWN_FIELDS, { params: { fields: unknown.join(', ') }, field: 'values' });
  const tooLong = input.values.find((value) => value.value.length > MAX_VALUE_LENGTH);
  if (tooLong) return refuse(language, RefusalCode.VALUE_TOO_LONG, { params: { field: tooLong.field, max: MAX_VALUE_LENGTH }, field: 'values' });

  const values = new Map(input.values.filter((value) => value.value !== '').map((value) => [value.field, value.value]));
  const now = ctx.services.clock.now();
  const findings = checkEntry(dictionary, values, { deliveryDate: todayInAmsterdam(now), period: periodOption(input.period) });
  const { summary, errors, warnings } = findingSummary(findings);
  const userId = ctx.actor.user?.id ?? null;
  const movedFrom = draft && draft.period !== input.period.code ? Period.parse(draft.period) : null;
  return ctx.em.transactional(async (tx) => {
    const row =
      draft ??
      tx.create(EntryDraft, {
        institution: target.institution,
        subDelivery: target.subDelivery,
        createdBy: userId,
        createdAt: now,
        dictionaryVersion: version,
        unit: input.unit,
        period: input.period.code,
        sealedValues: '',
        findingSummary: [],
        updatedAt: now,
      });
    Object.assign(row, {
      unit: input.unit,
      period: input.period.code,
      dictionaryVersion: version,
      sealedValues: sealValues(ctx.services.keys, values),
      findingSummary: summary,
      errorCount: errors,
      warningCount: warnings,
      submittedIn: null,
      updatedBy: userId,
      updatedAt: now,
    });
    await tx.flush();
    // 005 against the period's other entries (and those of the period it left), periods in code order so two moves cannot deadlock.
    const periods = [input.period, ...(movedFrom ? [movedFrom] : [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const period of periods) {
      await recheckDuplicateKeys(ctx, tx, { institutionId: target.institution.id, subDeliveryId: target.subDelivery.id, period });
    }
    await recordAudit(tx, ctx.actor, {
      event: draft ? AuditEventType.UPDATE : AuditEventType.CREATE,
      action: 'saveEntryDraft',
      objectType: 'EntryDraft',
      objectId: row.id,
      institutionId: target.institution.id,
      detail: `${target.registry.code} ${input.period.code}: ${row.errorCount} errors, ${row.warningCount} warnings`,
    });
    return row;
  });
}

/** Removes an entry; a submitted one is left out of the next submit of its period (that delivery withdraws it). */
export async function deleteEntryDraft(ctx: RequestContext, id: string): Promise<EntryDraft | Refused> {
  const draft = await findEntryDraft(ctx, id);
  if (!(draft instanceof EntryDraft)) return draft;
  return ctx.em.transactional(async (tx) => {
    const copy = Object.assign(new EntryDraft(), draft);
    await tx.remove(draft).flush();
    // A duplicate of the removed entry is one no more.
    await recheckDuplicateKeys(ctx, tx, { institutionId: copy.institution.id, subDeliveryId: copy.subDelivery.id, period: entryPeriod(copy) });
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.DELETE,
      action: 'deleteEntryDraft',
      objectType: 'EntryDraft',
      objectId: copy.id,
      institutionId: copy.institution.id,
      detail: copy.period,
    });
    return copy;
  });
}

/** `period` of a stored entry as a Period (stored canonical). */
export function entryPeriod(draft: EntryDraft): Period {
  return Period.parse(draft.period);
}

/** The drafts whose values this request has already unsealed (and audited). */
const readInRequest = new WeakMap<object, Set<string>>();

/**
 * An entry's values in clear, for an answer to its submitters: the record of one patient, so each
 * entry read is audited (NEN 7513) once per request, whether its values or its findings (whose
 * messages quote values) are asked for.
 */
export async function readEntryValues(ctx: RequestContext, draft: EntryDraft): Promise<Map<string, string>> {
  let seen = readInRequest.get(ctx.request);
  if (!seen) readInRequest.set(ctx.request, (seen = new Set()));
  if (!seen.has(draft.id)) {
    seen.add(draft.id);
    await recordAudit(ctx.em, ctx.actor, {
      event: AuditEventType.READ,
      action: 'readEntryDraft',
      objectType: 'EntryDraft',
      objectId: draft.id,
      institutionId: draft.institution.id,
    });
  }
  return unsealValues(ctx.services.keys, draft.sealedValues);
}
