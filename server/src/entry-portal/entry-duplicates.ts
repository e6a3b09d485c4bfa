import { cellsOf, checkRecordWithKey } from '@datahub/validation';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { todayInAmsterdam } from '../common/calendar';
import type { Period } from '../common/period';
import { EntryDraft } from './entry-draft.entity';
import { dictionaryOfVersion } from './entry-draft.loaders';
import { periodOption } from './entry-target';
import { unsealValues, withDuplicateKey } from './entry-values';

/** The entries one submit makes one delivery of: an institution's sub-delivery in one period. */
export interface EntryPeriod {
  institutionId: string;
  subDeliveryId: string;
  period: Period;
}

/**
 * The engine's 005 (duplicate record key) among a period's entries, as processing will find it once
 * the period is submitted as one delivery: every entry whose key another entry of the period has
 * gets it, the first included; an entry whose key field fails its own checks takes no part. Run in
 * the transaction of each save and delete, after the change, so the list shows it at once and fixing
 * either entry clears both.
 *
 * The values are sealed, so the period's entries are unsealed here to compare their keys (a period
 * holds a handful of entries, a few hundred at most): no key is stored in clear or as a hash
 * (README, "Entry portal": why not a keyed hash). Keys are taken with the dictionary of the entry changed last, the
 * one a submit makes the delivery with. A transaction lock per period makes two saves at once see
 * each other's entry.
 */
export async function recheckDuplicateKeys(ctx: RequestContext, tx: EntityManager, scope: EntryPeriod): Promise<void> {
  await tx
    .getConnection()
    .execute(
      'select pg_advisory_xact_lock(hashtext(?))',
      [`entry-period/${scope.institutionId}/${scope.subDeliveryId}/${scope.period.code}`],
      'all',
      tx.getTransactionContext(),
    );
  const drafts = await tx.find(EntryDraft, { institution: scope.institutionId, subDelivery: scope.subDeliveryId, period: scope.period.code });
  if (drafts.length === 0) return;
  const newest = drafts.reduce((latest, draft) => (draft.updatedAt > latest.updatedAt ? draft : latest));
  const { compiled } = await dictionaryOfVersion(ctx, newest.dictionaryVersion.id);
  const run = { deliveryDate: todayInAmsterdam(ctx.services.clock.now()), period: periodOption(scope.period) };
  const keys = drafts.map((draft) => checkRecordWithKey(compiled, cellsOf(compiled, unsealValues(ctx.services.keys, draft.sealedValues)), run).key);
  const seen = new Map<string, number>();
  for (const key of keys) if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
  const duplicateClass = compiled.classOf('005');
  drafts.forEach((draft, at) => {
    const key = keys[at];
    Object.assign(draft, withDuplicateKey(draft, duplicateClass, key !== null && key !== undefined && (seen.get(key) ?? 0) > 1));
  });
  await tx.flush();
}
