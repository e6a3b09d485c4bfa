import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { addMonths, daysInMonth, formatIsoDate } from '../common/calendar';
import type { Period } from '../common/period';

export enum DeadlineRuleKind {
  AFTER_PERIOD_END = 'AFTER_PERIOD_END',
  FIXED_DATE = 'FIXED_DATE',
}

registerEnumType(DeadlineRuleKind, {
  name: 'DeadlineRuleKind',
  description: "How a period's deadline is found.",
  valuesConfig: {
    AFTER_PERIOD_END: {
      description: 'A day in the month `monthsAfterPeriodEnd` months after the month the period ends in (CAT, PMICD).',
    },
    FIXED_DATE: { description: "A fixed day and month in the period's year plus `yearsAfterPeriodYear` (MMY)." },
  },
});

/**
 * When a delivery for a period is due. CAT 1.4: the 1st of the second month after the quarter
 * (2026K1 → 2026-05-01); PMICD: the last day of the month after the quarter (2026K1 → 2026-04-30);
 * MMY 2.1: half years on 1 February of the next year (fixed calendar dates, not offsets).
 */
@ObjectType({ description: 'The rule that gives the deadline of each period of a sub-delivery.' })
@Embeddable()
export class DeadlineRule {
  @Field(() => DeadlineRuleKind, { description: 'Offset from the period end, or a fixed date.' })
  @Enum({ items: () => DeadlineRuleKind, type: 'string' })
  kind!: DeadlineRuleKind;

  @Field(() => Int, { nullable: true, description: 'AFTER_PERIOD_END: months after the month the period ends in (1–24).' })
  @Property({ type: 'smallint', nullable: true })
  monthsAfterPeriodEnd?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "FIXED_DATE: years after the period's year (0–5).",
  })
  @Property({ type: 'smallint', nullable: true })
  yearsAfterPeriodYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'FIXED_DATE: the month of the deadline (1–12).' })
  @Property({ type: 'smallint', nullable: true })
  month?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Day of the month of the deadline (1–31, capped at the month's length); null when lastDayOfMonth.",
  })
  @Property({ type: 'smallint', nullable: true })
  day?: number | null;

  @Field(() => Boolean, { description: 'True when the deadline is the last day of its month.' })
  @Property({ type: 'boolean' })
  lastDayOfMonth: boolean = false;

  static afterPeriodEnd(monthsAfterPeriodEnd: number, day: number | 'LAST'): DeadlineRule {
    return Object.assign(new DeadlineRule(), {
      kind: DeadlineRuleKind.AFTER_PERIOD_END,
      monthsAfterPeriodEnd,
      day: day === 'LAST' ? null : day,
      lastDayOfMonth: day === 'LAST',
    });
  }

  static fixedDate(yearsAfterPeriodYear: number, month: number, day: number): DeadlineRule {
    return Object.assign(new DeadlineRule(), {
      kind: DeadlineRuleKind.FIXED_DATE,
      yearsAfterPeriodYear,
      month,
      day,
      lastDayOfMonth: false,
    });
  }

  /** The deadline (`YYYY-MM-DD`) for a period; null for TOTAAL, which has no end of its own. */
  deadlineFor(period: Period): string | null {
    if (period.year === null || period.endDate === null) return null;
    const target =
      this.kind === DeadlineRuleKind.FIXED_DATE
        ? { year: period.year + (this.yearsAfterPeriodYear ?? 0), month: this.month ?? 1 }
        : addMonths(period.year, Number(period.endDate.slice(5, 7)), this.monthsAfterPeriodEnd ?? 0);
    const last = daysInMonth(target.year, target.month);
    const day = this.lastDayOfMonth ? last : Math.min(this.day ?? 1, last);
    return formatIsoDate(target.year, target.month, day);
  }
}
