import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { administersInstitution, isHubStaff } from '../kernel/actor';
import { recordRefusal } from '../audit/audit.service';
import { type Language, messages } from '../common/messages';
import { Frequency, type Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { unsignedAgreements } from '../agreements/agreement.service';
import { todayInAmsterdam } from '../common/calendar';
import { findMove, type Mover, movesFrom } from './lifecycle';
import { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { goLiveState, missingAccounts } from './readiness';
import { goLiveMissing } from './go-live-words';
import { recordTransition } from './transitions';
import { UUID } from './participation.service';

export const NOTE_MAX = 1000;

@InputType({ description: 'A move of a participation to another state of its lifecycle.' })
export class MoveParticipationInput {
  @Field(() => ID, { description: 'The participation.' })
  id!: string;

  @Field(() => ParticipationState, { description: 'The state to move to.' })
  to!: ParticipationState;

  @Field(() => String, { nullable: true, description: 'Why, kept in the history (up to 1000 characters).' })
  note?: string | null;

  @Field(() => PeriodScalar, {
    nullable: true,
    description: 'When ending from PRODUCTION or SUSPENDED (required then, ignored otherwise): the last period still expected (not TOTAAL).',
  })
  endPeriod?: Period | null;
}

/** A participation by id, locked for the move, when the actor administers its institution; null otherwise. */
export async function participationForChange(tx: EntityManager, ctx: RequestContext, id: string, action: string): Promise<Participation | null> {
  const participation = UUID.test(id) ? await tx.findOne(Participation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (participation && administersInstitution(ctx.actor, participation.institution.id)) return participation;
  await recordRefusal(ctx, { action, objectType: 'Participation', objectId: id, institutionId: participation?.institution.id ?? null });
  return null;
}

function forbiddenMove(language: Language, from: ParticipationState, to: ParticipationState): Refused {
  const words = messages(language).participation;
  const open = movesFrom(from).map((move) => words.state[move.to]);
  return refuse(language, RefusalCode.TRANSITION_NOT_ALLOWED, {
    params: { from: words.state[from], to: words.state[to], open: open.length ? open.join(', ') : words.none },
    field: 'to',
  });
}

function wrongRole(language: Language, from: ParticipationState, to: ParticipationState, by: readonly Mover[]): Refused {
  const words = messages(language).participation;
  return refuse(language, RefusalCode.TRANSITION_ROLE, {
    params: { from: words.state[from], to: words.state[to], who: by.map((mover) => words.mover[mover]).join(words.or) },
    field: 'to',
  });
}

/**
 * Moves a participation along its lifecycle (lifecycle.ts says which moves exist and who may make
 * them); ACCOUNTS_READY and PRODUCTION are checked against the institution's accounts and the
 * registry's go-live criteria. The move, its history row and its audit row commit together.
 */
export async function moveParticipation(ctx: RequestContext, input: MoveParticipationInput): Promise<Participation | Refused> {
  const language = ctx.actor.language;
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) return refuse(language, RefusalCode.NOTE_TOO_LONG, { field: 'note' });
  return ctx.em.transactional(async (tx) => {
    const participation = await participationForChange(tx, ctx, input.id, 'moveParticipation');
    if (!participation) return notFound(language, 'participation');
    const from = participation.state;
    const move = findMove(from, input.to);
    if (!move) return forbiddenMove(language, from, input.to);
    if (!move.by.includes(isHubStaff(ctx.actor) ? 'HUB' : 'LOCAL_ADMIN')) return wrongRole(language, from, input.to, move.by);
    const subDelivery = await tx.findOneOrFail(SubDelivery, { id: participation.subDelivery.id }, { populate: ['registry'] });
    const registryId = subDelivery.registry.id;
    if (move.check === 'AGREEMENTS') {
      const unsigned = await unsignedAgreements(tx, participation.institution.id, registryId, todayInAmsterdam(ctx.services.clock.now()));
      if (unsigned.length) {
        const kinds = messages(language).agreementKind;
        return refuse(language, RefusalCode.AGREEMENTS_NOT_SIGNED, { params: { missing: unsigned.map((kind) => kinds[kind]).join(', ') }, field: 'to' });
      }
    }
    if (move.check === 'ACCOUNTS') {
      const missing = await missingAccounts(tx, participation.institution.id, registryId);
      if (missing.length) {
        const words = messages(language).participation.missing;
        return refuse(language, RefusalCode.ACCOUNTS_MISSING, { params: { missing: missing.map((item) => words[item]).join(', ') }, field: 'to' });
      }
    }
    if (move.check === 'GO_LIVE') {
      const state = await goLiveState(tx, participation, registryId, ctx.services.clock.now());
      if (!state.met) return refuse(language, RefusalCode.GO_LIVE_NOT_MET, { params: { missing: goLiveMissing(language, state).join(', ') }, field: 'to' });
    }
    // Only a participation that expected deliveries keeps an end period: one ended before PRODUCTION expects nothing.
    if (move.check === 'END_PERIOD') {
      const ended = applyEndPeriod(language, participation, input.endPeriod ?? null);
      if (ended) return ended;
    }
    const registry = subDelivery.registry.getEntity();
    await recordTransition(tx, ctx.actor, participation, {
      to: input.to,
      note,
      at: ctx.services.clock.now(),
      action: 'moveParticipation',
      detail: `${registry.code}/${subDelivery.code}${participation.endPeriod ? ` end ${participation.endPeriod}` : ''}`,
    });
    return participation;
  });
}

/** Sets the end period of a participation being ended from PRODUCTION or SUSPENDED; a refusal when it is missing or out of place. */
function applyEndPeriod(language: Language, participation: Participation, endPeriod: Period | null): Refused | null {
  if (!endPeriod) return refuse(language, RefusalCode.END_PERIOD_REQUIRED, { field: 'endPeriod' });
  if (endPeriod.kind === Frequency.TOTAL) return refuse(language, RefusalCode.NO_TOTAL_PERIOD, { field: 'endPeriod' });
  const endDate = endPeriod.endDate as string;
  if (endDate < participation.startDate) return refuse(language, RefusalCode.END_BEFORE_START, { field: 'endPeriod' });
  participation.endPeriod = endPeriod.code;
  participation.endDate = endDate;
  return null;
}
