import type { OutcomeStatus, ValidationTotals } from '@datahub/validation';
import { DeliveryStatus } from '../delivery-status';

export interface Outcome {
  /** The engine's status for the file's own lines. */
  status: OutcomeStatus | DeliveryStatus;
  totals: ValidationTotals;
  /** Records rejected by T01 (conflict with data held). */
  conflictRejected: number;
  /** T02 lines (accepted, values replaced). */
  conflictWarnings: number;
}

/**
 * docs/registries/README.md#outcome-of-a-file: any BF line → Afgekeurd; every record rejected (F or TF) → Afgekeurd; any other
 * line (F, W, BW, TF, TW) → Verwerkt met fouten; no line → Verwerkt.
 */
export function finalStatus(outcome: Outcome): DeliveryStatus {
  if (outcome.status === 'REJECTED') return DeliveryStatus.REJECTED;
  const { totals } = outcome;
  const rejected = totals.rejected + outcome.conflictRejected;
  if (totals.records > 0 && rejected >= totals.records) return DeliveryStatus.REJECTED;
  const lines = Object.values(totals.byClass).reduce((sum, count) => sum + count, 0) + outcome.conflictRejected + outcome.conflictWarnings;
  return lines > 0 ? DeliveryStatus.PROCESSED_WITH_ERRORS : DeliveryStatus.PROCESSED;
}
