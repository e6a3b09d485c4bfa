import { registerEnumType } from 'type-graphql';

/** docs/domain.md#processing-and-statuses: Aangeleverd → verwerking → Verwerkt / Verwerkt met fouten / Afgekeurd. */
export enum DeliveryStatus {
  RECEIVED = 'RECEIVED',
  PROCESSING = 'PROCESSING',
  PROCESSED = 'PROCESSED',
  PROCESSED_WITH_ERRORS = 'PROCESSED_WITH_ERRORS',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}

export const FINAL_STATUSES = [DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED_WITH_ERRORS, DeliveryStatus.REJECTED, DeliveryStatus.FAILED];

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    RECEIVED: { description: 'Aangeleverd: stored and queued.' },
    PROCESSING: { description: 'Being checked.' },
    PROCESSED: { description: 'Verwerkt: no report lines.' },
    PROCESSED_WITH_ERRORS: { description: 'Verwerkt met fouten: some records rejected, or warnings.' },
    REJECTED: { description: 'Afgekeurd: nothing of the file is ingested.' },
    FAILED: { description: 'A system failure after retries; the reason is shown. Nothing is ingested.' },
  },
});
