import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { cellsOf } from '@datahub/validation';
import type { RequestContext } from '../kernel/context';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import type { Period } from '../common/period';
import { todayInAmsterdam } from '../common/calendar';
import { storeChannelDelivery } from '../deliveries/channel-delivery';
import { lastSequenceNumber } from '../deliveries/sequence-number';
import { Delivery } from '../deliveries/delivery.entity';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Channel } from '../registries/channel';
import { EntryDraft } from './entry-draft.entity';
import { entryDictionary, resolveEntryTarget } from './entry-target';
import { unsealValues } from './entry-values';

/**
 * Submits a period: every entry of the institution's sub-delivery for that period, drafts and those
 * submitted before alike, becomes one CSV in the dictionary's column order, delivered through the
 * entry portal channel (storeChannelDelivery: the same target checks, encrypted store and worker as
 * an upload). The worker checks it with the same engine; as a later production delivery for the
 * same institution, sub-delivery and period it supersedes the previous one once processed, so a
 * correction re-delivers the whole period. The entries carried are marked submitted, unless one was
 * changed meanwhile (it stays a draft for the next submit).
 */
export async function submitEntryPeriod(
  ctx: RequestContext,
  institutionId: string,
  subDeliveryId: string,
  period: Period,
  unit: number,
): Promise<Delivery | Refused> {
  const target = await resolveEntryTarget(ctx, institutionId, subDeliveryId);
  if (!('institution' in target)) return target;
  const drafts = await ctx.em.find(
    EntryDraft,
    { institution: institutionId, subDelivery: subDeliveryId, period: period.code },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  if (drafts.length === 0) return refuse(ctx.actor.language, RefusalCode.NO_ENTRIES, { params: { period: period.code }, field: 'period' });
  // The version of the entry changed last: entries are entered by the version to use when they are.
  const newest = drafts.reduce((latest, draft) => (draft.updatedAt > latest.updatedAt ? draft : latest));
  const versionRow = await ctx.em.findOneOrFail(DictionaryVersion, { id: newest.dictionaryVersion.id });
  const found = await entryDictionary(ctx, target, versionRow.version);
  if (!('dictionary' in found)) return found;
  const { compiled } = found.dictionary;
  const rows = drafts.map((draft) => cellsOf(compiled, unsealValues(ctx.services.keys, draft.sealedValues)));
  // No formula escaping: this file is read by the engine, never opened in a spreadsheet.
  const csv = stringify([[...compiled.fieldNames], ...rows]);
  // The hub names the file by the convention, with the institution's next sequence number, so the
  // report has no B08 or B09 line about a name nobody at the hospital chose.
  const sequenceNumber =
    ((await lastSequenceNumber((sql, params) => ctx.em.getConnection().execute(sql, params as unknown[]), {
      institutionId: target.institution.id,
      registryId: target.registry.id,
    })) ?? 0) + 1;
  const today = todayInAmsterdam(ctx.services.clock.now());
  const fileName = `${target.institution.code}_${unit}_${target.registry.code}_${versionRow.version}_${sequenceNumber}_${today.replaceAll('-', '')}_PROD.csv`;
  const delivered = await storeChannelDelivery(
    ctx,
    {
      institutionCode: target.institution.code,
      unit,
      registry: target.registry.code,
      version: versionRow.version,
      sequenceNumber,
      creationDate: today,
      test: false,
      period,
      action: 'submitEntryPeriod',
    },
    Channel.ENTRY_PORTAL,
    Readable.from([Buffer.from(csv, 'utf8')]),
    fileName,
  );
  if (!(delivered instanceof Delivery)) return delivered;
  const submittedAt = ctx.services.clock.now();
  await ctx.em.transactional(async (tx) => {
    for (const draft of drafts) {
      // Only if unchanged since it was read: a change made meanwhile is not in this delivery.
      await tx.nativeUpdate(EntryDraft, { id: draft.id, updatedAt: draft.updatedAt }, { submittedIn: delivered.id, submittedAt });
    }
  });
  return delivered;
}
