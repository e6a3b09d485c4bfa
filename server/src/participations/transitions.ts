import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor';
import { messages } from '../common/messages';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import type { Participation } from './participation.entity';
import type { ParticipationState } from './participation-state';
import { ParticipationTransition } from './participation-transition.entity';

export interface TransitionEntry {
  to: ParticipationState;
  note?: string | null;
  at: Date;
  /** The audit action, e.g. `moveParticipation`, `autoGoLive`. */
  action: string;
  /** Extra words for the audit detail (registry and sub-delivery codes, end period). */
  detail: string;
}

/**
 * Moves a participation and keeps the step: its state, a transition row and an audit row, all
 * through `tx` so they commit or roll back together. A step by the system (automatic go-live) is
 * recorded with the name `systeem` and no user.
 */
export async function recordTransition(
  tx: EntityManager,
  actor: Actor,
  participation: Participation,
  entry: TransitionEntry,
): Promise<ParticipationTransition> {
  const from = participation.state;
  participation.state = entry.to;
  const transition = tx.create(ParticipationTransition, {
    participation,
    fromState: from,
    toState: entry.to,
    at: entry.at,
    actorUserId: actor.user?.id ?? null,
    actorName: actor.user?.name ?? messages('nl').participation.system,
    note: entry.note ?? null,
  });
  await tx.flush();
  await recordAudit(tx, actor, {
    event: AuditEventType.UPDATE,
    action: entry.action,
    objectType: 'Participation',
    objectId: participation.id,
    institutionId: participation.institution.id,
    detail: `${entry.detail} ${from} → ${entry.to}`,
  });
  return transition;
}

/** The sign-up or hub staff's recording of a new participation: the first row of its history. */
export function recordCreation(tx: EntityManager, actor: Actor, participation: Participation, at: Date, note: string | null): ParticipationTransition {
  return tx.create(ParticipationTransition, {
    participation,
    fromState: null,
    toState: participation.state,
    at,
    actorUserId: actor.user?.id ?? null,
    actorName: actor.user?.name ?? messages('nl').participation.system,
    note,
  });
}
