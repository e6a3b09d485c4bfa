import type { Finding } from '@datahub/validation';

type Rows = (sql: string, params: unknown[]) => Promise<{ last: number | null }[]>;

/**
 * The highest sequence number an institution used for a registry: a file whose number is not
 * higher gets B09 (a warning). `before` leaves out the delivery being processed and every later one,
 * so reprocessing gives the same answer as the first run.
 */
export async function lastSequenceNumber(
  rows: Rows,
  scope: { institutionId: string; registryId: string; before?: { deliveryId: string; deliveredAt: Date } },
): Promise<number | null> {
  const before = scope.before ? ' and d.id <> ? and (d.delivered_at, d.id) < (?, ?)' : '';
  const params: unknown[] = [scope.institutionId, scope.registryId];
  if (scope.before) params.push(scope.before.deliveryId, scope.before.deliveredAt, scope.before.deliveryId);
  const found = await rows(
    `select max(d.sequence_number) as last from delivery d join sub_delivery s on s.id = d.sub_delivery_id where d.institution_id = ? and s.registry_id = ?${before}`,
    params,
  );
  return found[0]?.last ?? null;
}

/** B09 for sequence number `n` when it is not higher than `last`; null otherwise. */
export function sequenceNumberFinding(n: number, last: number | null): Finding | null {
  return last !== null && n <= last ? { recordNumber: null, code: 'B09', class: 'BW', field: null, params: { n, last }, keyValues: null } : null;
}
