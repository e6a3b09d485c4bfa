import type { DeliveryStatus } from '../../graphql/generated/graphql';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['RECEIVED', 'PROCESSING', 'PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED'];

/** Still moving: the delivery page polls while a delivery is in one of these. */
export const isRunning = (status: DeliveryStatus): boolean => status === 'RECEIVED' || status === 'PROCESSING';

/** Element Plus tag colour per status: green clean, orange with errors, red rejected or failed. */
export function statusTagType(status: DeliveryStatus): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'PROCESSED':
      return 'success';
    case 'PROCESSED_WITH_ERRORS':
      return 'warning';
    case 'REJECTED':
    case 'FAILED':
      return 'danger';
    case 'PROCESSING':
      return 'primary';
    case 'RECEIVED':
      return 'info';
  }
}

/** The Verslag's active filter; the report exports take the same one. */
export interface ReportFilter {
  code?: string | null;
  class?: string | null;
}

/** The plain-HTTP exports (same session cookie; audited by the server); the report's carry the active filter. */
export function exportUrls(id: string, filter: ReportFilter = {}): { csv: string; xlsx: string; failedRecords: string } {
  const base = `/api/deliveries/${encodeURIComponent(id)}`;
  const params = new URLSearchParams();
  if (filter.code) params.set('code', filter.code);
  if (filter.class) params.set('class', filter.class);
  const query = params.size ? `?${params.toString()}` : '';
  return { csv: `${base}/report.csv${query}`, xlsx: `${base}/report.xlsx${query}`, failedRecords: `${base}/failed-records.csv` };
}

/** A GraphQL Date (`YYYY-MM-DD`) as a Date at local noon, for `d()`: never shifted to another day. */
export const localDate = (value: string): Date => new Date(`${value}T12:00:00`);
