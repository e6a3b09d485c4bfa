import type { EntityManager } from '@mikro-orm/postgresql';
import { Frequency, Period } from '../common/period';
import { Participation } from '../participations/participation.entity';
import { ParticipationState } from '../participations/participation-state';
import type { InstitutionMerger } from './merger.entity';

/**
 * The one place where a merger changes participations, by plain entity updates (the participation
 * lifecycle's transitions are the participations module's; a merger is hub staff's structural
 * change and is audited as one): A's participations continue under B from the period of the
 * effective date, and A's end at the period before.
 */

/** The period of this kind (not TOTAAL) that holds the day. */
export function periodContaining(kind: Frequency, day: string): Period {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case Frequency.MONTH:
      return Period.parse(`${year}M${String(month).padStart(2, '0')}`);
    case Frequency.QUARTER:
      return Period.parse(`${year}K${Math.ceil(month / 3)}`);
    case Frequency.HALF_YEAR:
      return Period.parse(`${year}H${Math.ceil(month / 6)}`);
    default:
      return Period.parse(year);
  }
}

/** The period of the same kind just before this one. */
export function periodBefore(period: Period): Period {
  const dayBefore = new Date(`${period.startDate as string}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return periodContaining(period.kind, dayBefore.toISOString().slice(0, 10));
}

/** Whether the participation expects deliveries for some periods (the overview's rule, expected.sql.ts). */
const expects = (participation: Participation) =>
  participation.state === ParticipationState.PRODUCTION || (participation.state === ParticipationState.ENDED && !!participation.endDate);

export interface CarriedParticipations {
  /** Sub-delivery codes B took over (it had no participation of its own there). */
  carried: number;
  /** A's participations ended at the period before the merger. */
  ended: number;
}

/**
 * For each of A's participations still running at the effective date: B gets one with A's state and
 * channel from the period of that date (unless B takes part in that sub-delivery already), and A's
 * ends at the period before. One that never expected anything ends without an end period, so a
 * merger never makes past periods expected that were not.
 */
export async function carryParticipations(tx: EntityManager, merger: InstitutionMerger): Promise<CarriedParticipations> {
  const own = await tx.find(Participation, { institution: merger.from.id });
  const successors = new Set((await tx.find(Participation, { institution: merger.into.id })).map((row) => row.subDelivery.id));
  const result: CarriedParticipations = { carried: 0, ended: 0 };
  for (const participation of own) {
    const first = periodContaining(Period.parse(participation.startPeriod).kind, merger.effectiveDate);
    const firstDay = first.startDate as string;
    if (participation.endDate && participation.endDate < firstDay) continue;
    if (!successors.has(participation.subDelivery.id)) {
      const start = participation.startDate > firstDay ? Period.parse(participation.startPeriod) : first;
      tx.create(Participation, {
        institution: merger.into,
        subDelivery: participation.subDelivery,
        startPeriod: start.code,
        startDate: start.startDate as string,
        endPeriod: participation.endPeriod ?? null,
        endDate: participation.endDate ?? null,
        channel: participation.channel,
        state: participation.state,
      });
      result.carried += 1;
    }
    const last = periodBefore(first);
    const keepsHistory = expects(participation) && participation.startDate <= (last.endDate as string);
    Object.assign(participation, {
      state: ParticipationState.ENDED,
      endPeriod: keepsHistory ? last.code : null,
      endDate: keepsHistory ? last.endDate : null,
    });
    result.ended += 1;
  }
  await tx.flush();
  return result;
}
