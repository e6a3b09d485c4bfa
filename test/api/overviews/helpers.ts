import { asUser, expectOk } from '../../support/actors';
import type { TestServer } from '../../support/server';

export interface Row {
  period: string;
  periodEnd: string;
  deadline: string;
  state: string;
  deliveredOn: string | null;
  registry: { code: string };
  subDelivery: { code: string };
}

export interface RejectedRow {
  period: string;
  deadline: string | null;
  status: string;
  deliveryId: string;
  deliveryDate: string;
  subDelivery: { code: string };
}

export interface Overview {
  missing: { totalCount: number; nodes: Row[] };
  upcoming: { totalCount: number; nodes: Row[] };
  rejected: { totalCount: number; nodes: RejectedRow[] };
}

const ROW = 'period periodEnd deadline state deliveredOn registry { code } subDelivery { code }';
export const OVERVIEW = `query ($code: String!, $asOf: Date, $first: Int) { deliveryOverview(institutionCode: $code, asOf: $asOf) {
  missing(first: $first) { totalCount nodes { ${ROW} } }
  upcoming(first: $first) { totalCount nodes { ${ROW} } }
  rejected(first: $first) { totalCount nodes { period deadline status deliveryId deliveryDate subDelivery { code } } } } }`;

export async function overview(server: TestServer, token: string, code: string, asOf: string, first = 50): Promise<Overview> {
  const data = expectOk(await asUser<{ deliveryOverview: Overview | null }>(server, token, OVERVIEW, { code, asOf, first }));
  if (!data.deliveryOverview) throw new Error(`no overview for ${code}`);
  return data.deliveryOverview;
}

export const EXPECTED = `query ($filter: ExpectedDeliveryFilterInput, $asOf: Date, $first: Int, $after: String) {
  expectedDeliveries(filter: $filter, asOf: $asOf, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;

export async function expected(server: TestServer, token: string, filter: Record<string, unknown>, asOf: string, first = 100) {
  const data = expectOk(
    await asUser<{ expectedDeliveries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Row[] } }>(
      server,
      token,
      EXPECTED,
      { filter, asOf, first },
    ),
  );
  return data.expectedDeliveries;
}

/** `CAT 2026K1` form, for readable assertions. */
export const label = (row: { period: string; subDelivery: { code: string } }) => `${row.subDelivery.code} ${row.period}`;
