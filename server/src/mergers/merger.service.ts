import { LockMode } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { Field, InputType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type Actor, systemActor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { todayInAmsterdam } from '../common/calendar';
import { LocalDateScalar } from '../common/scalars';
import { Institution } from '../institutions/institution.entity';
import { InstitutionMerger } from './merger.entity';
import { carryParticipations } from './merger-participations';
import { copyHeldRecords } from './merger-records';
import { enqueueNotices } from '../notices/module';

@InputType({ description: 'A merger to record: `from` joins `into` from `effectiveDate`.' })
export class MergeInstitutionInput {
  @Field(() => String, { description: '8-digit code of the institution that merges away (A).' })
  from!: string;

  @Field(() => String, { description: '8-digit code of the institution it joins (B), which carries on.' })
  into!: string;

  @Field(() => LocalDateScalar, {
    description: 'From this day A delivers no more and B carries on; a day that has come applies at once, a later one when it comes.',
  })
  effectiveDate!: string;

  @Field(() => String, { description: 'Why or how (1–500 characters); kept and audited.' })
  note!: string;
}

const NOTE_MAX = 500;

/**
 * Hub staff record a merger (audited for both institutions). A day that has already come is applied
 * in the same transaction; a later one by the hourly `apply-mergers` task.
 */
export async function mergeInstitution(ctx: RequestContext, input: MergeInstitutionInput): Promise<InstitutionMerger | Refused> {
  const language = ctx.actor.language;
  const note = input.note.trim();
  if (!note || note.length > NOTE_MAX) return refuse(language, RefusalCode.REASON_REQUIRED, { field: 'note' });
  if (input.from === input.into) return refuse(language, RefusalCode.MERGE_INTO_ITSELF, { params: { code: input.from }, field: 'into' });
  return ctx.em.transactional(async (tx) => {
    const from = await tx.findOne(Institution, { code: input.from });
    if (!from) return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { params: { code: input.from }, field: 'from' });
    const into = await tx.findOne(Institution, { code: input.into });
    if (!into) return refuse(language, RefusalCode.UNKNOWN_INSTITUTION, { params: { code: input.into }, field: 'into' });
    // An institution merges away once; and B must not have merged away itself (no joining a former institution, no cycles).
    for (const [institution, field] of [
      [from, 'from'],
      [into, 'into'],
    ] as const) {
      const earlier = await tx.findOne(InstitutionMerger, { from: institution.id }, { populate: ['into'] });
      if (earlier) {
        return refuse(language, RefusalCode.ALREADY_MERGED, { params: { code: institution.code, into: earlier.into.getEntity().code }, field });
      }
    }
    const merger = tx.create(InstitutionMerger, { from, into, effectiveDate: input.effectiveDate, note, createdAt: ctx.services.clock.now() });
    await tx.flush();
    for (const institution of [from, into]) {
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.CREATE,
        action: 'mergeInstitution',
        objectType: 'InstitutionMerger',
        objectId: merger.id,
        institutionId: institution.id,
        detail: `${from.code} → ${into.code} ${input.effectiveDate}`,
      });
    }
    if (input.effectiveDate <= todayInAmsterdam(ctx.services.clock.now())) await applyMerger(tx, ctx.actor, ctx.services, merger.id);
    return merger;
  });
}

/**
 * B now holds records it did not before: processors authorised for B (per stream and period of the
 * copied records) are told, in the merger's transaction, as after a delivery.
 */
async function noticeCopiedStreams(tx: EntityManager, fromId: string, intoId: string, now: Date): Promise<void> {
  const trx = tx.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('a merger is applied inside a transaction');
  const streams = await tx.execute<{ sub_delivery_id: string; registry_id: string; period: string }[]>(
    `select distinct h.sub_delivery_id, s.registry_id, d.period
       from held_record h join sub_delivery s on s.id = h.sub_delivery_id join delivery d on d.id = h.delivery_id
      where h.institution_id = ?`,
    [fromId],
  );
  const on = todayInAmsterdam(now);
  for (const stream of streams)
    await enqueueNotices(trx, { institutionId: intoId, registryId: stream.registry_id, subDeliveryId: stream.sub_delivery_id, period: stream.period, on, now });
}

/**
 * Carries A's participations and held records over to B and marks the merger applied, once: the
 * row is locked, and an applied merger is left alone. Audited as done by the actor (the system for
 * the worker). Returns false when there was nothing to do.
 */
export async function applyMerger(tx: EntityManager, actor: Actor, services: Pick<AppServices, 'clock'>, mergerId: string): Promise<boolean> {
  const merger = await tx.findOne(InstitutionMerger, { id: mergerId, appliedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!merger) return false;
  const now = services.clock.now();
  const participations = await carryParticipations(tx, merger);
  const records = await copyHeldRecords(tx, merger.from.id, merger.into.id, now);
  if (records > 0) await noticeCopiedStreams(tx, merger.from.id, merger.into.id, now);
  merger.appliedAt = now;
  await tx.flush();
  for (const institutionId of [merger.from.id, merger.into.id]) {
    await recordAudit(tx, actor, {
      event: AuditEventType.UPDATE,
      action: 'applyMerger',
      objectType: 'InstitutionMerger',
      objectId: merger.id,
      institutionId,
      detail: `participations carried ${participations.carried}, ended ${participations.ended}; held records copied ${records}`,
    });
  }
  return true;
}

/** The worker's hourly task: applies every merger whose day has come, each in its own transaction. */
export async function applyDueMergers(services: AppServices): Promise<number> {
  const today = todayInAmsterdam(services.clock.now());
  const due = await services.orm.em.fork().find(InstitutionMerger, { appliedAt: null, effectiveDate: { $lte: today } }, { fields: ['id'] });
  let applied = 0;
  for (const { id } of due) {
    if (await services.orm.em.fork().transactional((tx) => applyMerger(tx, systemActor, services, id))) applied += 1;
  }
  return applied;
}

/** Every merger, most recent day first: a short list (a handful a year), so not paged. */
export function listMergers(ctx: RequestContext): Promise<InstitutionMerger[]> {
  return ctx.em.find(InstitutionMerger, {}, { orderBy: { effectiveDate: 'desc', createdAt: 'desc' } });
}
