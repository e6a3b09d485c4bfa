import { DeadlineRule } from '../../registries/deadline-rule';
import { Frequency, Period } from '../../common/period';
import type { DeadlineDefinition } from '@datahub/validation';

export function deadlineRuleOf(definition: DeadlineDefinition): DeadlineRule {
  return definition.kind === 'AFTER_PERIOD_END'
    ? DeadlineRule.afterPeriodEnd(definition.monthsAfterPeriodEnd, definition.day)
    : DeadlineRule.fixedDate(definition.yearsAfterPeriodYear, definition.month, definition.day);
}

/**
 * The last day a period covers. TOTAAL has no end of its own: here it is the TOTAAL of a calendar
 * year (`totalYear`), see DeliverySchedule.
 */
export function periodEndOf(period: Period, totalYear: number | null): string | null {
  if (period.kind !== Frequency.TOTAL) return period.endDate;
  return totalYear === null ? null : `${String(totalYear).padStart(4, '0')}-12-31`;
}
