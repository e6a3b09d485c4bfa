import { Frequency } from '../../common/period';
import { definePaging, keysetCondition, keysetOrder, keysetSelect, type PageWindow, type Paging, type SortKey } from '../../common/pagination';
import { raw, type Sql, sql } from './sql';
import { ExpectedDelivery, ExpectedDeliveryState } from '../overview/expected-delivery.types';
import type { RegistriesAndSubDeliveries } from '../../registries/registry-directory';
import type { Registry } from '../../registries/registry.entity';
import type { SubDelivery } from '../../registries/sub-delivery.entity';

/** An expected-delivery row as the SQL of expected.sql.ts returns it (through json_agg: dates as text). */
export interface ExpectedRow {
  institution_id: string;
  sub_delivery_id: string;
  registry_id: string;
  frequency: string;
  period: string;
  period_end: string;
  deadline: string;
  adjusted: boolean;
  deadline_reason: string | null;
  delivered_on: string | null;
}

/** The state of an expected delivery on `asOf` (the SQL twin is `stateSql`). */
export function stateOf(row: Pick<ExpectedRow, 'deadline' | 'delivered_on'>, asOf: string): ExpectedDeliveryState {
  if (row.delivered_on) return row.delivered_on <= row.deadline ? ExpectedDeliveryState.ON_TIME : ExpectedDeliveryState.LATE;
  return row.deadline < asOf ? ExpectedDeliveryState.MISSING : ExpectedDeliveryState.OPEN;
}

/**
 * A row's registry and sub-delivery from the registry directory of the overview version the row
 * was computed at: the row carries them, so they are read as plain fields (no resolver and no
 * promise per row and field) for as long as the row is cached, which is that version too.
 */
export function streamOf(directory: RegistriesAndSubDeliveries, registryId: string, subDeliveryId: string): { registry: Registry; subDelivery: SubDelivery } {
  const registry = directory.registries.get(registryId);
  const subDelivery = directory.subDeliveries.get(subDeliveryId);
  // Cannot happen at one version: a removed registry or stream bumps it.
  if (!registry || !subDelivery) throw new Error(`${registry ? 'sub-delivery' : 'registry'} vanished while the request ran`);
  return { registry, subDelivery };
}

export function toExpectedDelivery(row: ExpectedRow, asOf: string, directory: RegistriesAndSubDeliveries): ExpectedDelivery {
  return Object.assign(new ExpectedDelivery(), {
    institutionId: row.institution_id,
    registryId: row.registry_id,
    subDeliveryId: row.sub_delivery_id,
    ...streamOf(directory, row.registry_id, row.sub_delivery_id),
    period: row.period,
    periodEnd: row.period_end,
    frequency: row.frequency as Frequency,
    deadline: row.deadline,
    deadlineAdjusted: row.adjusted,
    deadlineReason: row.deadline_reason,
    state: stateOf(row, asOf),
    deliveredOn: row.delivered_on,
  });
}

/** SQL of the same state, over columns `deadline` and `delivered_on`, with `asOf` as its one value. */
export const STATE_SQL = `case when delivered_on is not null then case when delivered_on <= deadline then 'ON_TIME' else 'LATE' end
  when deadline < ?::date then 'MISSING' else 'OPEN' end`;

/**
 * Expected deliveries by deadline, then registry, sub-delivery and institution code, then period
 * (period_end tells TOTAAL years apart; period tells a month from the quarter ending the same day).
 * Over `matching m` joined with `registry rg`, `sub_delivery sd` and `institution i`.
 */
const EXPECTED_KEYS: SortKey[] = [
  { column: 'm.deadline', type: 'date' },
  { column: 'rg.code', type: 'text' },
  { column: 'sd.code', type: 'text' },
  { column: 'i.code', type: 'text' },
  { column: 'm.period_end', type: 'date' },
  { column: 'm.period', type: 'text' },
];

/** Verwacht. */
export const EXPECTED_PAGING = definePaging({ tag: 'expectedDeliveries', keys: EXPECTED_KEYS, defaultSize: 50, maxSize: 500 });

/** The overview's missing and upcoming deliveries (the portal shows 5). */
export const OVERVIEW_EXPECTED_PAGING = definePaging({ tag: 'overviewExpected', keys: EXPECTED_KEYS, defaultSize: 5, maxSize: 500 });

/** The rows of one page of `matching m` in that order: `limit + 1` of them, with their keys, as one JSON array. */
export function expectedPageSql(paging: Paging, window: PageWindow): Sql {
  const condition = window.position ? keysetCondition(paging.keys, window.position, window.backward) : raw('true');
  return sql`coalesce((select json_agg(r) from (
    select m.*, ${raw(keysetSelect(paging.keys))} from matching m join sub_delivery sd on sd.id = m.sub_delivery_id join registry rg on rg.id = m.registry_id
    join institution i on i.id = m.institution_id
    where ${condition} order by ${raw(keysetOrder(paging.keys, window.backward))} limit ${window.limit + 1}) r), '[]'::json)`;
}
