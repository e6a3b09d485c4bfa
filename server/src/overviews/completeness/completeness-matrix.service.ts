import type { RequestContext } from '../../kernel/context';
import { readScope } from '../../access/read-scope';
import { asOfOrToday } from '../overview/overview.service';
import { keyOf } from '../common/overview-cache';
import { computeCompleteness } from './completeness.service';
import { CompletenessDimension, type CompletenessFilter, type CompletenessRow } from './completeness.types';
import { CompletenessCellState, CompletenessMatrix, CompletenessMatrixInstitution } from './completeness-matrix.types';

/**
 * Completeness per institution × period for what the caller may read: hub staff every institution,
 * anyone else the streams of their grants. Cached per grants, filter and day for one `overview`
 * data version, like the other overview results.
 */
export async function completenessMatrix(ctx: RequestContext, filter: CompletenessFilter, asOfInput: string | null | undefined): Promise<CompletenessMatrix> {
  const asOf = asOfOrToday(ctx, asOfInput);
  const scope = await readScope(ctx);
  const grants = scope.all ? null : scope.grants;
  if (grants?.length === 0) return toMatrix([]);
  return ctx.services.overviewCache.get(ctx, keyOf('completenessMatrix', filter, asOf, grants), async () =>
    toMatrix(await computeCompleteness(ctx, filter, [CompletenessDimension.INSTITUTION, CompletenessDimension.PERIOD], asOf, grants)),
  );
}

export function cellState(expected: number, delivered: number, onTime: number): CompletenessCellState {
  if (expected === 0) return CompletenessCellState.NONE;
  if (delivered < expected) return CompletenessCellState.MISSING;
  return onTime < delivered ? CompletenessCellState.LATE : CompletenessCellState.ON_TIME;
}

/** Rows grouped by institution and period (in period order) folded into row-major lists; absent cells are 0. */
export function toMatrix(rows: CompletenessRow[]): CompletenessMatrix {
  const periodIndex = new Map<string, number>();
  const periods: string[] = [];
  const periodEnds: string[] = [];
  const institutionsById = new Map<string, CompletenessMatrixInstitution>();
  for (const row of rows) {
    const key = `${row.period}/${row.periodEnd}`;
    if (!periodIndex.has(key)) {
      periodIndex.set(key, periods.length);
      periods.push(row.period ?? '');
      periodEnds.push(row.periodEnd ?? '');
    }
    if (row.institutionId && !institutionsById.has(row.institutionId)) {
      institutionsById.set(
        row.institutionId,
        Object.assign(new CompletenessMatrixInstitution(), { code: row.institutionCode ?? '', name: row.institutionName ?? '' }),
      );
    }
  }
  // Codes are 8 digits: plain comparison is the database's order too.
  const ids = [...institutionsById.keys()].sort((a, b) => compare(institutionsById.get(a)?.code ?? '', institutionsById.get(b)?.code ?? ''));
  const rowOf = new Map(ids.map((id, index) => [id, index]));
  const size = ids.length * periods.length;
  const expected = new Array<number>(size).fill(0);
  const delivered = new Array<number>(size).fill(0);
  const onTime = new Array<number>(size).fill(0);
  for (const row of rows) {
    const at = (rowOf.get(row.institutionId ?? '') ?? 0) * periods.length + (periodIndex.get(`${row.period}/${row.periodEnd}`) ?? 0);
    expected[at] = row.expected;
    delivered[at] = row.delivered;
    onTime[at] = row.onTime;
  }
  return Object.assign(new CompletenessMatrix(), {
    institutions: ids.map((id) => institutionsById.get(id) as CompletenessMatrixInstitution),
    periods,
    periodEnds,
    expected,
    delivered,
    onTime,
    late: delivered.map((count, at) => count - (onTime[at] ?? 0)),
    missing: expected.map((count, at) => count - (delivered[at] ?? 0)),
    states: expected.map((count, at) => cellState(count, delivered[at] ?? 0, onTime[at] ?? 0)),
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
